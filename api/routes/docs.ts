import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { openApiDocument } from '../openapi/document.ts';
import type { Operation } from '../openapi/operations.ts';

const swaggerUiFolder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Trustlens API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body></html>`;

// Served as a file rather than inline, so the page works under a strict Content-Security-Policy.
const START = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });";

/** The OpenAPI document and an interactive reference page, served from our own files (no CDN). */
export function docsRoutes(operations: Operation[]) {
  const document = openApiDocument(operations);
  return new Hono()
    .get('/openapi.json', (c) => c.json(document))
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/start.js', (c) => c.body(START, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .use('/docs/assets/*', serveStatic({ root: swaggerUiFolder, rewriteRequestPath: (path) => path.replace(/^\/api\/docs\/assets/, '') }));
}
