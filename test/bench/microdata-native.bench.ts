/**
 * Benchmark (not a test): the native microdata exports, GET …/exports/microdata.sav and
 * …/microdata.dta, of 1,000,000 stored responses (BENCH_ROWS) against …/microdata.csv of the
 * same rows in the same run (issue 17: each within 1.5× the CSV's time, ≤ 250 MB resident).
 * Each export runs in a fresh process (exports/microdata-csv-run.ts) reading the whole response
 * as a client would; the three formats take turns, BENCH_RUNS rounds (default 3).
 */
import { spawnSync } from 'node:child_process';
import { benchDatabase } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, mb } from './exports/common.ts';

benchDatabase(BENCH_DB, BENCH_ROWS).$client.close();
type Run = { bytes: number; seconds: number; cpuSeconds: number; rssBefore: number; maxRss: number };
const exportRun = (file: string): Run => {
  const child = spawnSync('npx', ['tsx', 'test/bench/exports/microdata-csv-run.ts', `--export=${file}`], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`export run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Run;
};
const formats = (process.env.BENCH_FORMATS ?? 'csv,sav,dta').split(',');
const rounds = Number(process.env.BENCH_RUNS ?? 3);
const runs = new Map<string, Run[]>(formats.map((format) => [format, []]));
for (let round = 0; round < rounds; round++) {
  for (const format of formats) runs.get(format)!.push(exportRun(`microdata.${format}`));
}
const best = (format: string) => Math.min(...runs.get(format)!.map((run) => run.seconds));
for (const format of formats) {
  const list = runs.get(format)!;
  const ratio = format === 'csv' || !runs.has('csv') ? '' : `; ${(best(format) / best('csv')).toFixed(2)}× the CSV's best`;
  console.log(`microdata.${format}: ${BENCH_ROWS.toLocaleString('en')} rows, ${mb(list[0]!.bytes)}; runs ${list.map((run) => `${run.seconds.toFixed(2)} s`).join(', ')} (CPU ${list.map((run) => `${run.cpuSeconds.toFixed(2)} s`).join(', ')}); best ${best(format).toFixed(2)} s${ratio}; peak RSS ${list.map((run) => mb(run.maxRss)).join(', ')} (${list.map((run) => mb(run.rssBefore)).join(', ')} before)`);
}
