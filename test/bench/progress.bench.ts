/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/progress, the fieldwork monitor's
 * figures (responses by region against quotas, by day, language and mode, median duration, web
 * completion, latest submissions), on BENCH_ROWS stored responses through the real app. The
 * monitor asks again every 10 s while fieldwork is open, and the server does nothing else
 * meanwhile, so this time is taken from every resident submitting at that moment.
 */
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp, mb } from './exports/common.ts';

const setup = performance.now();
const db = benchDatabase(BENCH_DB, BENCH_ROWS); // applies new migrations to an older file, once
console.log(`database ${BENCH_DB} with ${BENCH_ROWS.toLocaleString('en')} responses ready in ${((performance.now() - setup) / 1000).toFixed(1)} s`);
const { app, headers } = await benchApp(db);
const timings: number[] = [];
let total = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const response = await app.request(`/api/surveys/${SLUG}/progress`, { headers });
  const body = (await response.json()) as { total: number };
  timings.push((performance.now() - start) / 1000);
  if (response.status !== 200) throw new Error(`status ${response.status}: ${JSON.stringify(body)}`);
  total = body.total;
}
console.log(`progress (${total.toLocaleString('en')} responses): runs ${timings.map((s) => `${s.toFixed(2)} s`).join(', ')}; best ${Math.min(...timings).toFixed(2)} s`);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
