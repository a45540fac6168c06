import { z } from 'zod';
import type { Operation } from './operations.ts';

const ERROR_TEXT: Record<number, string> = {
  400: 'the body is not JSON', 401: 'not signed in, or a bad token', 403: 'signed in without the right, or missing CSRF token',
  404: 'not found', 409: 'conflict with what is stored', 413: 'body too large', 422: 'not in the expected form: details list { field, issue }',
  429: 'too many attempts: see Retry-After', 503: 'the database does not answer',
};

const errorSchema = z.object({
  error: z.object({ type: z.string(), message: z.string(), details: z.array(z.object({ field: z.string(), issue: z.string() })).optional() }),
});

function jsonSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/**
 * The OpenAPI 3.1 document of the API, built from the same zod schemas the routes validate with,
 * so the documentation cannot drift from what the server accepts.
 */
export function openApiDocument(operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [
      ...[...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries((jsonSchema(operation.query ?? z.object({})).properties ?? {}) as Record<string, unknown>)
        .map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, description] of Object.entries(operation.responses)) responses[status] = { description };
    for (const status of operation.errors ?? []) {
      responses[status] = { description: ERROR_TEXT[status] ?? 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.roles ? { description: `Who may call it: ${operation.roles}.`, security: [{ session: [] }, { token: [] }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Trustlens API',
      version: '0.1.0',
      description: 'Surveys of trust in police: questionnaires, responses, fieldwork and indicators. Errors are `{ error: { type, message, details? } }`. '
        + 'Cookie-authenticated writes need the session\'s CSRF token in `X-CSRF-Token`; API tokens go in `Authorization: Bearer tl_…`.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'trustlens_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
    },
  };
}
