import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { postgresStore } from '../../api/db/store/index.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';
import { forEachDialect } from './dialects.ts';
import { auditLog, surveys, surveyVersions } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { post, SHORT, shortSurvey, skipLogicSurvey, submission, testApp, VALID_ANSWERS } from './helpers.ts';

forEachDialect('reading published surveys', (ctx) => {
  const files = () => [shortSurvey(), skipLogicSurvey()];

  it('lists each published survey with its title in every language and its current version', async () => {
    const { app } = await ctx.testApp({ files: files() });
    const response = await app.request('/api/surveys');
    expect(response.status).toBe(200);
    const { surveys } = await response.json();
    expect(surveys.map((survey: { slug: string }) => survey.slug)).toEqual([SHORT, skipLogicSurvey().slug].sort());
    expect(surveys).toContainEqual({
      slug: SHORT,
      version: 1,
      languages: ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'],
      title: {
        en: 'Trust in the police in Bosnia and Herzegovina (short form)',
        bs: 'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        hr: 'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Latn': 'Povjerenje u policiju u Bosni i Hercegovini (kratki upitnik)',
        'sr-Cyrl': 'Повјерење у полицију у Босни и Херцеговини (кратки упитник)',
      },
    });
  });

  it('returns the published version with its SurveyJS definition and meta, key order as published', async () => {
    const { app } = await ctx.testApp({ files: files() });
    const response = await app.request(`/api/surveys/${SHORT}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.slug).toBe(SHORT);
    expect(body.version).toBe(1);
    expect(body.definition).toEqual(shortSurvey().definition);
    // The definition comes back as written, not with its keys reordered.
    expect(JSON.stringify(body.definition)).toBe(JSON.stringify(shortSurvey().definition));
    expect(body.meta.languages).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
  });

  it('answers 404 in the common error shape for an unknown survey', async () => {
    const { app } = await ctx.testApp({ files: files() });
    const response = await app.request('/api/surveys/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No published survey "nothing-here".' } });
  });

  it('publishes a file again only when its content changed, and serves the newest version', async () => {
    const { app, store, rows } = await ctx.testApp({ files: files() });
    expect(await store.surveys.publishFiles([shortSurvey()])).toEqual([{ slug: SHORT, version: 1, published: false }]);
    const changed = shortSurvey();
    changed.meta.suppression = { minN: 50, flagBelowN: 100, flagRse: 0.3 };
    expect(await store.surveys.publishFiles([changed])).toEqual([{ slug: SHORT, version: 2, published: true }]);
    expect(await store.surveys.publishFiles([changed])).toEqual([{ slug: SHORT, version: 2, published: false }]);
    const body = await (await app.request(`/api/surveys/${SHORT}`)).json();
    expect(body.version).toBe(2);
    expect(body.meta.suppression).toEqual({ minN: 50, flagBelowN: 100, flagRse: 0.3 });
    expect((await store.surveys.findVersion(SHORT, 1))?.meta.suppression).toEqual(shortSurvey().meta.suppression);
    const published = (await rows('audit_log')).filter((entry) => entry.action === 'survey.publish');
    expect(published.map((entry) => entry.target)).toEqual(['version 1', 'version 1', 'version 2']);
  });

  it('publishes several files whole or not at all: a file that fails leaves the ones before it unpublished', async () => {
    const { store, rows } = await ctx.testApp({ files: files() });
    const changed = shortSurvey();
    changed.meta.suppression = { minN: 50, flagBelowN: 100, flagRse: 0.3 };
    const broken = { ...shortSurvey(), slug: 'broken-file', meta: { ...shortSurvey().meta, unreadable: 1n } } as unknown as ReturnType<typeof shortSurvey>;
    await expect(store.surveys.publishFiles([changed, broken])).rejects.toThrow();
    expect((await store.surveys.findVersion(SHORT))?.version).toBe(1);
    expect((await rows('surveys')).map((survey) => survey.slug)).not.toContain('broken-file');
    expect((await rows('survey_versions')).length).toBe(2);
  });
});

/** Two API instances on one PostgreSQL database: each has its own pool, as two processes would. */
describePostgres('publishing from two instances at once (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const pools: PgDb[] = [];
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    for (let index = 0; index < 2; index++) pools.push(await openPostgres(database.url, { maxConnections: 2 }));
  });
  afterAll(async () => {
    for (const pool of pools) await pool.$client.end();
    await database?.drop();
  });

  it('numbers versions one after the other: never two of the same number, none lost', async () => {
    const [first, second] = pools.map((pool) => postgresStore(pool));
    await first!.surveys.publishFiles([shortSurvey()]);
    const variants = Array.from({ length: 6 }, (_, index) => {
      const file = shortSurvey();
      file.meta.suppression = { minN: 10 + index, flagBelowN: 100, flagRse: 0.3 };
      return file;
    });
    const results = await Promise.all(variants.map((file, index) => (index % 2 === 0 ? first! : second!).surveys.publishFiles([file])));
    expect(results.every(([result]) => result!.published)).toBe(true);
    expect(results.map(([result]) => result!.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    const stored = await pools[0]!.$client.query('SELECT version FROM survey_versions ORDER BY version');
    expect(stored.rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('creates a new survey once when both instances publish its first file at once', async () => {
    const [first, second] = pools.map((pool) => postgresStore(pool));
    const file = { ...skipLogicSurvey(), slug: 'started-twice' };
    const results = await Promise.all([first!.surveys.publishFiles([file]), second!.surveys.publishFiles([file])]);
    expect(results.map(([result]) => result!.version)).toEqual([1, 1]);
    expect(results.map(([result]) => result!.published).sort()).toEqual([false, true]);
    const stored = await pools[0]!.$client.query("SELECT v.version FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = 'started-twice'");
    expect(stored.rows).toEqual([{ version: 1 }]);
  });
});

describe('questionnaire versions', () => {
  it('publishes a new version only when the content changes', () => {
    const { db } = testApp();
    expect(publishSurveyFiles(db, [shortSurvey()])).toEqual([{ slug: SHORT, version: 1, published: false }]);
    const changed = shortSurvey();
    changed.meta.suppression = { minN: 50, flagBelowN: 100, flagRse: 0.3 };
    expect(publishSurveyFiles(db, [changed])).toEqual([{ slug: SHORT, version: 2, published: true }]);
  });

  it('validates and stores a response against the version the respondent loaded, even after a newer one is published', async () => {
    const { app, db, storedRows } = testApp();
    const first = await post(app, SHORT, submission());
    expect(first.status).toBe(201);

    // Version 2 drops the procedural-fairness question pf_respect.
    const changed = shortSurvey();
    const trustPage = (changed.definition.pages as { elements: { name: string }[] }[])[2]!;
    trustPage.elements = trustPage.elements.filter((element) => element.name !== 'pf_respect');
    changed.meta.indicators = changed.meta.indicators?.filter((indicator) => indicator.id !== 'pf_score');
    changed.meta.reliability = [];
    publishSurveyFiles(db, [changed]);
    expect((await (await app.request(`/api/surveys/${SHORT}`)).json()).version).toBe(2);

    const late = await post(app, SHORT, submission({ version: 1 }));
    expect(late.status).toBe(201);
    expect(await late.json()).toMatchObject({ version: 1 });
    const onNewVersion = await post(app, SHORT, submission());
    expect(onNewVersion.status).toBe(422);
    expect((await onNewVersion.json()).error.details).toEqual([{ field: 'pf_respect', issue: 'unknown question' }]);

    expect(storedRows().map((row) => [row.version, row.answers])).toEqual([[1, VALID_ANSWERS], [1, VALID_ANSWERS]]);
  });

  it('refuses a version that was never published (422 naming the field)', async () => {
    const { app, storedRows } = testApp();
    const response = await post(app, SHORT, submission({ version: 7 }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toEqual([{ field: 'version', issue: `survey "${SHORT}" has no version 7` }]);
    expect(storedRows()).toHaveLength(0);
  });
});

describe('questionnaire files at start', () => {
  it('do not override a version published in the app when the file itself has not changed', () => {
    const { db } = testApp();
    const inApp = shortSurvey();
    inApp.meta.suppression = { minN: 50, flagBelowN: 100, flagRse: 0.3 };
    // A version published through the app (not from the file): the file is unchanged since start.
    db.transaction((tx) => {
      const survey = tx.select().from(surveys).where(eq(surveys.slug, SHORT)).get()!;
      tx.insert(surveyVersions).values({ surveyId: survey.id, version: 2, definition: inApp.definition, meta: inApp.meta, contentHash: 'published-in-app' }).run();
    });
    expect(publishSurveyFiles(db, [shortSurvey()])).toEqual([{ slug: SHORT, version: 2, published: false }]);
  });

  it('record each publication from a file in the audit log', () => {
    const { db } = testApp();
    const entries = db.select().from(auditLog).all();
    expect(entries.map((entry) => [entry.action, entry.target])).toContainEqual(['survey.publish', 'version 1']);
  });

  it('cannot have their audit entries changed or removed', () => {
    const { db } = testApp();
    expect(() => db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.$client.exec("UPDATE audit_log SET action = 'nothing'")).toThrow(/append-only/);
  });
});
