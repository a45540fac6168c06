import { and, asc, desc, eq, gt, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditEvent } from '../../audit.ts';
import { filterConditions, pageOf, type PageCursor, type ProgressFilter, type ResponseFilter } from '../../responses/query.ts';
import { completionOf, NO_STARTS, outcomesOf, roundedSeconds, type Completion, type Outcomes } from '../../surveys/fieldwork-rates.ts';
import type { Db } from '../open.ts';
import { responseDuration, responseRegion, responses, surveyStarts, type StoredResponse } from '../schema.ts';

/** A stored response as the database gives it (PostgreSQL's also carries its row number). */
export type ResponseRow = StoredResponse & { rowid?: number };

export interface Count<Key> {
  key: Key;
  responses: number;
}

/** What the monitor shows of the responses matching its filters. */
export interface Progress {
  byRegion: Count<string | null>[];
  byDay: Count<string>[];
  byLanguage: Count<string>[];
  byMode: Count<string>[];
  outcomes: Outcomes;
  medianDurationSeconds: number | null;
  latest: LatestSubmission[];
}

/** When, where, in which language and mode the latest submissions came; never the answers or the id. */
export interface LatestSubmission {
  receivedAt: string;
  region: string | null;
  language: string;
  mode: string;
  version: number;
}

/** Microdata for researchers (list, fetch, erase) and the fieldwork monitor's counts. */
export interface DataStore {
  /** Counts one questionnaire started on the web on `day` (UTC): a number per day, nothing about who. */
  countStart(surveyId: number, day: string): Promise<void>;
  /** One page of responses in the order they arrived, after `after` (keyset paging on received time and id). */
  listResponses(surveyId: number, filter: ResponseFilter, after: PageCursor | undefined): Promise<{ items: ResponseRow[]; nextCursor: string | null }>;
  response(surveyId: number, id: string): Promise<ResponseRow | undefined>;
  /** Right to erasure: deletes the row (its analysed values by cascade) with its audit entry, in one transaction; false if there was none. */
  erase(surveyId: number, id: string, audit: AuditEvent): Promise<boolean>;
  progress(surveyId: number, filter: ProgressFilter): Promise<Progress>;
  /** The web completion rate over the days in [from, to] (api/surveys/fieldwork-rates.ts). */
  webCompletion(surveyId: number, range: { from?: string; to?: string }): Promise<Completion>;
}

/** An answer as SQLite's ->> gives it: a JSON true is 1, like the number. */
const answer = (name: string) => sql`(${responses.answers} ->> ${`$.${name}`})`;

