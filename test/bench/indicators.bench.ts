/**
 * Benchmark (not a test): GET /api/surveys/bih-police-trust/indicators?by=region,channel on
 * 1,000,000 stored responses (BENCH_ROWS), through the real app and database: every indicator of
 * the full instrument (25) for the whole sample, by region, by channel and region × channel,
 * raked, with reliability.
 *
 * - start-up: what the server does right after it starts listening (warm.ts: every survey
 *   variable scanned, the design prepared, the dashboard's default and this table made);
 * - first: the first request after that;
 * - repeat: the same request again (columns, the prepared design and, since decision 020, the
 *   table itself reused: what a repeat costs beyond the arithmetic; table-cpu.bench.ts times the
 *   sums and variances of a table made again);
 * - one indicator at a time: as the dashboard asks (one indicator by region × channel), for
 *   five indicators in turn, on the same design;
 * - one wave: the full table for the latest wave, as an evaluator picks it on the dashboard (its
 *   rows taken from the cached rows of every wave), then again;
 * - after a new response: one web response POSTed first, so the new row is read and appended
 *   and everything is prepared again (weights raked, values recoded, cells indexed).
 * The new response is erased at the end, so the file keeps BENCH_ROWS responses.
 *
 * As the server does, tables are made on the compute thread (alone, as the server does by default);
 * BENCH_HELPER=1 adds its helper on the other core (COMPUTE_HELPER=1, decision 018);
 * BENCH_THREADS=0 makes them in this thread instead (as before decision 010).
 */
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp, mb } from './exports/common.ts';
import { warmIndicatorTables } from '../../api/indicators/warm.ts';
import { compute, useComputeThread } from '../../api/compute/compute-thread.ts';

const setup = performance.now();
const db = benchDatabase(BENCH_DB, BENCH_ROWS);
console.log(`database ${BENCH_DB} with ${BENCH_ROWS.toLocaleString('en')} responses ready in ${((performance.now() - setup) / 1000).toFixed(1)} s`);
const { app, headers } = await benchApp(db);
const threads = process.env.BENCH_THREADS !== '0';
const helper = process.env.BENCH_HELPER === '1';
const stopCompute = threads ? useComputeThread(db, BENCH_DB, { helper }) : async () => {};
// The compute thread does not keep a process alive (a server's socket does): this does, until the end.
const alive = setInterval(() => {}, 60_000);
console.log(threads ? `tables on the compute thread${helper ? ' and its helper (BENCH_HELPER=1)' : ' alone (as the server makes them by default)'}` : 'tables on this thread (BENCH_THREADS=0)');
let rows = 0;

async function timedTable(query = 'by=region,channel'): Promise<number> {
  const start = performance.now();
  const response = await app.request(`/api/surveys/${SLUG}/indicators?${query}`, { headers });
  const body = (await response.json()) as { estimates: unknown[]; design: { n: number } };
  const seconds = (performance.now() - start) / 1000;
  if (response.status !== 200) throw new Error(`status ${response.status}: ${JSON.stringify(body)}`);
  if (query === 'by=region,channel') rows = body.estimates.length;
  return seconds;
}

const warmStart = performance.now();
const warmed = threads ? await compute(db, 'warm', undefined) : await warmIndicatorTables(db);
const warmUp = (performance.now() - warmStart) / 1000;
if (warmed.some((survey) => survey.error)) throw new Error(`warm-up failed: ${JSON.stringify(warmed)}`);
const first = await timedTable();
const repeats = [await timedTable(), await timedTable()];
const single: number[] = [];
for (const indicator of ['trust_fav', 'pf_score', 'eff_score', 'obligation_score', 'contact_satisfied']) single.push(await timedTable(`indicators=${indicator}&by=region,channel`));
const latestWave = (await (await app.request(`/api/surveys/${SLUG}/indicators?indicators=trust_fav`, { headers })).json() as { waves: number[] }).waves.at(-1)!;
const oneWave = [await timedTable(`by=region,channel&wave=${latestWave}`), await timedTable(`by=region,channel&wave=${latestWave}`)];
const example = db.$client.prepare('SELECT language, answers FROM responses WHERE survey_id = (SELECT id FROM surveys WHERE slug = ?) LIMIT 1').get(SLUG) as { language: string; answers: string };
const id = crypto.randomUUID();
const posted = await app.request(`/api/surveys/${SLUG}/responses`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ id, language: example.language, answers: JSON.parse(example.answers) }),
});
if (posted.status !== 201) throw new Error(`posting a response failed: ${posted.status} ${await posted.text()}`);
const afterNew = await timedTable();
db.$client.prepare('DELETE FROM responses WHERE id = ?').run(id);

const s = (seconds: number) => `${seconds.toFixed(2)} s`;
console.log(`indicators by=region,channel (${rows} estimate rows, 25 indicators, raked, reliability):`);
console.log(`  start-up tables (WARM_INDICATORS) ${s(warmUp)}; first request after them ${s(first)}; repeat ${repeats.map(s).join(', ')} (best ${s(Math.min(...repeats))}); after a new response ${s(afterNew)}`);
console.log(`  one indicator by region × channel, five in turn: ${single.map(s).join(', ')}`);
console.log(`  wave ${latestWave} alone: ${oneWave.map(s).join(', ')}`);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
await stopCompute();
clearInterval(alive);
db.$client.close();
