/**
 * The measured half of microdata-csv.bench.ts, run in a fresh process against an existing
 * benchmark database, so that its peak RSS is the export's (plus the app itself), not the memory
 * left over from generating a million responses. Prints one JSON line for the parent.
 */
import { openDatabase } from '../../../api/db/open.ts';
import { SLUG } from './bench-db.ts';
import { BENCH_DB, benchApp } from './common.ts';

const query = process.argv[2] ?? '';
const db = openDatabase(BENCH_DB);
const { app, headers } = await benchApp(db);
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const start = performance.now();
const response = await app.request(`/api/surveys/${SLUG}/exports/microdata.csv${query}`, { headers });
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
// CPU time (user + system) as well as wall time: on a shared machine it varies less with load.
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ rows: lines - 1, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 }));
db.$client.close();