export function sqliteData(db: Db): DataStore {
  const countBy = <Key>(condition: SQL, key: SQL<Key>): Count<Key>[] =>
    db.select({ key, responses: sql<number>`count(*)` }).from(responses).where(condition).groupBy(key).orderBy(key).all();

  return {
    countStart: async (surveyId, day) => {
      db.insert(surveyStarts).values({ surveyId, day, starts: 1 })
        .onConflictDoUpdate({ target: [surveyStarts.surveyId, surveyStarts.day], set: { starts: sql`${surveyStarts.starts} + 1` } }).run();
    },
    listResponses: async (surveyId, filter, after) => pageOf(db.select().from(responses)
      .where(and(filterConditions(responses, responseRegion, surveyId, filter), after
        ? or(gt(responses.receivedAt, after[0]), and(eq(responses.receivedAt, after[0]), gt(responses.id, after[1])))
        : undefined))
      .orderBy(asc(responses.receivedAt), asc(responses.id)).limit(filter.limit + 1).all(), filter.limit),
    response: async (surveyId, id) => db.select().from(responses).where(and(eq(responses.surveyId, surveyId), eq(responses.id, id))).get(),
    erase: async (surveyId, id, audit) => db.transaction((tx) => {
      const result = tx.delete(responses).where(and(eq(responses.surveyId, surveyId), eq(responses.id, id))).run();
      if (result.changes === 1) recordAudit(tx, audit);
      return result.changes === 1;
    }),
    progress: async (surveyId, filter) => {
      const condition = filterConditions(responses, responseRegion, surveyId, filter);
      const byRegion = countBy(condition, responseRegion);
      return {
        byRegion,
        byDay: countBy(condition, sql<string>`substr(${responses.receivedAt}, 1, 10)`),
        byLanguage: countBy(condition, sql<string>`${responses.language}`),
        byMode: countBy(condition, sql<string>`${responses.mode}`),
        outcomes: contactOutcomes(db, condition, byRegion.reduce((sum, row) => sum + row.responses, 0)),
        medianDurationSeconds: medianDurationSeconds(db, condition),
        latest: db.select({ receivedAt: responses.receivedAt, region: responseRegion, language: responses.language, mode: responses.mode, version: responses.version })
          .from(responses).where(condition).orderBy(desc(responses.receivedAt), desc(responses.id)).limit(10).all(),
      };
    },
    webCompletion: async (surveyId, range) => {
      const starts = db.select({ started: sql<number>`coalesce(sum(${surveyStarts.starts}), 0)`, first: sql<string | null>`min(${surveyStarts.day})` })
        .from(surveyStarts).where(and(
          eq(surveyStarts.surveyId, surveyId),
          range.from ? gte(surveyStarts.day, range.from.slice(0, 10)) : undefined,
          range.to ? lte(surveyStarts.day, range.to.slice(0, 10)) : undefined,
        )).get();
      if (!starts?.first) return NO_STARTS;
      const day = sql<string>`substr(${responses.receivedAt}, 1, 10)`;
      // Synthetic rows were never started by anyone: they are not completions of a recorded start.
      const completed = db.select({ n: sql<number>`count(*)` }).from(responses).where(and(
        eq(responses.surveyId, surveyId), eq(responses.mode, 'web'), eq(responses.isSynthetic, false), gte(day, starts.first),
        range.to ? lte(day, range.to.slice(0, 10)) : undefined,
      )).get()?.n ?? 0;
      return completionOf(starts.started, completed);
    },
  };
}

/**
 * Median time from the first page shown to completion over the responses matching `where` that
 * carry both times (the device's clock; a negative span is a clock error and left out).
 */
function medianDurationSeconds(db: Db, where: SQL): number | null {
  const duration = responseDuration;
  // Without either time the duration is null, so `>= 0` leaves it out: the index alone answers.
  const valid = and(where, sql`${duration} >= 0`);
  const count = db.select({ n: sql<number>`count(*)` }).from(responses).where(valid).get()?.n ?? 0;
  if (count === 0) return null;
  const middle = db.select({ seconds: duration }).from(responses).where(valid).orderBy(duration)
    .limit(count % 2 === 0 ? 2 : 1).offset(Math.floor((count - 1) / 2)).all();
  return roundedSeconds(middle.reduce((sum, row) => sum + row.seconds, 0) / middle.length);
}

/**
 * A screened-out contact answers nothing after the screening questions, so it has no region:
 * only records without one are read (through the region index), never the whole survey's answers.
 */
function contactOutcomes(db: Db, where: SQL, contacts: number): Outcomes {
  const row = db.select({
    declined: sql<number>`coalesce(sum(${answer('consent')} IS NOT NULL AND ${answer('consent')} <> 1), 0)`,
    notEligible: sql<number>`coalesce(sum(${answer('consent')} = 1 AND ((${answer('age_18_plus')} IS NOT NULL AND ${answer('age_18_plus')} <> 1) OR (${answer('lives_in_bih')} IS NOT NULL AND ${answer('lives_in_bih')} <> 1))), 0)`,
  }).from(responses).where(and(where, sql`${responseRegion} IS NULL`)).get();
  return outcomesOf(contacts, row?.declined ?? 0, row?.notEligible ?? 0);
}
