import { surveyMembers } from '../../api/db/schema.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, signIn } from './accounts.ts';
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
