import { expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';

/*
 * Fieldwork and the manage page on both databases (issue #15): closing and reopening, versions
 * with their counts, members, and the manage page's list give the same answers on PostgreSQL as
 * on SQLite, with their audit entries written there.
 */
async function signedIn(context: DialectApp, email: string, role: 'admin' | 'researcher' | 'enumerator' | 'evaluator') {
  const user = await createAccount(context.store, email, role);
  const session = await signIn(context.app, email);
  const call = async (method: string, path: string, body?: unknown) => {
    const reply = await context.app.request(path, { method, headers: session.headers(method !== 'GET'), body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: reply.status, body: reply.status === 204 ? null : await reply.json() };
  };
  return { user, call, headers: session.headers };
}

forEachDialect('fieldwork and the manage page', (ctx) => {
  it('closes and reopens fieldwork, audited, and counts responses by version', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    const admin = await signedIn(context, 'admin@example.org', 'admin');
    expect((await post(context.app, SHORT, submission())).status).toBe(201);
    expect((await post(context.app, SHORT, submission())).status).toBe(201);
    expect(await admin.call('POST', `/api/surveys/${SHORT}/close`)).toEqual({ status: 200, body: { slug: SHORT, status: 'closed' } });
    expect((await post(context.app, SHORT, submission())).status).toBe(409);
    const versions = await admin.call('GET', `/api/surveys/${SHORT}/versions`);
    expect(versions.body).toEqual({ slug: SHORT, status: 'closed', versions: [{ version: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/), responses: 2 }] });
    expect(await admin.call('POST', `/api/surveys/${SHORT}/open`)).toEqual({ status: 200, body: { slug: SHORT, status: 'open' } });
    expect((await post(context.app, SHORT, submission())).status).toBe(201);
    expect((await context.rows('audit_log')).map((entry) => entry.action).filter((action) => String(action).startsWith('fieldwork.')))
      .toEqual(['fieldwork.close', 'fieldwork.reopen']);
  });

  it('adds, lists and removes members; candidates are enabled researchers and enumerators not yet members', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    const admin = await signedIn(context, 'admin@example.org', 'admin');
    const researcher = await createAccount(context.store, 'res@example.org', 'researcher');
    const enumerator = await createAccount(context.store, 'enum@example.org', 'enumerator');
    await createAccount(context.store, 'eval@example.org', 'evaluator');
    const path = `/api/surveys/${SHORT}/members`;
    expect((await admin.call('GET', `${path}/candidates`)).body.accounts).toEqual([
      { id: enumerator.id, email: 'enum@example.org', role: 'enumerator' },
      { id: researcher.id, email: 'res@example.org', role: 'researcher' },
    ]);
    expect(await admin.call('POST', path, { email: ' RES@example.org ' })).toEqual({ status: 201, body: { id: researcher.id, email: 'res@example.org', role: 'researcher' } });
    expect((await admin.call('POST', path, { email: 'eval@example.org' })).status).toBe(422);
    expect((await admin.call('POST', path, { email: 'nobody@example.org' })).body.error.details).toEqual([{ field: 'email', issue: 'no account with this e-mail; an admin creates accounts' }]);
    expect((await admin.call('POST', path, { email: 'enum@example.org' })).status).toBe(201);
    expect((await admin.call('POST', path, { email: 'enum@example.org' })).status).toBe(201); // again: still one membership
    expect((await admin.call('GET', path)).body.members).toEqual([
      { id: enumerator.id, email: 'enum@example.org', role: 'enumerator', addedAt: expect.any(String) },
      { id: researcher.id, email: 'res@example.org', role: 'researcher', addedAt: expect.any(String) },
    ]);
    expect((await admin.call('GET', `${path}/candidates`)).body.accounts).toEqual([]);
    expect((await admin.call('DELETE', `${path}/${enumerator.id}`)).status).toBe(204);
    expect((await admin.call('DELETE', `${path}/${enumerator.id}`)).status).toBe(404);
    expect((await admin.call('GET', path)).body.members.map((member: { email: string }) => member.email)).toEqual(['res@example.org']);
    const audit = (await context.rows('audit_log')).filter((entry) => String(entry.action).startsWith('member.'));
    expect(audit.map((entry) => [entry.action, entry.target])).toEqual([
      ['member.add', 'res@example.org'], ['member.add', 'enum@example.org'], ['member.add', 'enum@example.org'], ['member.remove', String(enumerator.id)],
    ]);
  });

  it('lists the surveys a researcher manages, with titles, drafts and counts, and the templates', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    const researcher = await signedIn(context, 'res@example.org', 'researcher');
    expect((await researcher.call('GET', '/api/manage/surveys')).body).toEqual({
      templates: [{ slug: SHORT, version: 1, languages: ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'], title: 'Trust in the police in Bosnia and Herzegovina (short form)' }],
      surveys: [],
    });
    const tuzla = { definition: { ...shortSurvey().definition, title: { default: 'Tuzla pilot', bs: 'Tuzla pilot', hr: 'Tuzla pilot', 'sr-Latn': 'Tuzla pilot', 'sr-Cyrl': 'Тузла пилот' } }, meta: shortSurvey().meta };
    expect((await researcher.call('POST', '/api/surveys', { slug: 'tuzla', content: tuzla })).status).toBe(201);
    expect((await researcher.call('POST', '/api/surveys', { slug: 'zenica', fromTemplate: SHORT, title: 'Zenica pilot' })).status).toBe(201);
    const published = await researcher.call('POST', '/api/surveys/tuzla/publish');
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect((await post(context.app, 'tuzla', submission())).status).toBe(201);
    const { body } = await researcher.call('GET', '/api/manage/surveys');
    expect(body.surveys).toEqual([
      { slug: 'tuzla', title: 'Tuzla pilot', status: 'open', version: 1, draftUpdatedAt: null, responses: 1, synthetic: 0 },
      { slug: 'zenica', title: 'Zenica pilot', status: 'open', version: null, draftUpdatedAt: expect.any(String), responses: 0, synthetic: 0 },
    ]);
    const admin = await signedIn(context, 'admin@example.org', 'admin');
    expect((await admin.call('GET', '/api/manage/surveys')).body.surveys.map((survey: { slug: string }) => survey.slug)).toEqual([SHORT, 'tuzla', 'zenica']);
    const evaluator = await signedIn(context, 'eval@example.org', 'evaluator');
    expect((await evaluator.call('GET', '/api/manage/surveys')).status).toBe(403);
    expect((await evaluator.call('POST', `/api/surveys/${SHORT}/close`)).status).toBe(403);
  });

  it('answers 503 with Retry-After when the database is gone', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    const admin = await signedIn(context, 'admin@example.org', 'admin');
    await context.closeDatabase();
    const originalError = console.error;
    console.error = () => {};
    try {
      for (const [method, path] of [['POST', `/api/surveys/${SHORT}/close`], ['GET', `/api/surveys/${SHORT}/versions`], ['GET', '/api/manage/surveys']] as const) {
        const reply = await context.app.request(path, { method, headers: admin.headers(method !== 'GET') });
        expect([path, reply.status]).toEqual([path, 503]);
        expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    } finally {
      console.error = originalError;
    }
  });
});
