/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/report.html on BENCH_ROWS stored
 * responses through the real app, after the start-up tables the server makes (warm.ts): the
 * latest wave by region and channel with reliability by language, the change from the previous
 * wave, counts by region and mode, fieldwork dates and the charts. Two runs.
 */
import { warmIndicatorTables } from '../../api/indicators/warm.ts';
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp, mb } from './exports/common.ts';

const setup = performance.now();
const db = benchDatabase(BENCH_DB, BENCH_ROWS); // applies new migrations to an older file, once
console.log(`database ${BENCH_DB} with ${BENCH_ROWS.toLocaleString('en')} responses ready in ${((performance.now() - setup) / 1000).toFixed(1)} s`);
const { app, headers } = await benchApp(db);
const warmStart = performance.now();
await warmIndicatorTables(db);
console.log(`start-up tables ${((performance.now() - warmStart) / 1000).toFixed(2)} s`);
const timings: number[] = [];
for (let run = 0; run < 2; run++) {
  const start = performance.now();
  const response = await app.request(`/api/surveys/${SLUG}/report.html`, { headers });
  const html = await response.text();
  timings.push((performance.now() - start) / 1000);
  if (response.status !== 200) throw new Error(`status ${response.status}: ${html.slice(0, 300)}`);
}
console.log(`report.html: runs ${timings.map((s) => `${s.toFixed(2)} s`).join(', ')}`);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
