import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built web app: files under `webDist` as they are, and index.html for every other
 * page path (/s/<slug>, /), since the React app routes in the browser. When the app has not been
 * built, pages answer with a hint instead of a blank 404.
 */
export function webAppRoutes(webDist: string) {
  const app = new Hono();
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    return app.get('*', (c) => c.text('The web app is not built yet: run `npm run build` (npm start does it for you).', 503));
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('/assets/*', serveStatic({ root: webDist }));
  app.use('/favicon.svg', serveStatic({ root: webDist }));
  return app.get('*', (c) => c.html(indexHtml));
}
