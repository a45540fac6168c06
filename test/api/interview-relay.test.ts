import { beforeAll, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, skipLogicSurvey, submission } from './helpers.ts';
import { storedResponses } from './stored-responses.ts';

// An interview records its enumerator on the tablet (enumeratorId), so that it keeps them when
// another device sends it (a supervisor loading a saved file) and is never stored as a resident's
// answers when the enumerator's session has expired.
forEachDialect('an interview that names its enumerator', (ctx) => {
  let context: DialectApp;
  let ids: Record<'ana' | 'boris' | 'outsider' | 'researcher' | 'other', number>;
  let sessions: Record<'ana' | 'boris' | 'researcher' | 'other', Awaited<ReturnType<typeof signIn>>>;

  beforeAll(async () => {
    context = await ctx.testApp({ files: [shortSurvey(), skipLogicSurvey()] });
    const user = async (email: string, role: 'enumerator' | 'researcher') => (await createAccount(context.store, email, role)).id;
    ids = {
      ana: await user('ana@example.org', 'enumerator'), boris: await user('boris@example.org', 'enumerator'),
      outsider: await user('outsider@example.org', 'enumerator'), researcher: await user('researcher@example.org', 'researcher'),
      other: await user('other@example.org', 'researcher'),
    };
    const surveyId = (await context.store.surveys.findVersion(SHORT))!.surveyId;
    for (const userId of [ids.ana, ids.boris, ids.researcher]) {
      await context.execute('INSERT INTO survey_members (survey_id, user_id) VALUES (?, ?)', [surveyId, userId]);
    }
    sessions = {
      ana: await signIn(context.app, 'ana@example.org'), boris: await signIn(context.app, 'boris@example.org'),
      researcher: await signIn(context.app, 'researcher@example.org'), other: await signIn(context.app, 'other@example.org'),
    };
  });

  const stored = async (id: string) => (await storedResponses(context)).filter((row) => row.id === id).map((row) => ({ mode: row.mode, enumeratorId: row.enumerator_id }));

  it('sent with no session (it expired offline) is refused with 401 and not stored as a resident’s', async () => {
    const body = submission({ enumeratorId: ids.ana });
    const response = await post(context.app, SHORT, body);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/Sign in again/);
    expect(await stored(body.id)).toEqual([]);
  });

  it('is stored with its enumerator when they send it themselves', async () => {
    const body = submission({ enumeratorId: ids.ana });
    expect((await post(context.app, SHORT, body, sessions.ana.headers(true))).status).toBe(201);
    expect(await stored(body.id)).toEqual([{ mode: 'enumerator', enumeratorId: ids.ana }]);
  });

  it('sent by a researcher of the survey from a saved file keeps its enumerator; the tablet sending it later is a retry', async () => {
    const body = submission({ enumeratorId: ids.boris });
    expect((await post(context.app, SHORT, body, sessions.researcher.headers(true))).status).toBe(201);
    expect((await post(context.app, SHORT, body, sessions.boris.headers(true))).status).toBe(200);
    expect(await stored(body.id)).toEqual([{ mode: 'enumerator', enumeratorId: ids.boris }]);
  });

  it('is refused from another enumerator (403), from a researcher not on the survey (403), and for someone not assigned (422)', async () => {
    const byOther = submission({ enumeratorId: ids.ana });
    expect((await post(context.app, SHORT, byOther, sessions.boris.headers(true))).status).toBe(403);
    expect((await post(context.app, SHORT, byOther, sessions.other.headers(true))).status).toBe(403);
    const unassigned = submission({ enumeratorId: ids.outsider });
    const response = await post(context.app, SHORT, unassigned, sessions.researcher.headers(true));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toEqual([{ field: 'enumeratorId', issue: `user ${ids.outsider} is not an enumerator assigned to survey "${SHORT}"` }]);
    expect(await stored(byOther.id)).toEqual([]);
    expect(await stored(unassigned.id)).toEqual([]);
  });

  it('without a named enumerator, from a signed-in enumerator, is stored as theirs; GET /api/interviews lists only the surveys they are assigned to', async () => {
    const body = submission();
    expect((await post(context.app, SHORT, body, sessions.ana.headers(true))).status).toBe(201);
    expect(await stored(body.id)).toEqual([{ mode: 'enumerator', enumeratorId: ids.ana }]);
    const list = await context.app.request('/api/interviews', { headers: sessions.ana.headers() });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ surveys: [{ slug: SHORT, status: 'open', version: 1, title: expect.any(String) }] });
    // The researcher may not list interviews (403); an enumerator on no survey sees none.
    expect((await context.app.request('/api/interviews', { headers: sessions.researcher.headers() })).status).toBe(403);
    const outsider = await signIn(context.app, 'outsider@example.org');
    expect(await (await context.app.request('/api/interviews', { headers: outsider.headers() })).json()).toEqual({ surveys: [] });
  });
});
