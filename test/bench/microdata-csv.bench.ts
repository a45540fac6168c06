/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/exports/microdata.csv of 1,000,000
 * stored responses (BENCH_ROWS) through the real app, reading the stream as a client would;
 * time to the last byte and the peak resident memory of this process.
 */
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp, mb } from './exports/common.ts';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const { app, headers } = await benchApp(db);
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const response = await app.request(`/api/surveys/${SLUG}/exports/microdata.csv`, { headers });
if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
let bytes = 0;
let lines = 0;
const reader = response.body!.getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.length;
  for (let index = 0; index < value.length; index++) if (value[index] === 10) lines++;
}
const seconds = (performance.now() - start) / 1000;
console.log(`microdata.csv: ${(lines - 1).toLocaleString('en')} rows, ${mb(bytes)} in ${seconds.toFixed(2)} s`);
console.log(`RSS before ${mb(rssBefore)}, peak RSS of the whole process ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
