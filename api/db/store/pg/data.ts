import { and, asc, desc, eq, gt, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { filterConditions, pageOf } from '../../../responses/query.ts';
import { completionOf, NO_STARTS, outcomesOf, roundedSeconds, type Outcomes } from '../../../surveys/fieldwork-rates.ts';
import { responseDuration, responseRegion, storedResponse } from '../../pg/expressions.ts';
import type { PgDb } from '../../pg/open.ts';
import { responses, surveyStarts } from '../../pg/schema.ts';
import type { Count, DataStore, ResponseRow } from '../data.ts';
import { recordAuditPg } from './audit-entry.ts';

/** An answer as text: a JSON 1 is '1', true is 'true' (SQLite's ->> gives 1 for both). */
const answer = (name: string) => sql`(${responses.answers} ->> ${name})`;
const isOne = (name: string) => sql`${answer(name)} IN ('1', 'true')`;
const isOther = (name: string) => sql`(${answer(name)} IS NOT NULL AND ${answer(name)} NOT IN ('1', 'true'))`;
const counted = sql<number>`count(*)::int`;

/** The data job on PostgreSQL: the same answers as store/data.ts, in PostgreSQL's spelling. */
export function postgresData(db: PgDb): DataStore {
  // SQLite sorts nulls first: so do we, so the monitor lists "(none)" where it always did.
  const countBy = async <Key>(condition: SQL, key: SQL<Key>): Promise<Count<Key>[]> =>
    db.select({ key, responses: counted }).from(responses).where(condition).groupBy(key).orderBy(sql`${key} NULLS FIRST`);

  return {
    countStart: async (surveyId, day) => {
      await db.insert(surveyStarts).values({ surveyId, day, starts: 1 })
        .onConflictDoUpdate({ target: [surveyStarts.surveyId, surveyStarts.day], set: { starts: sql`${surveyStarts.starts} + 1` } });
    },
    listResponses: async (surveyId, filter, after) => pageOf(await db.select(storedResponse).from(responses)
      .where(and(filterConditions(responses, responseRegion, surveyId, filter), after
        ? or(gt(responses.receivedAt, after[0]), and(eq(responses.receivedAt, after[0]), gt(responses.id, after[1])))
        : undefined))
      .orderBy(asc(responses.receivedAt), asc(responses.id)).limit(filter.limit + 1) as ResponseRow[], filter.limit),
    response: async (surveyId, id) => (await db.select(storedResponse).from(responses).where(and(eq(responses.surveyId, surveyId), eq(responses.id, id))))[0] as ResponseRow | undefined,
    erase: (surveyId, id, audit) => db.transaction(async (tx) => {
      const erased = await tx.delete(responses).where(and(eq(responses.surveyId, surveyId), eq(responses.id, id))).returning({ id: responses.id });
      if (erased.length === 1) await recordAuditPg(tx, audit);
      return erased.length === 1;
    }),
    progress: async (surveyId, filter) => {
      const condition = filterConditions(responses, responseRegion, surveyId, filter);
      const byRegion = await countBy(condition, responseRegion);
      return {
        byRegion,
        byDay: await countBy(condition, sql<string>`substr(${responses.receivedAt}, 1, 10)`),
        byLanguage: await countBy(condition, sql<string>`${responses.language}`),
        byMode: await countBy(condition, sql<string>`${responses.mode}`),
        outcomes: await contactOutcomes(db, condition, byRegion.reduce((sum, row) => sum + row.responses, 0)),
        medianDurationSeconds: await medianDurationSeconds(db, condition),
        latest: await db.select({ receivedAt: responses.receivedAt, region: responseRegion, language: responses.language, mode: responses.mode, version: responses.version })
          .from(responses).where(condition).orderBy(desc(responses.receivedAt), desc(responses.id)).limit(10),
      };
    },
    webCompletion: async (surveyId, range) => {
      const [starts] = await db.select({ started: sql<number>`coalesce(sum(${surveyStarts.starts}), 0)::int`, first: sql<string | null>`min(${surveyStarts.day})` })
        .from(surveyStarts).where(and(
          eq(surveyStarts.surveyId, surveyId),
          range.from ? gte(surveyStarts.day, range.from.slice(0, 10)) : undefined,
          range.to ? lte(surveyStarts.day, range.to.slice(0, 10)) : undefined,
        ));
      if (!starts?.first) return NO_STARTS;
      const day = sql<string>`substr(${responses.receivedAt}, 1, 10)`;
      // Synthetic rows were never started by anyone: they are not completions of a recorded start.
      const [completed] = await db.select({ n: counted }).from(responses).where(and(
        eq(responses.surveyId, surveyId), eq(responses.mode, 'web'), eq(responses.isSynthetic, false), gte(day, starts.first),
        range.to ? lte(day, range.to.slice(0, 10)) : undefined,
      ));
      return completionOf(starts.started, completed?.n ?? 0);
    },
  };
}

/** The median of the durations that are known and not negative (a clock error), as store/data.ts. */
async function medianDurationSeconds(db: PgDb, where: SQL): Promise<number | null> {
  const [row] = await db.select({ seconds: sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${responseDuration})` })
    .from(responses).where(and(where, sql`${responseDuration} >= 0`));
  return row?.seconds === null || row?.seconds === undefined ? null : roundedSeconds(Number(row.seconds));
}

/** Declined and screened-out contacts among the records without a region, as store/data.ts. */
async function contactOutcomes(db: PgDb, where: SQL, contacts: number): Promise<Outcomes> {
  const [row] = await db.select({
    declined: sql<number>`(count(*) FILTER (WHERE ${isOther('consent')}))::int`,
    notEligible: sql<number>`(count(*) FILTER (WHERE ${isOne('consent')} AND (${isOther('age_18_plus')} OR ${isOther('lives_in_bih')})))::int`,
  }).from(responses).where(and(where, sql`${responseRegion} IS NULL`));
  return outcomesOf(contacts, row?.declined ?? 0, row?.notEligible ?? 0);
}
