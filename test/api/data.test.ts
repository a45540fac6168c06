import { expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectContext } from './dialects.ts';
import { SCREENED_OUT } from './messy-fixture.ts';
import { post, SHORT, shortSurvey, skipLogicSurvey, submission, VALID_ANSWERS } from './helpers.ts';

/*
 * Microdata (list, fetch, erase), the fieldwork monitor's counts and the audit log, on both
 * databases (issue #15): the same answers from SQLite and PostgreSQL.
 */

/** A researcher who runs a copy of the short survey, with `count` responses in it. */
async function surveyWithResponses(ctx: DialectContext, count: number) {
  const context = await ctx.testApp({ files: [shortSurvey(), skipLogicSurvey()] });
  await createAccount(context.store, 'res@example.org', 'researcher');
  const researcher = await signIn(context.app, 'res@example.org');
  const call = (method: string, path: string, body?: unknown) =>
    context.app.request(path, { method, headers: researcher.headers(method !== 'GET'), body: body === undefined ? undefined : JSON.stringify(body) });
  const meta = { ...shortSurvey().meta, quotas: { region: { sarajevo: 10, tuzla: 5 } } };
  await call('POST', '/api/surveys', { slug: 'field', content: { definition: shortSurvey().definition, meta } });
  await call('POST', '/api/surveys/field/publish');
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const body = submission({ language: index % 2 ? 'bs' : 'en', answers: { ...VALID_ANSWERS, region: index % 3 ? 'sarajevo' : 'tuzla' } });
    ids.push(body.id);
    expect((await post(context.app, 'field', body)).status).toBe(201);
  }
  return { ...context, call, ids };
}

