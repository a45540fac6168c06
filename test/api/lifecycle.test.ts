import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp, type DialectContext } from './dialects.ts';
import { post, SHORT, shortSurvey, skipLogicSurvey, submission, VALID_ANSWERS } from './helpers.ts';

/*
 * The questionnaire lifecycle on both databases (issue #15). The first block shares one app (one
 * signed-in researcher), so each test works on survey slugs of its own.
 */
async function researcherApp(ctx: DialectContext) {
  const context = await ctx.testApp({ files: [shortSurvey(), skipLogicSurvey()] });
  await createAccount(context.store, 'res@example.org', 'researcher');
  const researcher = await signIn(context.app, 'res@example.org');
  const call = (method: string, path: string, body?: unknown) =>
    context.app.request(path, { method, headers: researcher.headers(method !== 'GET'), body: body === undefined ? undefined : JSON.stringify(body) });
  return { ...context, researcher, call };
}

/** The stored responses of one survey, as a reader of the table sees them (answers decoded from JSON text on SQLite). */
async function storedResponses(context: DialectApp, slug: string) {
  const survey = (await context.rows('surveys')).find((row) => row.slug === slug)!;
  return (await context.rows('responses')).filter((row) => Number(row.survey_id) === Number(survey.id))
    .map((row) => ({ ...row, answers: typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers }));
}

const TITLE = { en: 'Police trust pilot', bs: 'Pilot povjerenja u policiju', hr: 'Pilot povjerenja u policiju', 'sr-Latn': 'Pilot povjerenja u policiju' };

