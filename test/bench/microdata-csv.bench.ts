/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/exports/microdata.csv of 1,000,000
 * stored responses (BENCH_ROWS) through the real app, reading the stream as a client would.
 * This process only makes sure the database exists; the export runs in a fresh process
 * (exports/microdata-csv-run.ts), whose time to the last byte and peak RSS are reported, so the
 * memory of writing the database is not counted as the export's. Three runs through the app,
 * then one of the export modules alone (`--pipeline`: no app imported). Pass a query (e.g.
 * `?values=labels`) as the first argument.
 */
import { spawnSync } from 'node:child_process';
import { benchDatabase } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, mb } from './exports/common.ts';

benchDatabase(BENCH_DB, BENCH_ROWS).$client.close();
const query = process.argv[2] ?? '';
type Run = { rows: number; bytes: number; seconds: number; cpuSeconds: number; rssBefore: number; maxRss: number };
const exportRun = (...options: string[]): Run => {
  const child = spawnSync('npx', ['tsx', 'test/bench/exports/microdata-csv-run.ts', ...options, ...(query ? [query] : [])], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`export run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
};
const runs = [exportRun(), exportRun(), exportRun()];
const alone = exportRun('--pipeline');
const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
console.log(`microdata.csv${query}: ${best.rows.toLocaleString('en')} rows, ${mb(best.bytes)}; runs ${runs.map((run) => `${run.seconds.toFixed(2)} s`).join(', ')}; best ${best.seconds.toFixed(2)} s (CPU ${runs.map((run) => `${run.cpuSeconds.toFixed(2)} s`).join(', ')})`);
console.log(`export modules alone (no app): ${alone.seconds.toFixed(2)} s, RSS ${mb(alone.rssBefore)} before, peak ${mb(alone.maxRss)}`);
console.log(`export process: RSS ${runs.map((run) => `${mb(run.rssBefore)} before`).join(', ')}; peak RSS ${runs.map((run) => mb(run.maxRss)).join(', ')}`);
