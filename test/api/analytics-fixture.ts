import { openDatabase } from '../../api/db/open.ts';
import { surveyMembers } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, signIn } from './accounts.ts';
import type { DialectContext } from './dialects.ts';
import { testApp } from './helpers.ts';

export const FULL = 'bih-police-trust';
export type Caller = 'admin' | 'researcher' | 'outsider' | 'evaluator' | 'enumerator';
export const CALLERS: Caller[] = ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'];

/**
 * The app with the full instrument and SYNTHETIC demo responses (two waves, design columns), and a
 * signed-in session per caller: admin, a researcher who is a member of the survey, one who is not,
 * an evaluator and an enumerator.
 */
export async function analyticsApp(responses = 1200) {
  const context = testApp([loadSurveyFile('surveys/bih-police-trust.json')]);
  const survey = findVersion(context.db, FULL)!;
  storeDemoRows(context.db, survey, generateDemo({ responses, seed: 'analytics-test', regions: readRegions() }));
  const sessions = new Map<Caller, Awaited<ReturnType<typeof signIn>>>();
  for (const caller of CALLERS) {
    const user = createUser(context.db, `${caller}@example.org`, caller === 'outsider' ? 'researcher' : caller);
    if (caller === 'researcher') context.db.insert(surveyMembers).values({ surveyId: survey.surveyId, userId: user.id }).run();
    sessions.set(caller, await signIn(context.app, `${caller}@example.org`));
  }
  const get = (path: string, caller?: Caller) =>
    context.app.request(path, { headers: caller ? sessions.get(caller)!.headers() : {} }) as Promise<Response>;
  return { ...context, survey, sessions, get };
}

/**
 * The same app on either database (issue #15): the full instrument, the SYNTHETIC demo rows and
 * one account per caller are built once on SQLite (as `npm run demo` and `user:add` do: no route
 * writes demo rows) and, on PostgreSQL, copied there by db:copy's code; then every caller signs in
 * through the app under test. Call it in a beforeAll: one app per describe block.
 */
export async function analyticsDialectApp(ctx: DialectContext, responses = 1200) {
  const seed = openDatabase(':memory:');
  publishSurveyFiles(seed, [loadSurveyFile('surveys/bih-police-trust.json')]);
  const survey = findVersion(seed, FULL)!;
  storeDemoRows(seed, survey, generateDemo({ responses, seed: 'analytics-test', regions: readRegions() }));
  for (const caller of CALLERS) {
    const user = createUser(seed, `${caller}@example.org`, caller === 'outsider' ? 'researcher' : caller);
    if (caller === 'researcher') seed.insert(surveyMembers).values({ surveyId: survey.surveyId, userId: user.id }).run();
  }
  const context = await ctx.testApp({ seed });
  const sessions = new Map<Caller, Awaited<ReturnType<typeof signIn>>>();
  for (const caller of CALLERS) sessions.set(caller, await signIn(context.app, `${caller}@example.org`));
  const get = (path: string, caller?: Caller) =>
    context.app.request(path, { headers: caller ? sessions.get(caller)!.headers() : {} }) as Promise<Response>;
  return { ...context, survey, sessions, get };
}
