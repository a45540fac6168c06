import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.ts';
import { jsonLimitProblem } from './json-limits.ts';

/** zod's issues as our `{ field, issue }` list: one entry per faulty or unknown field. */
export function fieldIssues(error: z.ZodError): { field: string; issue: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), issue: 'unknown field' }))
      : [{ field: issue.path.join('.') || 'body', issue: issue.message }],
  );
}

/** Parses a value with a schema, answering 422 with the faulty fields. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, message = 'The request is not in the expected form.'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(422, message, fieldIssues(parsed.error));
  return parsed.data;
}

/**
 * Reads a JSON request body, answering 400 when it is not JSON and 422 when it passes a limit of
 * api/json-limits.ts (too deep, too long a string, a reserved key), so no handler ever sees such a body.
 */
export async function readJson(c: Context): Promise<unknown> {
  const body: unknown = await c.req.json().catch(() => {
    throw new ApiError(400, 'The request body is not valid JSON.');
  });
  const problem = jsonLimitProblem(body);
  if (problem) throw new ApiError(422, 'The request body passes a limit of what this API accepts.', [problem]);
  return body;
}

/** Reads a JSON request body: 400 when it is not JSON, 422 naming each field that does not fit `schema`. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(c));
}
