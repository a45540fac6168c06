import { expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect } from './dialects.ts';
import { SHORT, shortSurvey } from './helpers.ts';

forEachDialect('making and publishing a questionnaire over the API', (ctx) => {
  it('a researcher copies a template, publishes the copy, and respondents can load it; the slug cannot be taken twice', async () => {
    const { app, store } = await ctx.testApp({ files: [shortSurvey()] });
    await createAccount(store, 'res@example.org', 'researcher');
    const { headers } = await signIn(app, 'res@example.org');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await app.request(path, { method, headers: headers(method !== 'GET'), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: response.status, body: await response.json().catch(() => null) };
    };
    const created = await call('POST', '/api/surveys', { slug: 'wave-two', fromTemplate: SHORT });
    expect(created.status).toBe(201);
    expect(created.body.draft.problems).toEqual([]);
    expect((await call('GET', '/api/surveys/wave-two/draft')).body.definition.pages).toEqual(shortSurvey().definition.pages);
    expect((await call('POST', '/api/surveys', { slug: 'wave-two' })).status).toBe(409);
    const published = await call('POST', '/api/surveys/wave-two/publish');
    expect(published).toEqual({ status: 201, body: { slug: 'wave-two', version: 1, warnings: [] } });
    expect((await call('POST', '/api/surveys/wave-two/publish')).status).toBe(409);
    const loaded = await app.request('/api/surveys/wave-two');
    expect(loaded.status).toBe(200);
    expect((await loaded.json()).version).toBe(1);
  });
});
