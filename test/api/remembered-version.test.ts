import { expect, it } from 'vitest';
import { forEachDialect } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';
import { storedResponses } from './stored-responses.ts';

// On SQLite the submission route remembers the version it found (api/surveys/answerable.ts) and
// the write checks it again. These changes are made behind the app's back (a statement on the
// database, a publish through the store), as another process would make them: the next
// submission must still see them.
forEachDialect('submissions after the survey changed behind the app', (ctx) => {
  it('refuses new responses once fieldwork is closed, still acknowledges a stored one, and takes them again when reopened', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    const first = submission();
    expect((await post(context.app, SHORT, first)).status).toBe(201);
    await context.execute("UPDATE surveys SET status = 'closed' WHERE slug = ?", [SHORT]);
    const late = await post(context.app, SHORT, submission());
    expect(late.status).toBe(409);
    expect((await late.json()).error.message).toContain('closed');
    expect((await post(context.app, SHORT, first)).status).toBe(200);
    await context.execute("UPDATE surveys SET status = 'open' WHERE slug = ?", [SHORT]);
    expect((await post(context.app, SHORT, submission())).status).toBe(201);
    expect(await storedResponses(context)).toHaveLength(2);
  });

  it('stores a submission that names no version against a version published meanwhile, and one that names the earlier version against that', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    expect(await (await post(context.app, SHORT, submission())).json()).toMatchObject({ version: 1 });
    const changed = shortSurvey();
    changed.definition = { ...changed.definition, title: 'Trust in police (second wording)' };
    expect(await context.store.surveys.publishFiles([changed])).toMatchObject([{ slug: SHORT, version: 2, published: true }]);
    const latest = submission();
    expect(await (await post(context.app, SHORT, latest)).json()).toEqual({ id: latest.id, version: 2 });
    expect(await (await post(context.app, SHORT, submission({ version: 1 }))).json()).toMatchObject({ version: 1 });
    expect((await storedResponses(context)).map((row) => row.version).sort()).toEqual([1, 1, 2]);
  });
});
