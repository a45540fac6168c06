import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { post, SHORT, submission, testApp } from './helpers.ts';

const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

describe('compressed API replies', () => {
  it('sends a questionnaire gzip-compressed to a browser that accepts it', async () => {
    const { app } = testApp();
    const response = await app.request(`/api/surveys/${SHORT}`, { headers: { 'accept-encoding': BROWSER_ENCODINGS } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const questionnaire = JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8'));
    expect(questionnaire.slug).toBe(SHORT);
  });

  it('answers a submission in plain JSON even when the browser accepts gzip (a few dozen bytes gain nothing from it)', async () => {
    const { app, storedRows } = testApp();
    const sent = submission();
    const response = await post(app, SHORT, sent, { 'accept-encoding': BROWSER_ENCODINGS });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.json()).toEqual({ id: sent.id, version: 1 });
    expect(storedRows()).toHaveLength(1);
  });

  it('answers a refused submission in plain JSON too, with its details', async () => {
    const { app } = testApp();
    const response = await post(app, SHORT, submission({ answers: { consent: 1, age_18_plus: 1, lives_in_bih: 1, trust_police: 99 } }), { 'accept-encoding': BROWSER_ENCODINGS });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.json()).error.details.length).toBeGreaterThan(0);
  });
});
