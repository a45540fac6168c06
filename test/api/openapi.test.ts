import { describe, expect, it } from 'vitest';
import { testApp } from './helpers.ts';

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every endpoint the app serves, and nothing it does not', async () => {
    const { app } = testApp();
    const document = await (await app.request('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)).sort();
    const served = [...new Set(app.routes
      .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/') && !/^\/api\/(docs|openapi\.json)/.test(route.path))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`))].sort();
    expect(documented).toEqual(served);
  });

  it('describes request bodies with the schemas that validate them', async () => {
    const { app } = testApp();
    const document = await (await app.request('/api/openapi.json')).json();
    const submission = document.paths['/api/surveys/{slug}/responses'].post.requestBody.content['application/json'].schema;
    expect(submission.required).toEqual(['id', 'answers', 'language']);
    expect(submission.additionalProperties).toBe(false);
    expect(submission.properties.id.format).toBe('uuid');
    const filters = document.paths['/api/surveys/{slug}/responses'].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(filters).toEqual(expect.arrayContaining(['slug', 'region', 'language', 'mode', 'from', 'to', 'enumerator', 'cursor', 'limit']));
  });

  it('has an interactive reference page whose scripts are served locally', async () => {
    const { app } = testApp();
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await app.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
