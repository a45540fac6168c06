import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/open.ts';
import { surveys } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { loadSurveyFile } from '../../surveys/load.ts';

// Against the real production build (made once by global-setup): what a phone on slow data gets.
const SLUG = 'bih-police-trust';

function appWithDb() {
  const db = openDatabase(':memory:');
  publishSurveyFiles(db, [loadSurveyFile(`surveys/${SLUG}.json`)]);
  return { served: createApp({ db, config: { bodyLimitBytes: 64 * 1024, webDist: inject('webDist') } }), db };
}

const app = () => appWithDb().served;

function builtScript(): string {
  const script = readdirSync(join(inject('webDist'), 'assets')).find((name) => /^index-.*\.js$/.test(name));
  if (!script) throw new Error('no entry script in the build');
  return `/assets/${script}`;
}

const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

describe('static files', () => {
  it('sends a hashed script brotli-compressed, cached for a year as immutable', async () => {
    const response = await app().request(builtScript(), { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const compressed = Buffer.from(await response.arrayBuffer());
    const plain = brotliDecompressSync(compressed);
    expect(plain.toString('utf8')).toMatch(/survey/i);
    // Compressed by a good margin, not merely relabelled.
    expect(compressed.length).toBeLessThan(plain.length / 3);
  });

  it('sends gzip to a browser that takes only gzip, and the plain file to one that takes neither', async () => {
    const gzip = await app().request(builtScript(), { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const unzipped = gunzipSync(Buffer.from(await gzip.arrayBuffer()));
    const plain = await app().request(builtScript());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(unzipped)).toBe(true);
  });

  it('answers 404 for an asset that does not exist, not the page', async () => {
    const response = await app().request('/assets/index-missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toMatch(/html/);
  });

  it('serves the page for any page path with revalidating caching: an unchanged page costs a 304', async () => {
    const served = app();
    const first = await served.request(`/s/${SLUG}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await served.request('/studio', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('the offline app files', () => {
  it('serves the manifest and the service worker with revalidating caching, so a new version is seen at once', async () => {
    const served = app();
    const manifest = await served.request('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(await manifest.json()).toMatchObject({ name: 'Trustlens', display: 'standalone' });
    const worker = await served.request('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('API JSON', () => {
  it('sends the questionnaire gzip-compressed with an ETag, and a 304 when it has not changed', async () => {
    const served = app();
    const response = await served.request(`/api/surveys/${SLUG}`, { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const compressed = Buffer.from(await response.arrayBuffer());
    const body = JSON.parse(gunzipSync(compressed).toString('utf8')) as { slug: string; version: number };
    expect(body).toMatchObject({ slug: SLUG, version: 1 });
    expect(compressed.length).toBeLessThan(Buffer.byteLength(JSON.stringify(body)) / 4);

    const tag = response.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await served.request(`/api/surveys/${SLUG}`, { headers: { 'accept-encoding': BROWSER_ENCODINGS, 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends a new ETag once fieldwork has closed, so a kept copy is not reused', async () => {
    const { served, db } = appWithDb();
    const before = (await served.request(`/api/surveys/${SLUG}`)).headers.get('etag')!;
    db.update(surveys).set({ status: 'closed' }).where(eq(surveys.slug, SLUG)).run();
    const after = await served.request(`/api/surveys/${SLUG}`, { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: 'closed' });
  });
});
