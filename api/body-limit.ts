import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';

/**
 * Refuses request bodies over `maxSize` bytes, as hono's bodyLimit does, but decides from the
 * Content-Length header alone when the request has one (and no Transfer-Encoding), and lets GET
 * and HEAD through untouched. Hono's bodyLimit first asks `c.req.raw.body`, and on
 * @hono/node-server that turns the lightweight request into a full web Request with a
 * ReadableStream for every request: ≈ 15 % of the request thread's time per submission under
 * load (docs/benchmarks.md, "Ingest: profile"). Node's HTTP parser never delivers more than
 * Content-Length bytes, so the header is the body's size. Chunked bodies (no length known) still
 * go through hono's bodyLimit, which counts what it reads and stops at the limit.
 */
export function bodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = streamingBodyLimit({ maxSize, onError });
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    return Number.parseInt(length, 10) > maxSize ? Promise.resolve(onError(c)) : next();
  };
}
