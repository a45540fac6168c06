import { expect, it } from 'vitest';
import { forEachDialect } from './dialects.ts';
import { post, SHORT, shortSurvey, skipLogicSurvey, submission, VALID_ANSWERS } from './helpers.ts';
import { storedResponses } from './stored-responses.ts';

const testApp = (ctx: Parameters<Parameters<typeof forEachDialect>[1]>[0], bodyLimitBytes?: number) =>
  ctx.testApp({ files: [shortSurvey(), skipLogicSurvey()], bodyLimitBytes });

forEachDialect('POST /api/surveys/:slug/responses', (ctx) => {
  it('stores a valid submission once and answers 201 with its id and version', async () => {
    const context = await testApp(ctx);
    const body = submission({ language: 'bs', startedAt: '2026-11-21T08:00:00Z', completedAt: '2026-11-21T08:03:10.5Z' });
    const response = await post(context.app, SHORT, body);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: body.id, version: 1 });
    const rows = await storedResponses(context);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: body.id, version: 1, language: 'bs', answers: VALID_ANSWERS, mode: 'web', is_synthetic: false });
    // Stored with its analysed values in the same transaction: indicators never see one without the other.
    expect((await context.rows('response_values')).map((row) => row.response_id)).toEqual([body.id]);
  });

  it('answers a retry with the same id and answers 200 and the stored record, without a second row', async () => {
    const context = await testApp(ctx);
    const body = submission();
    expect((await post(context.app, SHORT, body)).status).toBe(201);
    const retry = await post(context.app, SHORT, { ...body, id: body.id.toUpperCase(), answers: { ...VALID_ANSWERS } });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ id: body.id, survey: SHORT, version: 1, answers: VALID_ANSWERS, language: 'en' });
    expect(await storedResponses(context)).toHaveLength(1);
  });

  it('answers the same id sent twice at once with 201 and 200, and stores it once', async () => {
    const context = await testApp(ctx);
    const body = submission();
    const statuses = (await Promise.all([post(context.app, SHORT, body), post(context.app, SHORT, body)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([200, 201]);
    expect(await storedResponses(context)).toHaveLength(1);
  });

  it('refuses the same id with different answers (409) and keeps the first answers', async () => {
    const context = await testApp(ctx);
    const body = submission();
    await post(context.app, SHORT, body);
    const clash = await post(context.app, SHORT, { ...body, answers: { ...VALID_ANSWERS, trust_police: 9 } });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.type).toBe('conflict');
    const rows = await storedResponses(context);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual(VALID_ANSWERS);
  });

  it('answers a used id by what is stored before judging the answers: 409 for a second use whose answers do not fit, 200 for the retry', async () => {
    const context = await testApp(ctx);
    const body = submission();
    expect((await post(context.app, SHORT, body)).status).toBe(201);
    const unfit = await post(context.app, SHORT, { ...body, answers: { ...VALID_ANSWERS, trust_police: 'very' }, language: 'xx' });
    expect(unfit.status).toBe(409);
    expect((await unfit.json()).error.type).toBe('conflict');
    expect((await post(context.app, SHORT, body)).status).toBe(200);
    expect(await storedResponses(context)).toHaveLength(1);
  });

  it('does not store the IP address or user agent of the respondent', async () => {
    const context = await testApp(ctx);
    await post(context.app, SHORT, submission(), { 'user-agent': 'Mozilla/5.0 TestPhone', 'x-forwarded-for': '203.0.113.7' });
    const rows = await storedResponses(context);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('203.0.113.7');
    expect(stored).not.toContain('TestPhone');
    expect(Object.keys(rows[0]!).filter((name) => /ip|agent|address/i.test(name))).toEqual([]);
  });

  it('answers 404 for a survey that does not exist, and 422 naming the field for a version it does not have', async () => {
    const context = await testApp(ctx);
    const response = await post(context.app, 'no-such-survey', submission());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No published survey "no-such-survey".' } });
    const noVersion = await post(context.app, SHORT, submission({ version: 7 }));
    expect(noVersion.status).toBe(422);
    expect((await noVersion.json()).error.details).toEqual([{ field: 'version', issue: `survey "${SHORT}" has no version 7` }]);
    expect(await storedResponses(context)).toHaveLength(0);
  });

  it('answers 422 naming each answer that does not fit, and stores nothing', async () => {
    const context = await testApp(ctx);
    const response = await post(context.app, SHORT, submission({ answers: { ...VALID_ANSWERS, trust_police: 'very' }, language: 'xx' }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details.map((detail: { field: string }) => detail.field)).toContain('language');
    expect(await storedResponses(context)).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON, and stores nothing', async () => {
    const context = await testApp(ctx);
    const response = await post(context.app, SHORT, '{"id": "abc", answers');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: 'bad_request', message: 'The request body is not valid JSON.' });
    expect(await storedResponses(context)).toHaveLength(0);
  });

  it('answers 413 for a body over the limit, and stores nothing', async () => {
    const context = await testApp(ctx, 4096);
    const response = await post(context.app, SHORT, submission({ answers: { ...VALID_ANSWERS, pad: 'x'.repeat(10_000) } }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.type).toBe('payload_too_large');
    expect(await storedResponses(context)).toHaveLength(0);
  });
});
