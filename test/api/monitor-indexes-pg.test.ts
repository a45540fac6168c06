import type pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { postgresStore, type Store } from '../../api/db/store/index.ts';
import { describePostgres, usePostgres } from '../db/postgres.ts';

/*
 * PostgreSQL's half of monitor-indexes.test.ts. Some of the monitor's indexes are expression
 * indexes (api/db/pg/schema.ts: the completion time; the region answer and the duration are
 * generated columns, indexed as such, as PostgreSQL reads no expression index alone): if the
 * expression a store query writes drifts from the index's by a cast or an operator, PostgreSQL
 * quietly reads every response of the survey instead. So this takes the SQL the PostgreSQL store
 * really sends (captured from its pool while calling it) and EXPLAINs each statement with its
 * own parameters.
 *
 * On a table this small the planner rightly prefers other paths, so each statement is explained
 * in a transaction that is rolled back, with the responses' other indexes dropped and
 * enable_seqscan off: that asks whether the statement CAN use the index for its expression (the
 * index's expression must then appear in the Index Cond, or the index must give the order), not
 * which path the planner would pick by cost on this data. A drifted expression shows as a Seq
 * Scan, or as the expression in a Filter instead of the Index Cond.
 */
describePostgres('the fieldwork monitor on PostgreSQL reads indexes, not every answer', () => {
  const postgres = usePostgres();
  let store: Store;
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = postgres.db.$client;
    store = postgresStore(postgres.db);
    await pool.query(`INSERT INTO surveys (slug) VALUES ('one'), ('two')`);
    await pool.query(`INSERT INTO survey_versions (survey_id, version, definition, meta, content_hash) VALUES (1, 1, '{}', '{}', 'a'), (2, 1, '{}', '{}', 'b')`);
    // 200 responses over two surveys and two waves; every tenth has no region (a declined
    // contact) and every seventh no completion time (its day is its receipt's).
    await pool.query(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, wave, started_at, completed_at, received_at)
      SELECT 'r' || g, 1 + g % 2, 1 + g % 2, 1,
        CASE WHEN g % 10 = 0 THEN '{"consent": 0}'::jsonb
          ELSE jsonb_build_object('consent', 1, 'region', (ARRAY['tuzla', 'sarajevo', 'mostar'])[1 + g % 3], 'trust', g % 5) END,
        'h' || g, (ARRAY['bs', 'hr'])[1 + g % 4 / 3], (ARRAY['web', 'enumerator'])[1 + g % 3 / 2], 2024 + g % 4 / 2,
        to_char(timestamp '2025-03-01' + g * interval '37 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        CASE WHEN g % 7 = 0 THEN NULL ELSE to_char(timestamp '2025-03-01' + g * interval '37 minutes' + (g % 13 + 4) * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
        to_char(timestamp '2025-03-01' + g * interval '37 minutes' + interval '20 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      FROM generate_series(1, 200) g`);
    await pool.query(`INSERT INTO survey_starts (survey_id, day, starts) VALUES (1, '2025-03-01', 150)`);
    // Statistics for the planner, and the visibility map an index-only scan needs.
    await pool.query('VACUUM ANALYZE responses');
  });

  /** The statements (text and parameters) the store sends through its pool while `call` runs. */
  const statementsOf = async (call: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> => {
    const sent: { text: string; values: unknown[] }[] = [];
    const query = pool.query;
    pool.query = ((config: string | pg.QueryConfig, values?: unknown[]) => {
      sent.push(typeof config === 'string' ? { text: config, values: values ?? [] } : { text: config.text, values: config.values ?? values ?? [] });
      return (query as (this: pg.Pool, ...args: unknown[]) => unknown).apply(pool, [config, values]);
    }) as typeof pool.query;
    try {
      await call();
    } finally {
      pool.query = query;
    }
    return sent;
  };

  /** The one statement sent whose text matches `pattern`. */
  const theOne = (statements: { text: string; values: unknown[] }[], pattern: RegExp) => {
    const found = statements.filter((statement) => pattern.test(statement.text));
    expect(found.map((statement) => statement.text), `one statement matching ${pattern}`).toHaveLength(1);
    return found[0]!;
  };

  /** The plan (one line per node and condition, costs left out) of a statement when `index` is the responses' only index. */
  const planWithOnly = async (index: string, statement: { text: string; values: unknown[] }): Promise<string> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const others = await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'responses' AND indexname LIKE 'responses_survey_%' AND indexname <> $1`, [index]);
      for (const other of others.rows) await client.query(`DROP INDEX ${other.name}`);
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${statement.text}`, statement.values);
      return plan.rows.map((row) => row['QUERY PLAN'].trim().replace(/\s+/g, ' ')).join(' | ');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  };

  it('counts by region, day, language and mode from their indexes', async () => {
    const sent = await statementsOf(() => store.data.progress(1, {}));
    // Each from its index alone, without reading a response. (PostgreSQL makes no index-only
    // scan of an expression index, hence the region's generated column.)
    expect(await planWithOnly('responses_survey_region', theOne(sent, /group by "responses"\."region"/)))
      .toMatch(/Index Only Scan using responses_survey_region .*Index Cond: \(survey_id = 1\)/);
    expect(await planWithOnly('responses_survey_received', theOne(sent, /group by substr\("responses"\."received_at", 1, 10\)/)))
      .toContain('Index Only Scan using responses_survey_received');
    expect(await planWithOnly('responses_survey_language', theOne(sent, /group by "responses"\."language"/)))
      .toContain('Index Only Scan using responses_survey_language');
    expect(await planWithOnly('responses_survey_mode_received', theOne(sent, /group by "responses"\."mode"/)))
      .toContain('Index Only Scan using responses_survey_mode_received');
  });

  it("finds the contacts without a region, the median duration and the latest submissions from their indexes", async () => {
    const sent = await statementsOf(() => store.data.progress(1, {}));
    expect(await planWithOnly('responses_survey_region', theOne(sent, /FILTER \(WHERE/)))
      .toMatch(/responses_survey_region .*Index Cond: \(\(survey_id = 1\) AND \(region IS NULL\)\)/);
    // The median from the durations in the index alone.
    expect(await planWithOnly('responses_survey_duration', theOne(sent, /percentile_cont/)))
      .toMatch(/Index Only Scan using responses_survey_duration .*Index Cond: \(\(survey_id = 1\) AND \(duration >= /);
    const latest = await planWithOnly('responses_survey_received', theOne(sent, /order by "responses"\."received_at" desc/));
    expect(latest).toContain('Index Scan Backward using responses_survey_received');
    expect(latest).not.toContain('Sort');
  });

  it('filters the microdata by region from the region index', async () => {
    let page: Awaited<ReturnType<Store['data']['listResponses']>> | undefined;
    const sent = await statementsOf(async () => void (page = await store.data.listResponses(1, { region: 'tuzla', limit: 100 }, undefined)));
    expect(page!.items.length).toBeGreaterThan(0);
    expect(page!.items.every((row) => (row.answers as { region?: string }).region === 'tuzla')).toBe(true);
    expect(await planWithOnly('responses_survey_region', theOne(sent, /"responses"\."region" = \$/)))
      .toMatch(/responses_survey_region .*Index Cond: \(\(survey_id = 1\) AND \(region = 'tuzla'::text\)\)/);
  });

  it('counts a region answer that is not a string by its text, as answers ->> region gives it', async () => {
    await pool.query(`INSERT INTO surveys (slug) VALUES ('three')`);
    await pool.query(`INSERT INTO survey_versions (survey_id, version, definition, meta, content_hash) VALUES (3, 1, '{}', '{}', 'c')`);
    await pool.query(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language)
      SELECT 'n' || ordinality, 3, 3, 1, answers::json, 'h', 'bs'
      FROM unnest(ARRAY['{"region": 5}', '{"region": "5"}', '{"region": 5.50}', '{"region": true}', '{"region": null}', '{}']) WITH ORDINALITY AS t(answers)`);
    expect((await store.data.progress(3, {})).byRegion).toEqual([
      { key: null, responses: 2 }, { key: '5', responses: 2 }, { key: '5.50', responses: 1 }, { key: 'true', responses: 1 },
    ]);
    const fives = await store.data.listResponses(3, { region: '5', limit: 10 }, undefined);
    expect(fives.items.map((row) => row.id).sort()).toEqual(['n1', 'n2']);
    // The stored columns are the expressions they replaced, for every row (nulls included).
    const differ = await pool.query(`SELECT id FROM responses WHERE region IS DISTINCT FROM (answers ->> 'region')
      OR duration IS DISTINCT FROM (trustlens_epoch(completed_at) - trustlens_epoch(started_at))`);
    expect(differ.rows).toEqual([]);
  });

  it("finds a wave's first and last completion for the report at the two ends of its index", async () => {
    const sent = await statementsOf(() => store.indicators.fieldworkDates(1, 2025));
    const plan = await planWithOnly('responses_survey_wave_done', theOne(sent, /min\(CASE/));
    // min and max each read one entry, the index's first and last for (survey, wave).
    const done = 'CASE WHEN (completed_at IS NULL) THEN received_at ELSE completed_at END IS NOT NULL';
    expect(plan).toContain(`Limit | -> Index Scan using responses_survey_wave_done on responses | Index Cond: ((survey_id = 1) AND (wave = 2025) AND (${done}))`);
    expect(plan).toContain(`Limit | -> Index Scan Backward using responses_survey_wave_done on responses responses_1 | Index Cond: ((survey_id = 1) AND (wave = 2025) AND (${done}))`);
  });

  it("reads one survey's rows for the web completion rate and the quality flags, not every survey's", async () => {
    const completion = await statementsOf(() => store.data.webCompletion(1, {}));
    expect(await planWithOnly('responses_survey_mode_received', theOne(completion, /from "responses"/)))
      .toMatch(/responses_survey_mode_received .*Index Cond: \(\(survey_id = 1\) AND \(mode = 'web'::text\)\)/);
    // The quality flags take every answer they ask for from each of the survey's responses.
    const quality = await statementsOf(() => store.quality.interviews(1, ['consent', 'trust']));
    expect(await planWithOnly('responses_survey_received', theOne(quality, /FROM responses/)))
      .toMatch(/responses_survey_received .*Index Cond: \(survey_id = 1\)/);
  });
});
