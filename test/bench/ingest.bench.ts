/**
 * `npm run bench:ingest` (not a test): how many complete questionnaires per second the real server
 * stores, against what the machine can answer at all, in one run on the same machine.
 *
 * For each questionnaire (the short one and the full instrument) and each run: a node:http
 * hello-world server gets the same POSTs from the same load tool (autocannon, 50 connections), then
 * api/server.ts on a new file database (WAL, synchronous=FULL, anonymous web path, rate limit
 * raised). Reported: stored submissions/s, the ratio to hello-world, p50/p99 latency, and whether
 * every acknowledged id is in the database exactly once (0 lost, 0 duplicated). Also the
 * in-process time of one answer validation. The load average is printed before and after: the
 * machine is shared, so every figure is given per run.
 *
 * BENCH_BEFORE=/path/to/checkout also measures that checkout's server (e.g. a worktree of an older
 * commit) in the same run, for before/after figures. BENCH_SECONDS (10), BENCH_RUNS (3),
 * BENCH_CONNECTIONS (50), BENCH_QUESTIONNAIRES (short,full) change the run.
 *
 * Then, per server, submissions on the million-response benchmark database (BENCH_ROWS, BENCH_DB)
 * alone and while an indicator table is being made (ingest/beside-indicators.ts):
 * BENCH_BESIDE_CONNECTIONS (10), BENCH_BESIDE_SECONDS (10 per window), BENCH_BESIDE=0 skips it.
 */
import { resolve } from 'node:path';
import { fullQuestionnaire, shortQuestionnaire } from './ingest/bodies.ts';
import { describeCheck, freePort, load, measureHelloWorld, measureSqlite, ms } from './ingest/measure.ts';
import { submitBesideIndicators } from './ingest/beside-indicators.ts';
import { BENCH_ROWS } from './exports/settings.ts';
import { timeValidation } from './ingest/validation-timing.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARM_UP_SECONDS = 2;
const settings = { connections: CONNECTIONS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS };
const wanted = (process.env.BENCH_QUESTIONNAIRES ?? 'short,full').split(',');
/** Connections and seconds of the measurement beside an indicator request (BENCH_BESIDE=0 skips it). */
const BESIDE_CONNECTIONS = Number(process.env.BENCH_BESIDE_CONNECTIONS ?? 10);
const BESIDE_SECONDS = Number(process.env.BENCH_BESIDE_SECONDS ?? 10);
const BESIDE = process.env.BENCH_BESIDE !== '0';
const questionnaires = [shortQuestionnaire(), fullQuestionnaire()].filter((questionnaire) => wanted.includes(questionnaire.label));
const targets = [
  ...(process.env.BENCH_BEFORE ? [{ name: 'before', root: resolve(process.env.BENCH_BEFORE) }] : []),
  { name: 'trustlens', root: process.cwd() },
];

console.log(`bench:ingest — ${CONNECTIONS} connections, ${SECONDS} s per measurement (after ${WARM_UP_SECONDS} s warm-up), ${RUNS} runs; load average ${load()} at start`);
for (const target of targets) {
  for (const questionnaire of questionnaires) {
    const timing = await timeValidation(target.root, questionnaire);
    console.log(`validation in-process (${target.name}, ${questionnaire.label}): ${timing.perCallMs.toFixed(3)} ms per submission${timing.compileMs === undefined ? '' : `; compiled once in ${timing.compileMs.toFixed(1)} ms`}`);
  }
}

const rows: string[] = [];
for (let run = 1; run <= RUNS; run++) {
  for (const questionnaire of questionnaires) {
    const hello = await measureHelloWorld(questionnaire, settings);
    rows.push(`| ${run} | ${questionnaire.label} | hello-world | ${Math.round(hello.perSecond).toLocaleString('en')} | | ${ms(hello.p50)} | ${ms(hello.p99)} | | ${load()} |`);
    for (const target of targets) {
      const result = await measureSqlite(target.name, target.root, questionnaire, settings);
      const check = describeCheck(result);
      rows.push(`| ${run} | ${questionnaire.label} | ${target.name} | ${Math.round(result.perSecond).toLocaleString('en')} | ${(result.perSecond / hello.perSecond).toFixed(3)}× | ${ms(result.p50)} | ${ms(result.p99)} | ${check} | ${load()} |`);
      console.log(`run ${run} ${questionnaire.label}: hello-world ${Math.round(hello.perSecond)}/s, ${target.name} ${Math.round(result.perSecond)}/s (${(result.perSecond / hello.perSecond).toFixed(3)}×), p99 ${ms(result.p99)}, ${check}`);
    }
  }
}
if (BESIDE) {
  const besideRows: string[] = [];
  for (const target of targets) {
    const windows = await submitBesideIndicators(target.root, target.name, shortQuestionnaire(), BESIDE_CONNECTIONS, BESIDE_SECONDS, await freePort());
    windows.forEach(({ load: measured, tables }, index) => {
      const answered = Object.values(measured.statuses).reduce((sum, count) => sum + count, 0);
      const latency = answered === 0 ? 'none answered | | ' : `${ms(measured.p50)} | ${ms(measured.p99)} | ${ms(measured.max)}`;
      const beside = tables === null ? 'alone' : `window ${index}: ${tables.map((seconds) => `${seconds.toFixed(2)} s`).join(', ') || 'table still being made'}`;
      besideRows.push(`| ${target.name} | ${beside} | ${Math.round(measured.perSecond).toLocaleString('en')} | ${latency} | ${load()} |`);
    });
    console.log(`beside indicators (${target.name}): ${besideRows.slice(-windows.length).join(' / ')}`);
  }
  console.log(`\nShort-questionnaire submissions at ${BESIDE_CONNECTIONS} connections in windows of ${BESIDE_SECONDS} s, on the ${BENCH_ROWS.toLocaleString('en')}-response database: alone, then while GET …/indicators?by=region,channel is asked over and over (indicator requests finished in each window):`);
  console.log(`| server | submissions | stored/s | p50 | p99 | max | load after |\n|---|---|---|---|---|---|---|\n${besideRows.join('\n')}`);
}
console.log(`\n| run | questionnaire | server | stored/s | ratio | p50 | p99 | acknowledged ids in the database | load after |\n|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\nload average ${load()} at the end`);
