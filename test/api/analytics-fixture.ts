import { openDatabase } from '../../api/db/open.ts';
import { surveyMembers } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, signIn } from './accounts.ts';
import type { DialectApp, DialectContext } from './dialects.ts';
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

export type AnalyticsDialectApp = Awaited<ReturnType<typeof analyticsDialectApp>>;

/** A stored response as both databases give it back: answers parsed, columns by their API names. */
export interface StoredResponse {
  id: string;
  surveyId: number;
  wave: number | null;
  weight: number | null;
  stratum: string | null;
  psu: string | null;
  mode: string;
  language: string;
  answers: Record<string, unknown>;
  completedAt: string | null;
  receivedAt: string;
}

/**
 * The responses stored in the database behind an app, in storage (rowid) order, for tests that
 * compute what the API should answer straight from the stored JSON (not from response_values).
 */
export async function storedResponses(context: Pick<DialectApp, 'rows' | 'dialect'>): Promise<StoredResponse[]> {
  const rows = await context.rows('responses');
  // PostgreSQL has the rowid as a column; SQLite's `select *` comes in rowid order already.
  if (context.dialect === 'postgres') rows.sort((a, b) => Number(a.rowid) - Number(b.rowid));
  return rows.map((row) => ({
    id: row.id as string, surveyId: Number(row.survey_id), wave: row.wave === null ? null : Number(row.wave),
    weight: row.weight === null ? null : Number(row.weight), stratum: row.stratum as string | null, psu: row.psu as string | null,
    mode: row.mode as string, language: row.language as string, completedAt: row.completed_at as string | null, receivedAt: row.received_at as string,
    // SQLite hands the JSON column over as text, PostgreSQL parsed.
    answers: (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Record<string, unknown>,
  }));
}