forEachDialect('reading responses', (ctx) => {
  it('pages through every response exactly once with a cursor', async () => {
    const { call, ids } = await surveyWithResponses(ctx, 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await (await call('GET', `/api/surveys/field/responses?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('filters by region, language, mode and version, and refuses a bad filter naming it', async () => {
    const { call } = await surveyWithResponses(ctx, 6);
    const tuzla = await (await call('GET', '/api/surveys/field/responses?region=tuzla')).json();
    expect(tuzla.items).toHaveLength(2);
    expect(tuzla.items.every((item: { answers: { region: string } }) => item.answers.region === 'tuzla')).toBe(true);
    expect((await (await call('GET', '/api/surveys/field/responses?language=bs&mode=web&version=1')).json()).items).toHaveLength(3);
    expect((await (await call('GET', '/api/surveys/field/responses?mode=enumerator')).json()).items).toHaveLength(0);
    const bad = await call('GET', '/api/surveys/field/responses?limit=0&mode=fax');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['limit', 'mode']);
    expect((await call('GET', '/api/surveys/field/responses?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
  });

  it('fetches one response without internal fields', async () => {
    const { call, ids } = await surveyWithResponses(ctx, 1);
    const record = await (await call('GET', `/api/surveys/field/responses/${ids[0]}`)).json();
    expect(record).toMatchObject({ id: ids[0], version: 1, mode: 'web', answers: { ...VALID_ANSWERS, region: 'tuzla' } });
    expect(record.answersHash).toBeUndefined();
    // The same fields from either database (PostgreSQL's generated region column is not one).
    const fields = ['answers', 'completedAt', 'enumeratorId', 'id', 'importHash', 'isSynthetic', 'language', 'mode', 'paradata', 'psu',
      'receivedAt', 'startedAt', 'stratum', 'surveyId', 'version', 'wave', 'weight'];
    expect(Object.keys(record).sort()).toEqual(fields);
    const listed = (await (await call('GET', '/api/surveys/field/responses')).json()).items;
    expect(Object.keys(listed[0]).sort()).toEqual(fields);
    expect((await call('GET', '/api/surveys/field/responses/not-there')).status).toBe(404);
  });

  it('erases a response: gone from reads and counts, audited by id only', async () => {
    const { rows, call, ids } = await surveyWithResponses(ctx, 3);
    expect((await call('DELETE', `/api/surveys/field/responses/${ids[0]}`)).status).toBe(204);
    expect((await call('GET', `/api/surveys/field/responses/${ids[0]}`)).status).toBe(404);
    expect((await rows('responses')).map((row) => row.id)).not.toContain(ids[0]);
    expect((await (await call('GET', '/api/surveys/field/progress')).json()).total).toBe(2);
    const erasure = (await rows('audit_log')).find((entry) => entry.action === 'response.erase');
    expect(erasure).toMatchObject({ target: ids[0] });
    expect(JSON.stringify(erasure)).not.toContain('sarajevo');
    expect((await call('DELETE', `/api/surveys/field/responses/${ids[0]}`)).status).toBe(404);
  });

  it('counts responses by region against quota targets, by day, language and mode', async () => {
    const { call } = await surveyWithResponses(ctx, 6);
    const progress = await (await call('GET', '/api/surveys/field/progress')).json();
    expect(progress.total).toBe(6);
    expect(progress.byRegion).toEqual([
      { region: 'sarajevo', responses: 4, target: 10 },
      { region: 'tuzla', responses: 2, target: 5 },
    ]);
    expect(progress.byDay).toEqual([{ day: new Date().toISOString().slice(0, 10), responses: 6 }]);
    expect(progress.byLanguage).toEqual([{ language: 'bs', responses: 3 }, { language: 'en', responses: 3 }]);
    expect(progress.byMode).toEqual([{ mode: 'web', responses: 6 }]);
  });

  it('counts screened-out contacts (declined, under 18, not resident) apart from interviews, with "(none)" as their region', async () => {
    const { app, call } = await surveyWithResponses(ctx, 3);
    for (const answers of SCREENED_OUT) expect((await post(app, 'field', submission({ answers }))).status).toBe(201);
    const progress = await (await call('GET', '/api/surveys/field/progress')).json();
    expect(progress.outcomes).toEqual({ contacts: 6, interviews: 3, declined: 1, notEligible: 2, responseRate: 0.75 });
    expect(progress.byRegion).toEqual([
      { region: 'sarajevo', responses: 2, target: 10 },
      { region: 'tuzla', responses: 1, target: 5 },
      { region: '(none)', responses: 3, target: null },
    ]);
  });

  it('gives the median duration, the web completion rate from anonymous starts, and the latest submissions to researchers only', async () => {
    const { app, store, rows, call } = await surveyWithResponses(ctx, 0);
    const at = (seconds: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + seconds * 1000).toISOString();
    for (const seconds of [300, 60, 120]) {
      expect((await post(app, 'field', submission({ startedAt: at(0), completedAt: at(seconds) }))).status).toBe(201);
    }
    expect((await post(app, 'field', submission())).status).toBe(201); // no times: not part of the median
    for (let count = 0; count < 5; count += 1) expect((await app.request('/api/surveys/field/starts', { method: 'POST' })).status).toBe(204);
    const progress = await (await call('GET', '/api/surveys/field/progress')).json();
    expect(progress.medianDurationSeconds).toBe(120);
    expect(progress.completion).toEqual({ started: 5, completed: 4, rate: 0.8, notMeasured: null });
    expect(progress.latest).toHaveLength(4);
    expect(Object.keys(progress.latest[0]).sort()).toEqual(['language', 'mode', 'receivedAt', 'region', 'version']);
    expect(progress.latest[0]).toMatchObject({ region: 'tuzla', language: 'en', mode: 'web', version: 1 });
    expect(await rows('survey_starts')).toEqual([{ survey_id: expect.any(Number), day: new Date().toISOString().slice(0, 10), starts: 5 }]);
    expect((await (await call('GET', '/api/surveys/field/progress?language=bs')).json()).completion).toBeNull();

    await createAccount(store, 'eval@example.org', 'evaluator');
    const evaluator = await signIn(app, 'eval@example.org');
    const seen = await (await app.request('/api/surveys/field/progress', { headers: evaluator.headers() })).json();
    expect(seen.total).toBe(4);
    expect(seen.latest).toBeNull();

    expect((await app.request('/api/surveys/nothing/starts', { method: 'POST' })).status).toBe(404);
    await call('POST', '/api/surveys/field/close');
    expect((await app.request('/api/surveys/field/starts', { method: 'POST' })).status).toBe(409);
  });

  it('lines questions up across versions by name: a removed question stays listed with the versions it was in', async () => {
    const { call } = await surveyWithResponses(ctx, 0);
    const draft = await (await call('POST', '/api/surveys/field/draft')).json();
    const trustPage = draft.definition.pages[2];
    trustPage.elements = trustPage.elements.filter((element: { name: string }) => element.name !== 'pf_fair');
    trustPage.elements.push({
      type: 'boolean', name: 'feels_safe',
      title: { default: 'Do you feel safe?', bs: 'Osjećate li se sigurno?', hr: 'Osjećate li se sigurno?', 'sr-Latn': 'Da li se osjećate bezbjedno?', 'sr-Cyrl': 'Да ли се осјећате безбједно?' },
    });
    draft.meta.indicators = draft.meta.indicators.filter((indicator: { id: string }) => indicator.id !== 'pf_score');
    draft.meta.reliability = [];
    await call('PUT', '/api/surveys/field/draft', { definition: draft.definition, meta: draft.meta });
    expect((await call('POST', '/api/surveys/field/publish')).status).toBe(201);
    const { variables } = await (await call('GET', '/api/surveys/field/variables')).json();
    expect(variables.map((variable: { name: string; versions: number[] }) => [variable.name, variable.versions])).toEqual([
      ['consent', [1, 2]], ['age_18_plus', [1, 2]], ['lives_in_bih', [1, 2]],
      ['region', [1, 2]], ['trust_police', [1, 2]], ['pf_respect', [1, 2]], ['pf_fair', [1]], ['channels_used', [1, 2]], ['feels_safe', [2]],
    ]);
  });

  it('lets no one read microdata of a survey they do not run', async () => {
    const { app, store } = await surveyWithResponses(ctx, 1);
    await createAccount(store, 'other@example.org', 'researcher');
    const other = await signIn(app, 'other@example.org');
    expect((await app.request('/api/surveys/field/responses', { headers: other.headers() })).status).toBe(403);
    expect((await app.request(`/api/surveys/${SHORT}/responses`)).status).toBe(401);
  });
});

forEachDialect('the audit log', (ctx) => {
  it('shows admins who did what to which survey, newest first, filterable by survey and action', async () => {
    const { app, store, ids, call } = await surveyWithResponses(ctx, 1);
    await call('DELETE', `/api/surveys/field/responses/${ids[0]}`);
    await createAccount(store, 'admin@example.org', 'admin');
    const admin = await signIn(app, 'admin@example.org');
    const { entries } = await (await app.request('/api/audit?survey=field', { headers: admin.headers() })).json();
    expect(entries.map((entry: { action: string; user: string | null }) => [entry.action, entry.user])).toEqual([
      ['response.erase', 'res@example.org'],
      ['survey.publish', 'res@example.org'],
      ['draft.save', 'res@example.org'],
      ['survey.create', 'res@example.org'],
    ]);
    const erasures = await (await app.request('/api/audit?action=response.erase', { headers: admin.headers() })).json();
    expect(erasures.entries).toHaveLength(1);
  });
});
