/**
 * `npm run bench:pg-ingest` (not a test; needs BENCH_POSTGRES_URL or TEST_POSTGRES_URL, a server
 * whose user may create databases): complete short questionnaires stored per second by the real
 * server on PostgreSQL with one and with two instances, against SQLite and against what the machine
 * can answer at all, in one run on the same machine (issue 15).
 *
 * Each run, with the same load tool (autocannon, BENCH_CONNECTIONS in all): a node:http hello-world;
 * api/server.ts on a new SQLite file (WAL, synchronous=FULL, group commit on its writer thread);
 * api/server.ts on a new PostgreSQL database (synchronous_commit=on); two api/server.ts processes on
 * one new PostgreSQL database, the connections split between them and both loaded at once (summed).
 * Reported: stored/s, the ratio to hello-world, p50/p99 (for two instances, the worse of the two),
 * and whether every acknowledged id is in the database exactly once. The PostgreSQL server's commit
 * settings and the load average are printed: the machine is shared, so every figure is per run.
 * The PostgreSQL server runs on the same machine, so its work shares the cores with the servers.
 *
 * BENCH_SECONDS (10), BENCH_RUNS (3), BENCH_CONNECTIONS (50), BENCH_WARM_UP (2 s).
 */
import { shortQuestionnaire } from './ingest/bodies.ts';
import type { LoadResult } from './ingest/load.ts';
import { describeCheck, load, measureHelloWorld, measureSqlite, ms, type StoredResult } from './ingest/measure.ts';
import { benchPostgresServer, durabilitySettings, measurePostgres } from './ingest/postgres.ts';

const server = benchPostgresServer('bench:pg-ingest');
const settings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  warmUpSeconds: Number(process.env.BENCH_WARM_UP ?? 2),
};
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = process.cwd();
const questionnaire = shortQuestionnaire();

const targets: { name: string; measure: () => Promise<StoredResult> }[] = [
  { name: 'SQLite', measure: () => measureSqlite('SQLite', root, questionnaire, settings) },
  { name: 'PostgreSQL, 1 instance', measure: () => measurePostgres(server, 1, root, questionnaire, settings) },
  { name: 'PostgreSQL, 2 instances', measure: () => measurePostgres(server, 2, root, questionnaire, settings) },
];

const perSecond = (result: LoadResult) => Math.round(result.perSecond).toLocaleString('en');
console.log(`bench:pg-ingest — short questionnaire, ${settings.connections} connections, ${settings.seconds} s per measurement (after ${settings.warmUpSeconds} s warm-up), ${RUNS} runs; load average ${load()} at start`);
console.log(`PostgreSQL: ${await durabilitySettings(server)}`);
const rows: string[] = [];
for (let run = 1; run <= RUNS; run++) {
  const hello = await measureHelloWorld(questionnaire, settings);
  rows.push(`| ${run} | hello-world | ${perSecond(hello)} | | ${ms(hello.p50)} | ${ms(hello.p99)} | | ${load()} |`);
  console.log(`run ${run}: hello-world ${perSecond(hello)}/s`);
  for (const target of targets) {
    const result = await target.measure();
    const ratio = `${(result.perSecond / hello.perSecond).toFixed(3)}×`;
    rows.push(`| ${run} | ${target.name} | ${perSecond(result)} | ${ratio} | ${ms(result.p50)} | ${ms(result.p99)} | ${describeCheck(result)} | ${load()} |`);
    console.log(`run ${run}: ${target.name} ${perSecond(result)}/s (${ratio}), p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, ${describeCheck(result)}`);
  }
}
console.log(`\n| run | server | stored/s | ratio | p50 | p99 | acknowledged ids in the database | load after |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\nload average ${load()} at the end`);
