import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { responseDuration, responseRegion, responses, surveyStarts } from '../db/schema.ts';

/** Counts one questionnaire started on the web today (UTC): a number per day, nothing about who. */
export function countStart(db: Db, surveyId: number, now = new Date()): void {
  const day = now.toISOString().slice(0, 10);
  db.insert(surveyStarts).values({ surveyId, day, starts: 1 })
    .onConflictDoUpdate({ target: [surveyStarts.surveyId, surveyStarts.day], set: { starts: sql`${surveyStarts.starts} + 1` } }).run();
}

/**
 * Median time from the first page shown to completion, in seconds, over the responses matching
 * `where` that carry both times (the device's clock; a negative span is a clock error and left out).
 */
export function medianDurationSeconds(db: Db, where: SQL): number | null {
  const duration = responseDuration;
  // Without either time the duration is null, so `>= 0` leaves it out: the index alone answers.
  const valid = and(where, sql`${duration} >= 0`);
  const count = db.select({ n: sql<number>`count(*)` }).from(responses).where(valid).get()?.n ?? 0;
  if (count === 0) return null;
  const middle = db.select({ seconds: duration }).from(responses).where(valid).orderBy(duration)
    .limit(count % 2 === 0 ? 2 : 1).offset(Math.floor((count - 1) / 2)).all();
  const value = middle.reduce((sum, row) => sum + row.seconds, 0) / middle.length;
  return Math.round(value * 10) / 10;
}

export interface Completion {
  /** Questionnaires started on the web (counted by the respondent page at the first answer). */
  started: number;
  /** Web responses (not synthetic) received on the days starts were counted. */
  completed: number;
  /** completed / started; null when not measured (see `notMeasured`). Never above 1. */
  rate: number | null;
  /** Why there is no rate: no starts recorded, or more completions than recorded starts. */
  notMeasured: string | null;
}

/**
 * The web completion rate over the days in [from, to]: web responses received ÷ questionnaires
 * started, both counted per UTC day since the start counter exists (responses from days before the
 * first counted start are left out so the two sides cover the same days). Enumerator interviews
 * are not "started" on the web and are not part of it.
 */
export function webCompletion(db: Db, surveyId: number, range: { from?: string; to?: string }): Completion {
  const dayRange = and(
    eq(surveyStarts.surveyId, surveyId),
    range.from ? gte(surveyStarts.day, range.from.slice(0, 10)) : undefined,
    range.to ? lte(surveyStarts.day, range.to.slice(0, 10)) : undefined,
  );
  const starts = db.select({ started: sql<number>`coalesce(sum(${surveyStarts.starts}), 0)`, first: sql<string | null>`min(${surveyStarts.day})` })
    .from(surveyStarts).where(dayRange).get();
  const started = starts?.started ?? 0;
  if (!starts?.first) return { started: 0, completed: 0, rate: null, notMeasured: 'no questionnaire starts were recorded (demo data, interviews and responses sent from elsewhere than the web page are not started there)' };
  const day = sql<string>`substr(${responses.receivedAt}, 1, 10)`;
  // Synthetic rows were never started by anyone: they are not completions of a recorded start.
  const completed = db.select({ n: sql<number>`count(*)` }).from(responses).where(and(
    eq(responses.surveyId, surveyId), eq(responses.mode, 'web'), eq(responses.isSynthetic, false), gte(day, starts.first),
    range.to ? lte(day, range.to.slice(0, 10)) : undefined,
  )).get()?.n ?? 0;
  // More completions than starts means some were not counted when they started (sent from
  // elsewhere, or the start was not reported): a ratio above 100% would measure nothing.
  if (completed > started) return { started, completed, rate: null, notMeasured: `more web responses (${completed}) than recorded starts (${started}): some were started without the start being recorded` };
  return { started, completed, rate: started > 0 ? Math.round((completed / started) * 1000) / 1000 : null, notMeasured: started > 0 ? null : 'no questionnaire starts were recorded in this period' };
}

/**
 * Contacts by outcome, as a response rate needs them: completed interviews, refusals (declined
 * consent) and screened out as not eligible (under 18, not living in BiH). A screened-out
 * contact answers nothing after the screening questions, so it has no region: only records
 * without one are read (through the region index), never the whole survey's answers.
 */
export interface Outcomes {
  contacts: number;
  interviews: number;
  declined: number;
  notEligible: number;
  /** interviews / (interviews + declined): the not eligible are out of the denominator (AAPOR); null without any. */
  responseRate: number | null;
}

export function contactOutcomes(db: Db, where: SQL, contacts: number): Outcomes {
  const answer = (name: string) => sql`(${responses.answers} ->> ${`$.${name}`})`;
  const row = db.select({
    declined: sql<number>`coalesce(sum(${answer('consent')} IS NOT NULL AND ${answer('consent')} <> 1), 0)`,
    notEligible: sql<number>`coalesce(sum(${answer('consent')} = 1 AND ((${answer('age_18_plus')} IS NOT NULL AND ${answer('age_18_plus')} <> 1) OR (${answer('lives_in_bih')} IS NOT NULL AND ${answer('lives_in_bih')} <> 1))), 0)`,
  }).from(responses).where(and(where, sql`${responseRegion} IS NULL`)).get();
  const declined = row?.declined ?? 0;
  const notEligible = row?.notEligible ?? 0;
  const interviews = contacts - declined - notEligible;
  return { contacts, interviews, declined, notEligible, responseRate: interviews + declined > 0 ? Math.round((interviews / (interviews + declined)) * 1000) / 1000 : null };
}

/** The latest submissions: when, where, in which language and mode; never the answers or the id. */
export function latestSubmissions(db: Db, where: SQL, limit = 10) {
  return db.select({
    receivedAt: responses.receivedAt,
    region: responseRegion,
    language: responses.language,
    mode: responses.mode,
    version: responses.version,
  }).from(responses).where(where).orderBy(desc(responses.receivedAt), desc(responses.id)).limit(limit).all();
}
