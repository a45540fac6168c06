/**
 * Benchmark (not a test): CPU time, in this thread, of the full region × channel table right after
 * a new response (decision 018: the kept design updated for the appended row), split into the
 * update (rows read and appended, `analysisInput`, `appendPrepared`: `beginIndicatorTable`) and the
 * table's estimates on the updated design (plan made on first use), and the same table once more on
 * that design (a warm repeat, for comparison). APPENDS times (default 5): one web response POSTed
 * through the app, then the table and its repeat. The posted responses are erased at the end.
 * It writes to the database: use your own copy.
 *
 *   BENCH_ROWS=250000 BENCH_DB=/tmp/my-250000.db npx tsx test/bench/indicators/append-cpu.bench.ts
 */
import { benchDatabase, SLUG } from '../exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp } from '../exports/common.ts';
import { indicatorStoreOf } from '../../../api/db/store/indicators.ts';
import { beginIndicatorTable, surveyContext } from '../../../api/indicators/table.ts';
import { defaultWeighting } from '../../../api/indicators/query.ts';
import { estimatePreparedTable } from '../../../analysis/estimate-table.ts';
import type { IndicatorSpec } from '../../../analysis/types.ts';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const { app } = await benchApp(db);
const store = indicatorStoreOf(db);
const survey = (await store.surveysWithResponses()).find((found) => found.slug === SLUG);
if (!survey) throw new Error(`no ${SLUG} in ${BENCH_DB}`);
const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
const table = async (): Promise<{ update: number; estimates: number }> => {
  const { meta } = await surveyContext(store, survey);
  const indicators = (meta.indicators ?? []) as IndicatorSpec[];
  let started = cpu();
  const begun = await beginIndicatorTable(store, survey, { by: ['region', 'channel'], weighting: defaultWeighting(meta), indicators, compare: [] });
  const update = cpu() - started;
  started = cpu();
  estimatePreparedTable(begun.prepared, begun.options);
  return { update, estimates: cpu() - started };
};
const first = await table();
console.log(`${BENCH_ROWS.toLocaleString('en')} rows; first table: prepare ${first.update.toFixed(3)} s, estimates ${first.estimates.toFixed(3)} s CPU`);
const example = db.$client.prepare('SELECT language, answers FROM responses WHERE survey_id = (SELECT id FROM surveys WHERE slug = ?) LIMIT 1').get(SLUG) as { language: string; answers: string };
const posted: string[] = [];
const update: number[] = [];
const estimates: number[] = [];
// The same table again on the updated design (nothing appended): what a warm repeat costs, so the
// difference is what the appended rows still cost inside the table (plan, calibration products).
const repeats: number[] = [];
// BENCH_PROFILE=<file>: a CPU profile of the appends alone (not of the first table).
const session = process.env.BENCH_PROFILE ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
try {
  for (let rep = 0; rep < Number(process.env.APPENDS ?? 5); rep++) {
    const id = crypto.randomUUID();
    const response = await app.request(`/api/surveys/${SLUG}/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, language: example.language, answers: JSON.parse(example.answers) }),
    });
    if (response.status !== 201) throw new Error(`posting a response failed: ${response.status} ${await response.text()}`);
    posted.push(id);
    const timed = await table();
    update.push(timed.update);
    estimates.push(timed.estimates);
    repeats.push((await table()).estimates);
  }
} finally {
  if (session) writeFileSync(process.env.BENCH_PROFILE as string, JSON.stringify((await session.post('Profiler.stop')).profile));
  for (const id of posted) db.$client.prepare('DELETE FROM responses WHERE id = ?').run(id);
}
const summary = (list: number[]): string => {
  const sorted = [...list].sort((a, b) => a - b);
  return `median ${(sorted[sorted.length >> 1] as number).toFixed(3)} s, min ${(sorted[0] as number).toFixed(3)} s`;
};
console.log(`after a new response (${update.length} appends), CPU: update ${summary(update)}; estimates on the updated design ${summary(estimates)}; whole ${summary(update.map((value, index) => value + (estimates[index] as number)))}; a repeat on it ${summary(repeats)}`);
db.$client.close();
