import pg from 'pg';
import { freshPostgresDatabase } from '../../db/postgres.ts';
import type { Questionnaire } from './bodies.ts';
import { submitUnderLoad, type LoadResult } from './load.ts';
import { freePort, type LoadSettings, type StoredResult } from './measure.ts';
import { startTrustlens, type RunningServer } from './processes.ts';
import { compareStored, type StoredCheck } from './stored.ts';

/** The PostgreSQL server the benchmarks create their databases on, or a clear refusal. */
export function benchPostgresServer(bench: string): string {
  const url = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL;
  if (!url) {
    console.error(`${bench}: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server whose user may create databases, e.g. BENCH_POSTGRES_URL=postgres://trustlens:secret@localhost:5432/postgres`);
    process.exit(2);
  }
  return url;
}

/** The server settings that decide what a commit costs, printed with the figures (a cluster with fsync=off would flatter them). */
export async function durabilitySettings(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay') ORDER BY name",
    );
    return rows.map((row) => `${row.name}=${row.setting}`).join(', ');
  } finally {
    await client.end();
  }
}

/** Reads what the stopped servers wrote to PostgreSQL and checks every acknowledged id is there exactly once. */
export async function checkStoredPg(url: string, acknowledged: string[]): Promise<StoredCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = new Set((await client.query<{ id: string }>('SELECT id FROM responses')).rows.map((row) => row.id));
    const extra = await client.query<{ n: number }>('SELECT (count(*) - count(DISTINCT response_id))::int AS n FROM response_values');
    return compareStored(ids, extra.rows[0]!.n, acknowledged);
  } finally {
    await client.end();
  }
}

/** Parallel load runs on several servers as one: submissions summed, the worse instance's latencies. */
function combined(results: LoadResult[]): LoadResult {
  const statuses: Record<string, number> = {};
  for (const result of results) for (const [code, count] of Object.entries(result.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  const worst = (key: 'p50' | 'p99' | 'max') => Math.max(...results.map((result) => result[key]));
  return {
    ...results[0]!, connections: results.reduce((sum, result) => sum + result.connections, 0), seconds: Math.max(...results.map((result) => result.seconds)),
    perSecond: results.reduce((sum, result) => sum + result.perSecond, 0), p50: worst('p50'), p99: worst('p99'), max: worst('max'),
    statuses, errors: results.reduce((sum, result) => sum + result.errors, 0), acknowledged: results.flatMap((result) => result.acknowledged),
  };
}

/**
 * `instances` processes of api/server.ts (the checkout in `root`) on one new PostgreSQL database,
 * started one after the other (each migrates and publishes at start). The connections are split
 * between them, each instance loaded by its own autocannon run, all at once, as a load balancer in
 * front would split them. Once every server has stopped the ids are checked; the database is dropped.
 */
export async function measurePostgres(server: string, instances: number, root: string, questionnaire: Questionnaire, settings: LoadSettings): Promise<StoredResult> {
  const database = await freshPostgresDatabase(undefined, server);
  const name = `PostgreSQL ×${instances}`;
  try {
    const servers: RunningServer[] = [];
    let warmUp: LoadResult, result: LoadResult;
    try {
      for (let index = 0; index < instances; index++) servers.push(await startTrustlens(root, database.url, await freePort()));
      const share = (index: number) => Math.floor(settings.connections / instances) + (index < settings.connections % instances ? 1 : 0);
      const together = async (seconds: number) => combined(await Promise.all(servers.map((running, index) => submitUnderLoad(name, running.url, questionnaire, share(index), seconds))));
      warmUp = await together(settings.warmUpSeconds);
      result = await together(settings.seconds);
    } finally {
      await Promise.all(servers.map((running) => running.stop()));
    }
    return { ...result, stored: await checkStoredPg(database.url, [...warmUp.acknowledged, ...result.acknowledged]) };
  } finally {
    await database.drop();
  }
}
