import { and, eq, sql } from 'drizzle-orm';
import type { ChangeStamp } from '../../indicators/change-stamp.ts';
import { responseChangeStamp } from '../../indicators/change-stamp.ts';
import { scanColumns, type Scan } from '../../indicators/column-scan.ts';
import type { Layout, Variable } from '../../indicators/layout.ts';
import { surveyLayout, type SurveyLayout } from '../../indicators/survey-layout.ts';
import { ensureResponseValues } from '../../responses/values.ts';
import type { Db } from '../open.ts';
import { responseDoneAt, responses, surveys, type Survey } from '../schema.ts';

/** The waves with stored responses, and whether some responses have no wave. */
export interface StoredWaves {
  waves: number[];
  withoutWave: boolean;
}

/**
 * What the indicator tables, models, targets, reports and exports read from the database: the
 * stored rows of response_values as typed columns, and the few counts around them. One
 * implementation per dialect (this file: SQLite; ./pg/indicators.ts: PostgreSQL); the caches above
 * (column-cache.ts, stored-waves.ts, synthetic-counts.ts) are the same for both and keyed by
 * `cacheOwner`, one object per connection or pool.
 *
 * Row order is part of the contract: a scan gives the rows ordered by wave (no wave first, then
 * ascending) and then by rowid, as SQLite's (survey_id, wave) index does, so every sum of the
 * engine is made in the same order and estimates agree to the last bit on both databases.
 */
export interface IndicatorStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** The object per-connection caches are kept under (SQLite: the better-sqlite3 connection). */
  readonly cacheOwner: object;
  /** The change stamp, read from the database on every call (null inside a SQLite transaction). */
  changeStamp(): Promise<ChangeStamp | null>;
  /**
   * One consistent pass over a survey's rows above `afterRowid` (see column-scan.ts), and not above
   * `upToRowid` if given (rows another connection may have added since a stamp was read; SQLite's
   * scan runs in the same synchronous step as its stamp, so it has none to leave out).
   */
  scanColumns(layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid?: number, upToRowid?: number): Promise<Scan>;
  /** Writes the analysed values of responses that have none; how many were written. */
  backfillValues(surveyId: number): Promise<number>;
  /** The stored waves as they are now (no cache: stored-waves.ts keeps one). */
  storedWaves(surveyId: number): Promise<StoredWaves>;
  /** Synthetic responses by wave among those with after < rowid <= upTo. */
  syntheticSince(surveyId: number, after: number, upTo: number): Promise<{ wave: number | null; n: number }[]>;
  surveyLayout(surveyId: number): Promise<SurveyLayout>;
  surveyById(id: number): Promise<Survey | undefined>;
  /** When fieldwork of a wave (null: every wave) began and ended: the first and last response done (completed, else received). */
  fieldworkDates(surveyId: number, wave: number | null): Promise<{ first: string | null; last: string | null }>;
  /** Surveys that have rows in response_values, by id. */
  surveysWithResponses(): Promise<Survey[]>;
}

const stores = new WeakMap<Db, IndicatorStore>();

/** The SQLite implementation: today's synchronous code, in resolved promises. */
export function sqliteIndicatorStore(db: Db): IndicatorStore {
  const known = stores.get(db);
  if (known) return known;
  const client = db.$client;
  const store: IndicatorStore = {
    dialect: 'sqlite',
    cacheOwner: client,
    changeStamp: async () => responseChangeStamp(db),
    scanColumns: async (layout, surveyId, waves, wanted, withFields, afterRowid = 0) => scanColumns(db, layout, surveyId, waves, wanted, withFields, afterRowid),
    backfillValues: async (surveyId) => ensureResponseValues(db, surveyId),
    storedWaves: async (surveyId) => {
      // Each next wave through the (survey_id, wave) index: a few index seeks, not a scan of every row.
      const waves = client.prepare(`
        WITH RECURSIVE next(wave) AS (
          SELECT min(wave) FROM response_values WHERE survey_id = @survey
          UNION ALL
          SELECT (SELECT min(wave) FROM response_values WHERE survey_id = @survey AND wave > next.wave) FROM next WHERE next.wave IS NOT NULL
        ) SELECT wave FROM next WHERE wave IS NOT NULL`).pluck().all({ survey: surveyId }) as number[];
      const withoutWave = client.prepare('SELECT EXISTS (SELECT 1 FROM response_values WHERE survey_id = ? AND wave IS NULL)').pluck().get(surveyId) === 1;
      return { waves, withoutWave };
    },
    syntheticSince: async (surveyId, after, upTo) =>
      client.prepare('SELECT wave, count(*) AS n FROM responses WHERE rowid > ? AND rowid <= ? AND survey_id = ? AND is_synthetic = 1 GROUP BY wave')
        .all(after, upTo, surveyId) as { wave: number | null; n: number }[],
    surveyLayout: async (surveyId) => surveyLayout(db, surveyId),
    surveyById: async (id) => db.select().from(surveys).where(eq(surveys.id, id)).get(),
    fieldworkDates: async (surveyId, wave) =>
      db.select({ first: sql<string | null>`min(${responseDoneAt})`, last: sql<string | null>`max(${responseDoneAt})` }).from(responses)
        .where(and(eq(responses.surveyId, surveyId), wave === null ? undefined : eq(responses.wave, wave))).get() ?? { first: null, last: null },
    surveysWithResponses: async () => {
      const ids = new Set(client.prepare('SELECT DISTINCT survey_id FROM response_values').pluck().all() as number[]);
      return db.select().from(surveys).all().filter((survey) => ids.has(survey.id));
    },
  };
  stores.set(db, store);
  return store;
}

/** Code that still holds a SQLite `Db` (tests, benchmarks, the CLI) passes it as it is. */
export type IndicatorSource = IndicatorStore | Db;

export function indicatorStoreOf(source: IndicatorSource): IndicatorStore {
  return 'scanColumns' in source ? source : sqliteIndicatorStore(source);
}
