import { expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { Survey } from '../../api/db/schema.ts';
import { SHORT, shortSurvey } from './helpers.ts';
import { forEachStore } from './store-both.ts';

const BLANK = { definition: { title: 'Neighbourhood safety', pages: [{ name: 'page1', elements: [] }] }, meta: { languages: ['en'] } } as never;

/** A draft the checker accepts: the short questionnaire (under another slug). */
function publishable() {
  const file = shortSurvey();
  return { definition: file.definition, meta: file.meta };
}

forEachStore('drafts and publishing in the store', (ctx) => {
  it('creates a survey with its draft, membership and audit entries; the same slug again is refused with 409', async () => {
    const { store, user, query } = await ctx.fresh();
    const researcher = await user('r@example.org', 'researcher');
    const { survey, draft } = await store.drafts.create({ slug: 'safety', userId: researcher, asMember: true }, BLANK);
    expect(survey.slug).toBe('safety');
    expect(draft.definition).toEqual((BLANK as { definition: unknown }).definition);
    expect(draft.basedOnVersion).toBeNull();
    expect(await query('SELECT user_id FROM survey_members WHERE survey_id = $1', [survey.id])).toEqual([{ user_id: researcher }]);
    expect((await query('SELECT action FROM audit_log ORDER BY id')).map((row) => row.action)).toEqual(['survey.create', 'draft.save']);
    const again = store.drafts.create({ slug: 'safety', userId: researcher, asMember: true }, BLANK);
    await expect(again).rejects.toMatchObject({ status: 409 });
    expect(await query("SELECT count(*) AS n FROM surveys WHERE slug = 'safety'")).toEqual([{ n: ctx.dialect === 'sqlite' ? 1 : '1' }]);
    expect(await store.drafts.slugTaken('safety')).toBe(true);
    expect(await store.drafts.slugTaken('nothing')).toBe(false);
  });

  it('publishes a draft as version 1, then the next draft from it as version 2; the draft goes with each publication', async () => {
    const { store, user } = await ctx.fresh();
    const admin = await user('a@example.org', 'admin');
    const { survey } = await store.drafts.create({ slug: 'second-wave', userId: admin, asMember: false }, publishable());
    expect(await store.drafts.publish(survey, admin)).toEqual({ version: 1, warnings: [] });
    expect(await store.drafts.find(survey.id)).toBeUndefined();
    await expect(store.drafts.publish(survey, admin)).rejects.toMatchObject({ status: 409, message: 'Survey "second-wave" has no draft to publish.' });
    const opened = await store.drafts.fromLatest(survey, admin);
    expect(opened.created).toBe(true);
    expect(opened.draft.basedOnVersion).toBe(1);
    expect((await store.drafts.fromLatest(survey, admin)).created).toBe(false);
    // Unchanged content is not a new version.
    await expect(store.drafts.publish(survey, admin)).rejects.toMatchObject({ status: 409, message: 'The draft is identical to version 1; nothing to publish.' });
    const changed = publishable();
    changed.meta = { ...changed.meta, suppression: { minN: 50, flagBelowN: 100, flagRse: 0.3 } };
    await store.drafts.save(survey, changed, admin);
    expect((await store.drafts.publish(survey, admin)).version).toBe(2);
    const latest = await store.surveys.findVersion('second-wave');
    expect(latest?.version).toBe(2);
    expect(latest?.meta.suppression).toEqual({ minN: 50, flagBelowN: 100, flagRse: 0.3 });
    expect((await store.drafts.latestVersion(survey.id))?.publishedBy).toBe(admin);
  });

  it('refuses to publish a draft the checker rejects, and then stores nothing: the draft stays, no version, no audit entry', async () => {
    const { store, user, query } = await ctx.fresh();
    const admin = await user('a@example.org', 'admin');
    const { survey } = await store.drafts.create({ slug: 'empty', userId: admin, asMember: false }, BLANK);
    const refused = await store.drafts.publish(survey, admin).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);
    expect(await store.drafts.find(survey.id)).toBeDefined();
    expect(await query('SELECT id FROM survey_versions WHERE survey_id = $1', [survey.id])).toEqual([]);
    expect((await query("SELECT action FROM audit_log WHERE action = 'survey.publish'"))).toEqual([]);
  });

  it('finds templates only among questionnaires published from files', async () => {
    const { store, user } = await ctx.fresh([shortSurvey()]);
    const admin = await user('a@example.org', 'admin');
    expect((await store.drafts.templateVersion(SHORT))?.version).toBe(1);
    const { survey } = await store.drafts.create({ slug: 'made-here', userId: admin, asMember: false }, publishable());
    await store.drafts.publish(survey, admin);
    expect(await store.drafts.templateVersion('made-here')).toBeUndefined();
    expect(await store.drafts.templateVersion('nothing')).toBeUndefined();
  });

  if (ctx.dialect === 'postgres') {
    it('publishes one draft once when two instances publish it at the same moment (the other gets 409)', async () => {
      const fresh = await ctx.fresh();
      const second = await fresh.another!();
      const admin = await fresh.user('a@example.org', 'admin');
      const { survey } = await fresh.store.drafts.create({ slug: 'twice', userId: admin, asMember: false }, publishable());
      await fresh.store.drafts.publish(survey, admin);
      for (let round = 2; round <= 4; round++) {
        const changed = publishable();
        changed.meta = { ...changed.meta, suppression: { minN: 10 * round, flagBelowN: 100, flagRse: 0.3 } };
        await fresh.store.drafts.save(survey as Survey, changed, admin);
        const outcomes = await Promise.allSettled([fresh.store.drafts.publish(survey, admin), second.drafts.publish(survey, admin)]);
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => (outcome as PromiseFulfilledResult<{ version: number }>).value.version)).toEqual([round]);
        const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason).toMatchObject({ status: 409, message: 'Survey "twice" has no draft to publish.' });
      }
      expect((await fresh.query('SELECT version FROM survey_versions ORDER BY version')).map((row) => row.version)).toEqual([1, 2, 3, 4]);
    });

    it('creates a survey once when two instances create the same slug at once (the other gets 409)', async () => {
      const fresh = await ctx.fresh();
      const second = await fresh.another!();
      const admin = await fresh.user('a@example.org', 'admin');
      const outcomes = await Promise.allSettled([
        fresh.store.drafts.create({ slug: 'same', userId: admin, asMember: false }, BLANK),
        second.drafts.create({ slug: 'same', userId: admin, asMember: false }, BLANK),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
      expect((await fresh.query("SELECT action FROM audit_log ORDER BY id")).map((row) => row.action)).toEqual(['survey.create', 'draft.save']);
    });
  }
});
