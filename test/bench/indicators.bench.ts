/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/indicators?by=region,channel on
 * 1,000,000 stored responses (BENCH_ROWS), through the real app and database: every indicator of
 * the full instrument (25) for the whole sample, by region, by channel and region × channel,
 * raked, with reliability. Three runs; the first includes opening the file cold-ish.
 */
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp, mb } from './exports/common.ts';

const setup = performance.now();
const db = benchDatabase(BENCH_DB, BENCH_ROWS);
console.log(`database ${BENCH_DB} with ${BENCH_ROWS.toLocaleString('en')} responses ready in ${((performance.now() - setup) / 1000).toFixed(1)} s`);
const { app, headers } = await benchApp(db);
const timings: number[] = [];
let rows = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const response = await app.request(`/api/surveys/${SLUG}/indicators?by=region,channel`, { headers });
  const body = (await response.json()) as { estimates: unknown[]; design: { n: number } };
  timings.push((performance.now() - start) / 1000);
  if (response.status !== 200) throw new Error(`status ${response.status}: ${JSON.stringify(body)}`);
  rows = body.estimates.length;
}
console.log(`indicators by=region,channel (${rows} estimate rows, 25 indicators, raked, reliability): runs ${timings.map((s) => `${s.toFixed(2)} s`).join(', ')}; best ${Math.min(...timings).toFixed(2)} s`);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
