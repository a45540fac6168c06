import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IndicatorSpec } from '../../analysis/index.ts';
import { compute, useComputeThread } from '../../api/compute/compute-thread.ts';
import { copyDatabase } from '../../api/db/copy/copy.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { surveys, type Survey } from '../../api/db/schema.ts';
import type { IndicatorStore } from '../../api/db/store/indicators.ts';
import { postgresIndicatorStore } from '../../api/db/store/pg/indicators.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import { modelTable } from '../../api/indicators/model-table.ts';
import { parseIndicatorQuery } from '../../api/indicators/query.ts';
import { indicatorTable, surveyContext } from '../../api/indicators/table.ts';
import { targetTable } from '../../api/indicators/target-table.ts';
import { reportData } from '../../api/report/build.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';

/*
 * The indicator side on PostgreSQL: the same stored rows (copied from SQLite by db:copy's code)
 * give the same tables number for number, and an instance's caches see another instance's writes
 * and erasures on their next request.
 */
describePostgres('indicator tables on PostgreSQL', () => {
  let context: Awaited<ReturnType<typeof analyticsApp>>;
  let survey: Survey;
  let drop: () => Promise<void>;
  // Two pools on one database: two API instances, each with caches of its own.
  let first: PgDb;
  let second: PgDb;
  let store: IndicatorStore;
  let url: string;

  beforeAll(async () => {
    context = await analyticsApp(400);
    survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    // The demo stores its rows wave by wave; every other row of the first wave is moved after the
    // rest, so rowid order is not wave order and the scan must put the rows in SQLite's order.
    const firstWave = context.db.$client.prepare('SELECT min(wave) FROM response_values').pluck().get();
    context.db.$client.prepare('UPDATE response_values SET rowid = rowid + 1000000 WHERE wave = ? AND rowid % 2 = 0').run(firstWave);
    const database = await freshPostgresDatabase();
    drop = database.drop;
    url = database.url;
    first = await openPostgres(database.url);
    second = await openPostgres(database.url);
    await copyDatabase(context.db, first);
    store = postgresIndicatorStore(first);
  }, 180_000);

  afterAll(async () => {
    await first?.$client.end();
    await second?.$client.end();
    await drop?.();
  });

  const query = async (search: string) => {
    const found = await surveyContext(context.db, survey);
    return parseIndicatorQuery(new URL(`http://x/?${search}`), found.meta, found.waves);
  };

  it('loads the same columns in the same row order as SQLite', async () => {
    const { layout, meta, waves } = await surveyContext(context.db, survey);
    expect(waves.length).toBeGreaterThan(1);
    const byRowid = (await first.$client.query<{ wave: number }>('SELECT wave FROM response_values ORDER BY rowid')).rows.map((row) => row.wave);
    expect(byRowid).not.toEqual([...byRowid].sort((a, b) => a - b));
    expect((await surveyContext(store, survey)).waves).toEqual(waves);
    const variables = ['region', 'trust_police', 'channel'].filter((name) => layout.byName.has(name));
    for (const request of [{}, { waves: [waves[0]!] }, { waves: [...waves].reverse() }]) {
      const onSqlite = await loadColumns(context.db, { surveyId: survey.id, layout, variables, ...request, cache: false });
      const onPostgres = await loadColumns(store, { surveyId: survey.id, layout, variables, ...request, cache: false });
      expect(onPostgres.rows).toBe(onSqlite.rows);
      expect([onPostgres.variables, onPostgres.wave, onPostgres.weight, onPostgres.psu, onPostgres.stratum, onPostgres.language, onPostgres.mode])
        .toEqual([onSqlite.variables, onSqlite.wave, onSqlite.weight, onSqlite.psu, onSqlite.stratum, onSqlite.language, onSqlite.mode]);
    }
    expect(meta.indicators?.length).toBeGreaterThan(0);
  });

  it('gives estimates equal to the last bit to those on SQLite', async () => {
    const { waves } = await surveyContext(context.db, survey);
    for (const search of ['by=region,channel', 'by=region&weighting=design', `by=channel&wave=${waves[0]}`, `compare=wave:${waves.at(-1)},${waves[0]}&weighting=none`]) {
      const parsed = await query(search);
      const onSqlite = await indicatorTable(context.db, survey, parsed);
      const onPostgres = await indicatorTable(store, survey, parsed);
      expect(onPostgres).toEqual(onSqlite);
      expect(onPostgres.estimates.length).toBeGreaterThan(0);
    }
  });

  it('fits the same models, targets and report as SQLite', async () => {
    const { meta } = await surveyContext(context.db, survey);
    const modelQuery = { weighting: 'raked' as const, models: meta.models ?? [], contrasts: meta.contrasts ?? [] } as Parameters<typeof modelTable>[2];
    expect(await modelTable(store, survey, modelQuery)).toEqual(await modelTable(context.db, survey, modelQuery));
    expect(await targetTable(store, survey, { weighting: 'raked' })).toEqual(await targetTable(context.db, survey, { weighting: 'raked' }));
    const onPostgres = await reportData(store, survey, { weighting: 'raked' });
    expect(onPostgres).toEqual(await reportData(context.db, survey, { weighting: 'raked' }));
    expect(onPostgres.fieldwork.first).not.toBeNull();
  });

  it("sees another instance's new response and erasure on its next table", async () => {
    const parsed = await query('indicators=trust_fav&by=region&weighting=design');
    expect((parsed.indicators as IndicatorSpec[]).length).toBe(1);
    const before = await indicatorTable(store, survey, parsed);
    expect(await indicatorTable(store, survey, parsed)).toEqual(before); // from this instance's cache

    // The other instance stores a response: a copy of a stored one, under a new id.
    const stored = (await second.$client.query<{ id: string; region: string }>(
      "SELECT id, answers ->> 'region' AS region FROM responses WHERE survey_id = $1 AND wave IS NOT NULL ORDER BY rowid LIMIT 1", [survey.id])).rows[0]!;
    const id = crypto.randomUUID();
    const client = await second.$client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, is_synthetic, wave, stratum, psu, weight)
        SELECT $1, survey_id, survey_version_id, version, answers, 'copy', language, mode, is_synthetic, wave, stratum, psu, weight FROM responses WHERE id = $2`, [id, stored.id]);
      await client.query(`INSERT INTO response_values (response_id, survey_id, version, wave, weight, stratum, psu, language, mode, answer_values)
        SELECT $1, survey_id, version, wave, weight, stratum, psu, language, mode, answer_values FROM response_values WHERE response_id = $2`, [id, stored.id]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const count = (table: typeof before) => table.estimates.find((row) => row.groups.region === stored.region)!.n;
    const added = await indicatorTable(store, survey, parsed);
    expect(added.design.n).toBe(before.design.n + 1);
    expect(count(added)).toBe(count(before) + 1);

    // The other instance erases it again.
    await second.$client.query('DELETE FROM responses WHERE id = $1', [id]);
    const after = await indicatorTable(store, survey, parsed);
    expect(after.design.n).toBe(before.design.n);
    expect(after.estimates).toEqual(before.estimates);
  });

  it('computes on a compute thread with its own pool, as on the request thread', async () => {
    // A store of a third pool, so nothing is cached on this thread for it.
    const third = await openPostgres(url);
    const threaded = postgresIndicatorStore(third);
    const stopCompute = useComputeThread(threaded, url, { helper: false });
    try {
      const parsed = await query('by=region,channel');
      const onThread = await compute(threaded, 'table', { surveyId: survey.id, query: parsed });
      expect(onThread).toEqual(await indicatorTable(context.db, survey, parsed));
      const refused = compute(threaded, 'table', { surveyId: 987654, query: parsed });
      await expect(refused).rejects.toMatchObject({ status: 404 });
    } finally {
      await stopCompute();
      await third.$client.end();
    }
  }, 120_000);

  it('backfills values of responses stored without them, as on SQLite', async () => {
    const id = crypto.randomUUID();
    await second.$client.query(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, is_synthetic, wave, stratum, psu, weight)
      SELECT $1, survey_id, survey_version_id, version, answers, 'no-values', language, mode, is_synthetic, wave, stratum, psu, weight FROM responses WHERE survey_id = $2 ORDER BY rowid LIMIT 1`, [id, survey.id]);
    const parsed = await query('indicators=trust_fav&weighting=none');
    const table = await indicatorTable(store, survey, parsed);
    const values = await second.$client.query('SELECT wave, weight FROM response_values WHERE response_id = $1', [id]);
    expect(values.rowCount).toBe(1);
    expect(table.design.n).toBe((await indicatorTable(context.db, survey, parsed)).design.n + 1);
    await second.$client.query('DELETE FROM responses WHERE id = $1', [id]);
  });
});
