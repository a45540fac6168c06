import { readFileSync } from 'node:fs';
import { createApp, type AppDependencies } from '../../api/app.ts';
import { openDatabase } from '../../api/db/open.ts';
import { responses } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';

export const SHORT = 'bih-police-trust-short';

export function shortSurvey(): SurveyFile {
  return loadSurveyFile('surveys/bih-police-trust-short.json');
}

export function skipLogicSurvey(): SurveyFile {
  return JSON.parse(readFileSync('test/fixtures/api/skip-logic-survey.json', 'utf8')) as SurveyFile;
}

/** The real app on an in-memory database migrated with the committed migrations. */
export function testApp(files: SurveyFile[] = [shortSurvey(), skipLogicSurvey()], bodyLimitBytes = 64 * 1024, limits: AppDependencies['limits'] = {}) {
  const db = openDatabase(':memory:');
  publishSurveyFiles(db, files);
  const app = createApp({ db, config: { bodyLimitBytes, webDist: 'test/fixtures/no-web-build' }, limits });
  const storedRows = () => db.select().from(responses).all();
  return { app, db, storedRows };
}

/** A complete answer to the short questionnaire: consent and eligibility first, as every Trustlens questionnaire asks. */
export const VALID_ANSWERS = { consent: 1, age_18_plus: 1, lives_in_bih: 1, region: 'tuzla', trust_police: 0, pf_respect: 4, channels_used: ['phone_122', 'community_officer'] };

export function submission(overrides: Record<string, unknown> = {}) {
  return { id: crypto.randomUUID(), language: 'en', answers: VALID_ANSWERS, ...overrides };
}

export function post(app: ReturnType<typeof testApp>['app'], slug: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(`/api/surveys/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
