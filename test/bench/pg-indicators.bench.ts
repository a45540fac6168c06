/**
 * `npm run bench:pg-indicators` (not a test; needs BENCH_POSTGRES_URL or TEST_POSTGRES_URL, a
 * server whose user may create databases): the full indicator table at a million responses on
 * PostgreSQL (issue 15), through the real server, against the same on SQLite in the same run.
 *
 * 1. The benchmark database (BENCH_ROWS responses, 1,000,000; BENCH_DB, made as indicators.bench.ts
 *    makes it if missing) is copied into a new PostgreSQL database with the db:copy command
 *    (api/cli/db-copy.ts, as `npm run db:copy` runs it): its time and peak RSS.
 * 2. api/server.ts on that PostgreSQL database, indicator warming on: the start-up tables, then
 *    GET …/indicators?by=region,channel first, repeated twice, and after one new web response
 *    (indicators.bench.ts's requests, here over HTTP); the server's peak RSS, compute threads included.
 * 3. The same on the SQLite file (BENCH_SQLITE=0 leaves it out); the new response is erased after,
 *    so the file keeps BENCH_ROWS responses. The PostgreSQL database is dropped at the end.
 * The PostgreSQL server runs on the same machine; the load average is printed (the machine is shared).
 * db:copy runs ANALYZE after its commit; whether the planner has statistics of the copied rows
 * before the server starts is printed; BENCH_ANALYZE=1 runs ANALYZE again, as an operator may.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../../api/db/open.ts';
import { freshPostgresDatabase } from '../db/postgres.ts';
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, mb } from './exports/settings.ts';
import { timeServedTable, type ServedTable } from './indicators/served.ts';
import { freePort, load } from './ingest/measure.ts';
import { benchPostgresServer, durabilitySettings } from './ingest/postgres.ts';
import { peakRss } from './ingest/processes.ts';
import { addBenchAdmin } from './ingest/staff.ts';

const server = benchPostgresServer('bench:pg-indicators');
const SQLITE = process.env.BENCH_SQLITE !== '0';

/** Runs db:copy from the file into `url` in its own process: wall seconds and peak RSS (sampled while it runs). */
function timedCopy(from: string, url: string): Promise<{ seconds: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/cli/db-copy.ts', '--from', from, '--to', url], { stdio: ['ignore', 'inherit', 'inherit'] });
    let peak = 0;
    const sample = setInterval(() => {
      try {
        peak = Math.max(peak, peakRss(child.pid!));
      } catch {
        // It has just exited: the last sample stands.
      }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`db:copy exited with ${code}`));
      else resolve({ seconds: (performance.now() - start) / 1000, peakRss: peak });
    });
  });
}

/** One web response to send after the first tables: a stored one's answers, with a new id. */
function newResponse(): { id: string; language: string; answers: unknown } {
  const db = openDatabase(BENCH_DB);
  try {
    const row = db.$client.prepare('SELECT language, answers FROM responses WHERE survey_id = (SELECT id FROM surveys WHERE slug = ?) LIMIT 1').get(SLUG) as { language: string; answers: string };
    return { id: crypto.randomUUID(), language: row.language, answers: JSON.parse(row.answers) };
  } finally {
    db.$client.close();
  }
}

function erase(id: string): void {
  const db = openDatabase(BENCH_DB);
  db.$client.prepare('DELETE FROM responses WHERE id = ?').run(id);
  db.$client.close();
}

/** Whether the planner has statistics of the copied responses (autovacuum analyses some time after a large commit). */
async function plannerStatistics(url: string, analyze: boolean): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (analyze) await client.query('ANALYZE');
    const { rows } = await client.query<{ relname: string; analysed: string | null }>(
      "SELECT relname, greatest(last_analyze, last_autoanalyze)::text AS analysed FROM pg_stat_user_tables WHERE relname IN ('responses', 'response_values') ORDER BY relname",
    );
    return rows.map((row) => `${row.relname} ${row.analysed ? `analysed ${row.analysed}` : 'not analysed yet'}`).join(', ');
  } finally {
    await client.end();
  }
}

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
function report(name: string, table: ServedTable): void {
  console.log(`${name}: start-up tables ready ${s(table.startUp)} after listening (every survey's; the server's figure for this one ${s(table.startUpReported)}); first request after them ${s(table.first)}; repeat ${table.repeats.map(s).join(', ')}; after a new response ${s(table.afterNew)}; ${table.rows} estimate rows; server peak RSS ${mb(table.peakRss)}; load average ${load()}`);
}

const setup = performance.now();
benchDatabase(BENCH_DB, BENCH_ROWS).$client.close();
addBenchAdmin(BENCH_DB);
console.log(`bench:pg-indicators — ${BENCH_DB} with ${BENCH_ROWS.toLocaleString('en')} responses ready in ${s((performance.now() - setup) / 1000)}; load average ${load()}`);
console.log(`PostgreSQL: ${await durabilitySettings(server)}`);
const database = await freshPostgresDatabase(undefined, server);
try {
  const copy = await timedCopy(BENCH_DB, database.url);
  console.log(`db:copy into a new PostgreSQL database: ${s(copy.seconds)} (checks included), peak RSS ${mb(copy.peakRss)}; load average ${load()}`);
  console.log(`planner statistics${process.env.BENCH_ANALYZE === '1' ? ' (after ANALYZE, BENCH_ANALYZE=1)' : ''}: ${await plannerStatistics(database.url, process.env.BENCH_ANALYZE === '1')}`);
  const onPostgres = await timeServedTable(database.url, await freePort(), newResponse());
  report('PostgreSQL', onPostgres);
  if (SQLITE) {
    const response = newResponse();
    try {
      const onSqlite = await timeServedTable(BENCH_DB, await freePort(), response);
      report('SQLite', onSqlite);
      if (onSqlite.rows !== onPostgres.rows) console.log(`NOTE: the tables differ in rows (SQLite ${onSqlite.rows}, PostgreSQL ${onPostgres.rows})`);
    } finally {
      erase(response.id);
    }
  }
} finally {
  await database.drop();
}
