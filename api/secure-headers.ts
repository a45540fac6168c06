import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The headers hono's `secureHeaders()` sets with its default options (hono 4.13), in its order.
 * test/api/secure-headers.test.ts checks that every answer carries exactly what hono's
 * middleware would have set, so a hono upgrade that changes its defaults is noticed.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});
const ENTRIES = Object.entries(SECURITY_HEADERS);
const JSON_WITH_SECURITY_HEADERS = Object.freeze({ 'Content-Type': 'application/json', ...SECURITY_HEADERS });

/** Answers made with the security headers already in them: the middleware leaves them as they are. */
const stamped = new WeakSet<Response>();

/**
 * Hono's secureHeaders, with one shortcut: an answer made by `jsonWithSecurityHeaders` already
 * carries every header and is passed on untouched. Setting them afterwards, as hono's middleware
 * does, turns @hono/node-server's plain header object into a web Headers object, eleven checked
 * `set` calls and a sorted walk over it when the reply is written: a measurable share of a
 * submission's request-thread time (docs/benchmarks.md, "Ingest: CPU per stored submission").
 * Every other answer (errors, files, 304s) gets the headers set afterwards, replacing a handler's
 * own value as hono's `overwrite: true` does, and loses X-Powered-By.
 */
export function secureHeaders(): MiddlewareHandler {
  return async function secureHeaders(c, next) {
    await next();
    if (stamped.has(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of ENTRIES) headers.set(name, value);
    headers.delete('X-Powered-By');
  };
}

/**
 * `c.json(value, status)` for a reply that nothing downstream changes (a stored submission): the
 * JSON body with the security headers in one plain header object, which @hono/node-server writes
 * as it is (Content-Length from the body). Only for a handler that set no header of its own
 * (`c.header`), since the reply is made without the context's prepared headers.
 */
export function jsonWithSecurityHeaders(value: unknown, status: ContentfulStatusCode): Response {
  const response = new Response(JSON.stringify(value), { status, headers: JSON_WITH_SECURITY_HEADERS });
  stamped.add(response);
  return response;
}
