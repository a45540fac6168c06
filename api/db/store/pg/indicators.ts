import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { packAnswers } from '../../../indicators/layout.ts';
import { pgResponseChangeStamp } from '../../../indicators/pg-change-stamp.ts';
import { cachedLayout, rememberLayout, type SurveyLayout } from '../../../indicators/survey-layout.ts';
import type { PgDb } from '../../pg/open.ts';
import { responses, responseValues, surveys, surveyVersions } from '../../pg/schema.ts';
import type { Survey } from '../../schema.ts';
import type { IndicatorStore } from '../indicators.ts';
import { pgScanColumns } from './column-scan.ts';

const stores = new WeakMap<PgDb, IndicatorStore>();

/**
 * The indicator reads (../indicators.ts) on PostgreSQL. Everything is read from the database on
 * each call (the stamp included), so a cache above this sees another instance's writes and
 * erasures on its next request. The per-pool caches are keyed by the pool.
 */
export function postgresIndicatorStore(db: PgDb): IndicatorStore {
  const known = stores.get(db);
  if (known) return known;
  const pool = db.$client;
  const layoutOf = async (surveyId: number): Promise<SurveyLayout> => {
    const hashes = (await db.select({ hash: surveyVersions.contentHash }).from(surveyVersions)
      .where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version))).map((row) => row.hash);
    return cachedLayout(hashes) ?? rememberLayout(hashes, await db.select({
      version: surveyVersions.version, definition: surveyVersions.definition, meta: surveyVersions.meta, publishedAt: surveyVersions.publishedAt,
    }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version)));
  };
  const store: IndicatorStore = {
    dialect: 'postgres',
    cacheOwner: pool,
    changeStamp: () => pgResponseChangeStamp(db),
    scanColumns: (layout, surveyId, waves, wanted, withFields, afterRowid = 0, upToRowid) => pgScanColumns(pool, layout, surveyId, waves, wanted, withFields, afterRowid, upToRowid),
    backfillValues: async (surveyId) => {
      const count = async (table: typeof responses | typeof responseValues) =>
        Number((await db.select({ n: sql<string>`count(*)` }).from(table).where(eq(table.surveyId, surveyId)))[0]?.n ?? 0);
      if ((await count(responses)) === (await count(responseValues))) return 0;
      let written = 0;
      for (;;) {
        const missing = await db.select({
          id: responses.id, surveyId: responses.surveyId, version: responses.version, answers: responses.answers, language: responses.language,
          mode: responses.mode, wave: responses.wave, stratum: responses.stratum, psu: responses.psu, weight: responses.weight,
        }).from(responses).leftJoin(responseValues, eq(responseValues.responseId, responses.id))
          .where(and(eq(responses.surveyId, surveyId), isNull(responseValues.responseId))).orderBy(asc(responses.rowid)).limit(5000);
        if (missing.length === 0) return written;
        const { layout } = await layoutOf(surveyId);
        // Another instance may backfill the same rows at once: the primary key keeps one.
        await db.insert(responseValues).values(missing.map((row) => ({
          responseId: row.id, surveyId: row.surveyId, version: row.version, wave: row.wave, weight: row.weight, stratum: row.stratum, psu: row.psu,
          language: row.language, mode: row.mode, answerValues: packAnswers(layout, (row.answers ?? {}) as Record<string, unknown>),
        }))).onConflictDoNothing();
        written += missing.length;
      }
    },
    storedWaves: async (surveyId) => {
      // Each next wave through the (survey_id, wave) index, as on SQLite.
      const { rows } = await pool.query<{ wave: number }>(`
        WITH RECURSIVE next(wave) AS (
          SELECT min(wave) FROM response_values WHERE survey_id = $1
          UNION ALL
          SELECT (SELECT min(wave) FROM response_values WHERE survey_id = $1 AND wave > next.wave) FROM next WHERE next.wave IS NOT NULL
        ) SELECT wave FROM next WHERE wave IS NOT NULL`, [surveyId]);
      const without = await pool.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM response_values WHERE survey_id = $1 AND wave IS NULL) AS found', [surveyId]);
      return { waves: rows.map((row) => row.wave), withoutWave: without.rows[0]!.found };
    },
    syntheticSince: async (surveyId, after, upTo) => {
      const { rows } = await pool.query<{ wave: number | null; n: string }>(
        'SELECT wave, count(*) AS n FROM responses WHERE rowid > $1 AND rowid <= $2 AND survey_id = $3 AND is_synthetic GROUP BY wave', [after, upTo, surveyId]);
      return rows.map((row) => ({ wave: row.wave, n: Number(row.n) }));
    },
    surveyLayout: layoutOf,
    surveyById: async (id) => (await db.select().from(surveys).where(eq(surveys.id, id)))[0] as Survey | undefined,
    fieldworkDates: async (surveyId, wave) => {
      // The expression of the responses_survey_wave_done index, as on SQLite.
      const done = 'CASE WHEN completed_at IS NULL THEN received_at ELSE completed_at END';
      const { rows } = await pool.query<{ first: string | null; last: string | null }>(
        `SELECT min(${done}) AS first, max(${done}) AS last FROM responses WHERE survey_id = $1${wave === null ? '' : ' AND wave = $2'}`, wave === null ? [surveyId] : [surveyId, wave]);
      return rows[0] ?? { first: null, last: null };
    },
    surveysWithResponses: async () =>
      (await db.select().from(surveys).where(sql`EXISTS (SELECT 1 FROM response_values WHERE response_values.survey_id = ${surveys.id})`).orderBy(asc(surveys.id))) as Survey[],
  };
  stores.set(db, store);
  return store;
}
