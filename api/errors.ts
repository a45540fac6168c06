import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from './db/unavailable.ts';

/** Machine-readable error kinds, one per status we answer with. */
export type ErrorType =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'validation'
  | 'rate_limited' | 'unavailable' | 'not_implemented' | 'internal';

const TYPE_BY_STATUS: Record<number, ErrorType> = {
  400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited', 409: 'conflict', 413: 'payload_too_large', 422: 'validation', 501: 'not_implemented', 503: 'unavailable',
};

/** An error a client can act on: status, kind, message, and optional details (e.g. `[{ field, issue }]`). */
export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string, readonly details?: unknown) {
    super(status, { message });
  }
}

/**
 * Shapes every error as `{ error: { type, message, details? } }`. Anything unexpected becomes a
 * plain 500 whose body says nothing about the code; the stack goes to the server log only. A
 * database that is not answering is not a bug: 503 with Retry-After.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const details = error instanceof ApiError ? error.details : undefined;
    const body = { error: { type: TYPE_BY_STATUS[status] ?? 'bad_request', message: error.message, ...(details === undefined ? {} : { details }) } };
    return c.json(body, status);
  }
  if (isDatabaseUnavailable(error)) {
    console.error(error);
    c.header('Retry-After', '5');
    return c.json({ error: { type: 'unavailable', message: 'The database is not answering. Nothing was changed; please try again in a few seconds.' } }, 503);
  }
  console.error(error);
  return c.json({ error: { type: 'internal', message: 'Something went wrong on the server. Your request was not completed; please try again.' } }, 500);
}
