import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** Vite names every file under assets/ by a hash of its content: a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the service worker, the manifest, icons) is asked about every time. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built web app: files under `webDist` as they are, and index.html for every other
 * page path (/s/<slug>, /), since the React app routes in the browser. Each file goes out in the
 * brotli or gzip copy the build made next to it when the browser accepts one (`precompressed`), so
 * nothing is compressed per request. Hashed assets are cached for a year; the rest revalidates
 * with an ETag, so a new version is seen on the next visit and an unchanged one costs a 304.
 * When the app has not been built, pages answer with a hint instead of a blank 404.
 */
export function webAppRoutes(webDist: string) {
  const app = new Hono();
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    return app.get('*', (c) => c.text('The web app is not built yet: run `npm run build` (npm start does it for you).', 503));
  }
  const files = serveStatic({ root: webDist, precompressed: true });
  app.use('/assets/*', cachePolicy(IMMUTABLE), files);
  // A missing asset is a 404, not the page: a stale page asking for an old file must not get HTML as JavaScript.
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.use('*', cachePolicy(REVALIDATE), etag(), async (c, next) => {
    // index.html is served for page paths below, never under its own name, so that it is one URL per page.
    if (c.req.path === '/index.html') return next();
    return files(c, next);
  });
  return app.get('*', serveStatic({ path: indexFile, precompressed: true }));
}

/** Sets the Cache-Control of a successful answer, and of a 304 (which the ETag check makes without one). */
function cachePolicy(policy: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.ok || c.res.status === 304) c.res.headers.set('Cache-Control', policy);
  };
}