forEachDialect('questionnaire lifecycle', (ctx) => {
  describe('questionnaire lifecycle', () => {
    let context: Awaited<ReturnType<typeof researcherApp>>;
    beforeAll(async () => {
      context = await researcherApp(ctx);
    });
    it('creates a draft from item-bank items with the indicators that follow, checks it, and publishes version 1', async () => {
      const { call } = context;
      const created = await call('POST', '/api/surveys', { slug: 'pilot', fromItems: { items: ['trust_police', 'pf_respect', 'pf_fair', 'pf_explain'], title: TITLE } });
      expect(created.status).toBe(201);
      const { draft } = await created.json();
      expect(draft.problems).toEqual([]);
      expect(draft.meta.languages).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
      expect(draft.meta.indicators.map((indicator: { id: string }) => indicator.id)).toEqual(
        expect.arrayContaining(['trust_police_fav', 'trust_police_mean', 'procedural_fairness_score']),
      );
      expect(draft.definition.title['sr-Cyrl']).toBe('Пилот повјерења у полицију');

      const published = await call('POST', '/api/surveys/pilot/publish');
      expect(published.status).toBe(201);
      expect(await published.json()).toEqual({ slug: 'pilot', version: 1, warnings: [] });
      const live = await (await call('GET', '/api/surveys/pilot')).json();
      expect(live.version).toBe(1);
      expect((await call('GET', '/api/surveys/pilot/draft')).status).toBe(404);
    });

    it('refuses to publish a draft that fails the checker, naming each problem by its JSON path', async () => {
      const { call } = context;
      await call('POST', '/api/surveys', { slug: 'broken' });
      const saved = await call('PUT', '/api/surveys/broken/draft', {
        definition: { pages: [{ name: 'p', elements: [{ type: 'rating', name: 'trust', title: { default: 'Trust?' } }] }] },
        meta: { languages: ['en', 'bs'] },
      });
      expect((await saved.json()).problems).toEqual([{ field: 'definition.pages[0].elements[0].title', issue: 'text missing in bs' }]);
      const refused = await call('POST', '/api/surveys/broken/publish');
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.details).toEqual([{ field: 'definition.pages[0].elements[0].title', issue: 'text missing in bs' }]);
      expect((await call('GET', '/api/surveys/broken')).status).toBe(404);
    });

    it('edits a published survey as draft N+1; publishing it touches no stored response', async () => {
      const { app, call } = context;
      // A researcher may copy only surveys they manage: the file-based survey has no members yet.
      expect((await call('POST', '/api/surveys', { slug: 'copy', fromSurvey: SHORT })).status).toBe(403);
      await call('POST', '/api/surveys', { slug: 'copy', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/copy/publish');
      expect((await post(app, 'copy', submission())).status).toBe(201);
      const before = await context.rows('responses');

      const draft = await call('POST', '/api/surveys/copy/draft');
      expect(draft.status).toBe(201);
      const content = await draft.json();
      expect(content.basedOnVersion).toBe(1);
      content.definition.title.default = 'Trust in the police (short form, wave 2)';
      await call('PUT', '/api/surveys/copy/draft', { definition: content.definition, meta: content.meta });
      expect(await (await call('POST', '/api/surveys/copy/publish')).json()).toEqual({ slug: 'copy', version: 2, warnings: [] });

      expect(await context.rows('responses')).toEqual(before);
      const versions = await (await call('GET', '/api/surveys/copy/versions')).json();
      expect(versions.versions.map((version: { version: number; responses: number }) => [version.version, version.responses])).toEqual([[1, 1], [2, 0]]);
    });

    it('refuses to publish a draft identical to the latest version', async () => {
      const { call } = context;
      await call('POST', '/api/surveys', { slug: 'same', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/same/publish');
      await call('POST', '/api/surveys/same/draft');
      const again = await call('POST', '/api/surveys/same/publish');
      expect(again.status).toBe(409);
      expect((await again.json()).error.message).toContain('identical to version 1');
    });

    it('closes fieldwork (new responses refused, a retry of a stored one still acknowledged) and reopens it', async () => {
      const { app, call } = context;
      await call('POST', '/api/surveys', { slug: 'field', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/field/publish');
      const first = submission();
      await post(app, 'field', first);
      expect(await (await call('POST', '/api/surveys/field/close')).json()).toEqual({ slug: 'field', status: 'closed' });
      const late = await post(app, 'field', submission());
      expect(late.status).toBe(409);
      expect((await late.json()).error.message).toContain('closed');
      expect((await post(app, 'field', first)).status).toBe(200);
      expect((await (await app.request('/api/surveys/field')).json()).status).toBe('closed');
      await call('POST', '/api/surveys/field/open');
      expect((await post(app, 'field', submission())).status).toBe(201);
    });

    it('refuses a slug that is taken, an unknown item, and two starting points at once', async () => {
      const { call } = context;
      expect((await call('POST', '/api/surveys', { slug: SHORT })).status).toBe(409);
      const unknownItem = await call('POST', '/api/surveys', { slug: 'x', fromItems: { items: ['no_such_item'], title: TITLE } });
      expect((await unknownItem.json()).error.details).toEqual([{ field: 'fromItems.items', issue: 'no item named "no_such_item" in the item bank' }]);
      const both = await call('POST', '/api/surveys', { slug: 'y', fromSurvey: SHORT, content: { definition: {}, meta: { languages: ['en'] } } });
      expect(both.status).toBe(422);
      expect((await both.json()).error.details).toEqual([{ field: 'content', issue: 'give at most one of content, fromSurvey, fromTemplate and fromItems' }]);
    });

    it('starts from a template (a questionnaire from the surveys folder) without being its member, but not from a survey made in the app', async () => {
      const { call } = context;
      const created = await call('POST', '/api/surveys', { slug: 'my-wave', fromTemplate: SHORT });
      expect(created.status).toBe(201);
      const { draft } = await created.json();
      // The copy is the template with a title of its own, so it is never mistaken for the original.
      expect(draft.definition).toEqual({ ...shortSurvey().definition, title: {
        default: 'Copy of Trust in the police in Bosnia and Herzegovina (short form)',
        bs: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        hr: 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Latn': 'Kopija: Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Cyrl': 'Копија: Повјерење у полицију у Босни и Херцеговини (кратки упитник)',
      } });
      expect(draft.problems).toEqual([]);
      expect((await call('POST', '/api/surveys/my-wave/publish')).status).toBe(201);
      const notTemplate = await call('POST', '/api/surveys', { slug: 'other', fromTemplate: 'my-wave' });
      expect(notTemplate.status).toBe(422);
      expect((await notTemplate.json()).error.details).toEqual([{ field: 'fromTemplate', issue: '"my-wave" is not a questionnaire published from the surveys folder' }]);
      expect((await call('POST', '/api/surveys', { slug: 'other', fromTemplate: 'nope' })).status).toBe(422);
    });

    it('assigns an enumerator, whose interviews are stored with their id and mode; an unassigned one is refused', async () => {
      const { app, call } = context;
      await call('POST', '/api/surveys', { slug: 'assigned', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/assigned/publish');
      const enumerator = await createAccount(context.store, 'enum@example.org', 'enumerator');
      await createAccount(context.store, 'other@example.org', 'enumerator');
      expect((await call('POST', '/api/surveys/assigned/members', { email: 'enum@example.org' })).status).toBe(201);

      const tablet = await signIn(app, 'enum@example.org');
      const interview = submission();
      expect((await app.request('/api/surveys/assigned/responses', { method: 'POST', headers: tablet.headers(true), body: JSON.stringify(interview) })).status).toBe(201);
      const stored = await storedResponses(context, 'assigned');
      expect(stored).toEqual([expect.objectContaining({ id: interview.id, mode: 'enumerator', enumerator_id: enumerator.id, answers: VALID_ANSWERS })]);

      const other = await signIn(app, 'other@example.org');
      const refused = await app.request('/api/surveys/assigned/responses', { method: 'POST', headers: other.headers(true), body: JSON.stringify(submission()) });
      expect(refused.status).toBe(403);
    });
  });

  describe('an enumerator\'s assignments', () => {
    it('lists only the published surveys they are assigned to', async () => {
      const { app, store, call } = await researcherApp(ctx);
      await call('POST', '/api/surveys', { slug: 'field', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/field/publish');
      await call('POST', '/api/surveys', { slug: 'unpublished' });
      await createAccount(store, 'enum@example.org', 'enumerator');
      await call('POST', '/api/surveys/field/members', { email: 'enum@example.org' });
      await call('POST', '/api/surveys/unpublished/members', { email: 'enum@example.org' });
      const tablet = await signIn(app, 'enum@example.org');
      const { surveys } = await (await app.request('/api/interviews', { headers: tablet.headers() })).json();
      expect(surveys).toEqual([{ slug: 'field', status: 'open', version: 1, title: 'Trust in the police in Bosnia and Herzegovina (short form)' }]);
    });
  });

  describe('the list of surveys a researcher manages', () => {
    it('titles each survey from its latest version, or from its draft before it is published', async () => {
      const { call } = await researcherApp(ctx);
      await call('POST', '/api/surveys', { slug: 'pilot', fromItems: { items: ['trust_police'], title: TITLE } });
      await call('POST', '/api/surveys', { slug: 'field', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } });
      await call('POST', '/api/surveys/field/publish');
      const { surveys } = await (await call('GET', '/api/manage/surveys')).json();
      expect(surveys.map((survey: { slug: string; title: string; version: number | null }) => [survey.slug, survey.title, survey.version])).toEqual([
        ['field', 'Trust in the police in Bosnia and Herzegovina (short form)', 1],
        ['pilot', 'Police trust pilot', null],
      ]);
    });
  });
});
