import { describe, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp, type DialectContext } from './dialects.ts';
import { SHORT, shortSurvey, skipLogicSurvey } from './helpers.ts';

// Each test signs in several accounts (scrypt hashes) on its own app: on a busy machine that is
// more than vitest's 5 s default, so every describe here allows a minute.
const SLOW = { timeout: 60_000 };

/** The app every test here starts from: the two questionnaires of surveys/ and the fixtures, no account. */
const fresh = (ctx: DialectContext) => ctx.testApp({ files: [shortSurvey(), skipLogicSurvey()] });

async function as(email: string, role: 'admin' | 'researcher' | 'evaluator' | 'enumerator', context: DialectApp) {
  await createAccount(context.store, email, role);
  const session = await signIn(context.app, email);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await context.app.request(path, { method, headers: session.headers(method !== 'GET'), body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
  };
  return { ...context, call };
}

/* On both databases (issue #15); each test on an app of its own. */
forEachDialect('the studio', (ctx) => {
  describe('the studio for a researcher who runs no survey yet', SLOW, () => {
    it('lists no survey but the templates published from surveys/, which they may copy', async () => {
      const { call } = await as('new@example.org', 'researcher', await fresh(ctx));
      const { status, body } = await call('GET', '/api/manage/surveys');
      expect(status).toBe(200);
      expect(body.surveys).toEqual([]);
      expect(body.templates).toEqual([
        { slug: SHORT, version: 1, languages: ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'], title: 'Trust in the police in Bosnia and Herzegovina (short form)' },
        expect.objectContaining({ slug: 'skip-logic-test', version: 1 }),
      ]);
    });

    it('sees a survey once an admin adds them as a member', async () => {
      const context = await fresh(ctx);
      const admin = await as('admin@example.org', 'admin', context);
      const researcher = await as('res@example.org', 'researcher', context);
      expect((await admin.call('GET', `/api/surveys/${SHORT}/members/candidates`)).body.accounts).toEqual([expect.objectContaining({ email: 'res@example.org', role: 'researcher' })]);
      expect((await admin.call('POST', `/api/surveys/${SHORT}/members`, { email: 'res@example.org' })).status).toBe(201);
      expect((await researcher.call('GET', '/api/manage/surveys')).body.surveys.map((survey: { slug: string }) => survey.slug)).toEqual([SHORT]);
      expect((await admin.call('GET', `/api/surveys/${SHORT}/members/candidates`)).body.accounts).toEqual([]);
    });
  });

  describe('members candidates', SLOW, () => {
    it('are the enabled researchers and enumerators not yet members, for those who manage the survey only', async () => {
      const context = await fresh(ctx);
      const admin = await as('admin@example.org', 'admin', context);
      await createAccount(context.store, 'enum@example.org', 'enumerator');
      await createAccount(context.store, 'eval@example.org', 'evaluator');
      const gone = await createAccount(context.store, 'gone@example.org', 'researcher');
      await admin.call('PATCH', `/api/users/${gone.id}`, { disabled: true });
      const outsider = await as('outsider@example.org', 'researcher', context);
      expect((await admin.call('GET', `/api/surveys/${SHORT}/members/candidates`)).body.accounts.map((account: { email: string }) => account.email))
        .toEqual(['enum@example.org', 'outsider@example.org']); // enumerators, then researchers; no evaluator, no disabled account
      expect((await outsider.call('GET', `/api/surveys/${SHORT}/members/candidates`)).status).toBe(403);
    });
  });

  describe('copies', SLOW, () => {
    it('of a template or a survey get "Copy of …" in every language, or the title chosen, and their own slug', async () => {
      const { call, rows } = await as('res@example.org', 'researcher', await fresh(ctx));
      const copy = await call('POST', '/api/surveys', { slug: 'short-copy', fromTemplate: SHORT });
      expect(copy.status).toBe(201);
      expect(copy.body.draft.definition.title).toEqual({
        default: 'Copy of Trust in the police in Bosnia and Herzegovina (short form)',
        bs: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        hr: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Latn': 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Cyrl': 'Копија: Повјерење у полицију у Босни и Херцеговини (кратки упитник)',
      });
      expect((await call('POST', '/api/surveys/short-copy/publish')).status).toBe(201);
      const chosen = { default: 'Tuzla pilot', bs: 'Tuzla pilot' };
      const second = await call('POST', '/api/surveys', { slug: 'tuzla', fromSurvey: 'short-copy', title: chosen });
      expect(second.body.draft.definition.title).toEqual(chosen);
      expect(second.body.draft.definition.pages).toEqual(shortSurvey().definition.pages);
      expect((await call('GET', '/api/manage/surveys')).body.surveys.map((survey: { slug: string; title: string }) => [survey.slug, survey.title]))
        .toEqual([['short-copy', 'Copy of Trust in the police in Bosnia and Herzegovina (short form)'], ['tuzla', 'Tuzla pilot']]);
      expect((await call('POST', '/api/surveys', { slug: SHORT, fromTemplate: SHORT })).status).toBe(409);
      const empty = await call('POST', '/api/surveys', { slug: 'untitled', fromTemplate: SHORT, title: { default: ' ' } });
      expect(empty.status).toBe(422);
      expect((await rows('surveys')).map((survey) => survey.slug)).not.toContain('untitled');
    });
  });

  describe('follow-up warnings', SLOW, () => {
    it('come with a draft and with a publication, which they do not stop', async () => {
      const { call } = await as('res@example.org', 'researcher', await fresh(ctx));
      const created = await call('POST', '/api/surveys', { slug: 'contact', fromItems: { items: ['last_reason'], title: { en: 'C', bs: 'C', hr: 'C', 'sr-Latn': 'C' } } });
      // The filter question came along: no warning.
      expect(created.body.draft.definition.pages[0].elements.map((element: { name: string }) => element.name)).toEqual(['contact_any', 'last_reason']);
      expect(created.body.draft.warnings).toEqual([]);
      const { definition, meta } = created.body.draft;
      const stripped = structuredClone(definition);
      delete stripped.pages[0].elements[1].visibleIf;
      const saved = await call('PUT', '/api/surveys/contact/draft', { definition: stripped, meta });
      expect(saved.body.problems).toEqual([]);
      expect(saved.body.warnings).toEqual([{ field: 'definition.pages[0].elements[1].visibleIf', issue: expect.stringContaining("without the item bank's condition {contact_any} = 1") }]);
      const checked = await call('POST', '/api/surveys/check', { definition: stripped, meta });
      expect(checked.body.warnings).toHaveLength(1);
      const published = await call('POST', '/api/surveys/contact/publish');
      expect(published.status).toBe(201);
      expect(published.body.warnings).toHaveLength(1);
    });
  });

  describe('membership rows', SLOW, () => {
    it('are what the members page lists', async () => {
      const context = await fresh(ctx);
      const admin = await as('admin@example.org', 'admin', context);
      const enumerator = await createAccount(context.store, 'enum@example.org', 'enumerator');
      await admin.call('POST', `/api/surveys/${SHORT}/members`, { email: 'enum@example.org' });
      expect((await admin.call('GET', `/api/surveys/${SHORT}/members`)).body.members).toEqual([expect.objectContaining({ id: enumerator.id, email: 'enum@example.org', role: 'enumerator' })]);
      expect((await admin.call('DELETE', `/api/surveys/${SHORT}/members/${enumerator.id}`)).status).toBe(204);
      expect(await context.rows('survey_members')).toEqual([]);
    });
  });
});
