import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

/**
 * A path with a NUL character (`%00`) names nothing that can exist: slugs are checked when a
 * survey is made, ids are numbers and UUIDs, and PostgreSQL's text cannot hold NUL at all (its
 * driver refuses such a parameter, which was a 500 there while SQLite answered "not found"). So
 * it is answered 404 before any route or database sees it, the same on both databases.
 */
export const refuseNulInPath: MiddlewareHandler = (c, next) => {
  // Hono's path is decoded (%00 is NUL there) unless a malformed escape kept it raw: check both,
  // without parsing the URL again on every request (submissions pass here too).
  const path = c.req.path;
  if (path.includes('\u0000') || /%00/i.test(path)) {
    throw new ApiError(404, 'Nothing is found at a path with a NUL character (%00) in it.');
  }
  // next()'s own promise, not one more: the submission route calls this directly (api/app.ts)
  // and needs the handler's answer passed back.
  return next();
};
