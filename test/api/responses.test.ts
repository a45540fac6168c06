import { describe, expect, it } from 'vitest';
import { post, SHORT, submission, testApp, VALID_ANSWERS } from './helpers.ts';

describe('POST /api/surveys/:slug/responses', () => {
  it('stores a valid submission once and answers 201 with its id and version', async () => {
    const { app, storedRows } = testApp();
    const body = submission({ language: 'bs', startedAt: '2026-11-21T08:00:00Z', completedAt: '2026-11-21T08:03:10.5Z' });
    const response = await post(app, SHORT, body);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: body.id, version: 1 });
    const rows = storedRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: body.id, version: 1, language: 'bs', answers: VALID_ANSWERS, mode: 'web', isSynthetic: false });
  });

  it('answers a retry with the same id and answers 200 and the stored record, without a second row', async () => {
    const { app, storedRows } = testApp();
    const body = submission();
    expect((await post(app, SHORT, body)).status).toBe(201);
    const retry = await post(app, SHORT, { ...body, answers: { ...VALID_ANSWERS } });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ id: body.id, survey: SHORT, version: 1, answers: VALID_ANSWERS, language: 'en' });
    expect(storedRows()).toHaveLength(1);
  });

  it('refuses the same id with different answers (409) and keeps the first answers', async () => {
    const { app, storedRows } = testApp();
    const body = submission();
    await post(app, SHORT, body);
    const clash = await post(app, SHORT, { ...body, answers: { ...VALID_ANSWERS, trust_police: 9 } });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.type).toBe('conflict');
    expect(storedRows()).toHaveLength(1);
    expect(storedRows()[0]!.answers).toEqual(VALID_ANSWERS);
  });

  it('does not store the IP address or user agent of the respondent', async () => {
    const { app, db, storedRows } = testApp();
    await post(app, SHORT, submission(), { 'user-agent': 'Mozilla/5.0 TestPhone', 'x-forwarded-for': '203.0.113.7' });
    const stored = JSON.stringify(storedRows());
    expect(stored).not.toContain('203.0.113.7');
    expect(stored).not.toContain('TestPhone');
    const columns = db.$client.prepare('select name from pragma_table_info(?)').all('responses') as { name: string }[];
    expect(columns.map((column) => column.name).filter((name) => /ip|agent|address/i.test(name))).toEqual([]);
  });

  it('answers 404 for a survey that does not exist', async () => {
    const { app } = testApp();
    const response = await post(app, 'no-such-survey', submission());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No published survey "no-such-survey".' } });
  });

  it('answers 400 for a body that is not JSON, and stores nothing', async () => {
    const { app, storedRows } = testApp();
    const response = await post(app, SHORT, '{"id": "abc", answers');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: 'bad_request', message: 'The request body is not valid JSON.' });
    expect(storedRows()).toHaveLength(0);
  });

  it('answers 413 for a body over the limit, and stores nothing', async () => {
    const { app, storedRows } = testApp(undefined, 4096);
    const response = await post(app, SHORT, submission({ answers: { ...VALID_ANSWERS, pad: 'x'.repeat(10_000) } }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.type).toBe('payload_too_large');
    expect(storedRows()).toHaveLength(0);
  });
});
