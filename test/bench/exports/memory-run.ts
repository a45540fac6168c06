/**
 * Where an export's memory goes (not a benchmark): reads one export of the benchmark database
 * (BENCH_DB) through the app, as microdata-csv-run.ts does, and prints the process's RSS, V8
 * heap, external and ArrayBuffer memory before it, after the first chunks and every 100 chunks.
 * `npx tsx test/bench/exports/memory-run.ts microdata.sav` (or microdata.dta, microdata.csv).
 */
import { openDatabase } from '../../../api/db/open.ts';
import { benchApp } from './common.ts';
import { BENCH_DB, SLUG } from './settings.ts';

const file = process.argv[2] ?? 'microdata.sav';
const db = openDatabase(BENCH_DB);
const { app, headers } = await benchApp(db);
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const sample = () => {
  const memory = process.memoryUsage();
  return `rss ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)}, array buffers ${mb(memory.arrayBuffers)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`;
};
console.log('before', sample());
const start = performance.now();
const response = await app.request(`/api/surveys/${SLUG}/exports/${file}`, { headers });
const reader = response.body!.getReader();
let bytes = 0;
let chunks = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.length;
  if (++chunks % 100 === 0 || chunks <= 3) console.log(`chunk ${chunks}:`, sample());
}
console.log(`${file}: ${mb(bytes)} MB in ${((performance.now() - start) / 1000).toFixed(1)} s;`, sample());
db.$client.close();
