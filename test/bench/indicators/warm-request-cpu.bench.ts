/**
 * Benchmark (not a test): CPU time of a warm GET …/indicators?by=region,channel (nothing new since
 * the last table) through the real app, in this process (no compute thread, so one thread's CPU is
 * the request's: route, estimates, alpha, JSON), REPS times (default 8) after one untimed table.
 * `BENCH_PROFILE=<file>` writes a CPU profile of the timed repeats alone.
 *
 *   BENCH_ROWS=250000 BENCH_DB=/tmp/my-250000.db npx tsx test/bench/indicators/warm-request-cpu.bench.ts
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { benchDatabase, SLUG } from '../exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, benchApp } from '../exports/common.ts';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const { app, headers } = await benchApp(db);
const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
async function table(): Promise<{ body: string; seconds: number }> {
  const started = cpu();
  const response = await app.request(`/api/surveys/${SLUG}/indicators?by=region,channel`, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`status ${response.status}: ${body.slice(0, 500)}`);
  return { body, seconds: cpu() - started };
}
const first = await table();
console.log(`${BENCH_ROWS.toLocaleString('en')} rows; first table (scan, design, plan) ${first.seconds.toFixed(3)} s CPU, ${first.body.length} bytes`);
const session = process.env.BENCH_PROFILE ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const times: number[] = [];
for (let rep = 0; rep < Number(process.env.REPS ?? 8); rep++) {
  const repeat = await table();
  if (repeat.body !== first.body) throw new Error('a repeat gave another table');
  times.push(repeat.seconds);
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.BENCH_PROFILE as string, JSON.stringify(profile));
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`CPU per warm table (${times.length} repeats): median ${(sorted[sorted.length >> 1] as number).toFixed(3)} s, min ${(sorted[0] as number).toFixed(3)} s; all ${times.map((t) => t.toFixed(3)).join(' ')}`);
db.$client.close();
