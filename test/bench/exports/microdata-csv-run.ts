/**
 * The measured half of microdata-csv.bench.ts, run in a fresh process against an existing
 * benchmark database, so that its peak RSS is the export's (plus the app itself), not the memory
 * left over from generating a million responses. Prints one JSON line for the parent.
 *
 * `--pipeline`: the export's own modules only (csvStream over microdataPages on the database),
 * without importing the app, to tell the export's memory from the app's.
 */
import { openDatabase } from '../../../api/db/open.ts';
import { BENCH_DB, SLUG } from './settings.ts';

const pipeline = process.argv.includes('--pipeline');
const query = process.argv.slice(2).find((argument) => argument.startsWith('?')) ?? '';
/** `--export=microdata.sav` (or .dta): another microdata export of the same rows, through the app. */
const exportFile = process.argv.slice(2).find((argument) => argument.startsWith('--export='))?.slice('--export='.length) ?? 'microdata.csv';
const db = openDatabase(BENCH_DB);
const body = pipeline ? await pipelineBody() : await appBody();
const rssBefore = process.memoryUsage().rss;
const cpuBefore = process.cpuUsage();
const start = performance.now();
let bytes = 0;
let lines = 0;
const reader = (await body()).getReader();
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

/** GET …/exports/microdata.csv through the real app, as a signed-in admin. */
async function appBody(): Promise<() => Promise<ReadableStream<Uint8Array>>> {
  const { benchApp } = await import('./common.ts');
  const { app, headers } = await benchApp(db);
  return async () => {
    const response = await app.request(`/api/surveys/${SLUG}/exports/${exportFile}${query}`, { headers });
    if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
    return response.body!;
  };
}

/** The same bytes from the export modules alone (no app, no HTTP layer). */
async function pipelineBody(): Promise<() => Promise<ReadableStream<Uint8Array>>> {
  const { csvStream } = await import('../../../api/exports/csv-stream.ts');
  const { microdataColumns } = await import('../../../api/exports/microdata-columns.ts');
  const { microdataHeader, microdataPages } = await import('../../../api/exports/microdata-rows.ts');
  const { surveyLayout } = await import('../../../api/indicators/survey-layout.ts');
  const surveyId = db.$client.prepare('SELECT id FROM surveys WHERE slug = ?').pluck().get(SLUG) as number;
  const columns = microdataColumns(surveyLayout(db, surveyId));
  return async () => csvStream(microdataHeader(columns), microdataPages(db, { surveyId, columns, values: query.includes('labels') ? 'labels' : 'codes' }));
}
