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
  /** Web responses received on the days starts were counted. */
  completed: number;
  /** completed / started, or null with nothing started. */
  rate: number | null;
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
  if (!starts?.first) return { started: 0, completed: 0, rate: null };
  const day = sql<string>`substr(${responses.receivedAt}, 1, 10)`;
  const completed = db.select({ n: sql<number>`count(*)` }).from(responses).where(and(
    eq(responses.surveyId, surveyId), eq(responses.mode, 'web'), gte(day, starts.first),
    range.to ? lte(day, range.to.slice(0, 10)) : undefined,
  )).get()?.n ?? 0;
  return { started, completed, rate: started > 0 ? Math.round((completed / started) * 1000) / 1000 : null };
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
