import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, surveys, surveyVersions } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { post, SHORT, shortSurvey, submission, testApp, VALID_ANSWERS } from './helpers.ts';

describe('reading published surveys', () => {
  it('lists each published survey with its title in every language and its current version', async () => {
    const { app } = testApp();
    const response = await app.request('/api/surveys');
    expect(response.status).toBe(200);
    const { surveys } = await response.json();
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

  it('returns the published version with its SurveyJS definition and meta', async () => {
    const { app } = testApp();
    const response = await app.request(`/api/surveys/${SHORT}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.slug).toBe(SHORT);
    expect(body.version).toBe(1);
    expect(body.definition).toEqual(shortSurvey().definition);
    expect(body.meta.languages).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
  });

  it('answers 404 in the common error shape for an unknown survey', async () => {
    const { app } = testApp();
    const response = await app.request('/api/surveys/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No published survey "nothing-here".' } });
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
