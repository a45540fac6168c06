/**
 * Where the request thread's time goes under ingest load (not a test, not part of bench:ingest):
 * starts api/server.ts with `node --cpu-prof` on a new file database, loads it as bench:ingest
 * does (autocannon, BENCH_CONNECTIONS=50, BENCH_SECONDS=10 after a 2 s warm-up), stops it, and
 * prints the shares of the main thread's samples during the measured seconds: by place (our folders, each package, Node's
 * internals, GC, idle) and the functions with the largest inclusive share.
 *
 *   npx tsx test/bench/ingest/profile.ts [short|full]
 *
 * The machine is shared, so compare shares between profiles, not rates. PROFILE_KEEP=1 keeps the
 * .cpuprofile (for Chrome DevTools) and says where it is.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullQuestionnaire, shortQuestionnaire } from './bodies.ts';
import { submitUnderLoad } from './load.ts';
import { startTrustlens } from './processes.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const questionnaire = process.argv[2] === 'full' ? fullQuestionnaire() : shortQuestionnaire();
const root = process.cwd();
function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
interface Usage {
  user: number;
  system: number;
  /** write(2)-like system calls and the bytes they wrote (/proc/…/io syscw, wchar). */
  writes: number;
  written: number;
}

/**
 * CPU time (user + system, µs) of each thread of process `pid`, from /proc (Linux): robust to a
 * busy machine where the rates are not. Node names every thread "node", so threads are told apart
 * by when they appeared (the writer thread starts with the first submission).
 */
function threadCpu(pid: number): Map<number, Usage> {
  const tick = 1e6 / 100; // USER_HZ is 100 on Linux
  const cpu = new Map<number, Usage>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const io = Object.fromEntries(readFileSync(`/proc/${pid}/task/${tid}/io`, 'utf8').trim().split('\n').map((line) => line.split(': ')).map(([key, value]) => [key, Number(value)]));
      cpu.set(Number(tid), { user: Number(fields[11]) * tick, system: Number(fields[12]) * tick, writes: io.syscw ?? 0, written: io.wchar ?? 0 });
    } catch {
      // the thread ended meanwhile
    }
  }
  return cpu;
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

/** Groups a frame by where its code lives: our folder, a package, Node's internals or V8's own entries. */
function place(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(native) ${frame.functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  if (frame.url.startsWith('node:')) return frame.url.replace(/^node:(internal\/)?/, 'node:').split('/').slice(0, 2).join('/');
  const ours = frame.url.indexOf(root);
  if (ours >= 0) return frame.url.slice(ours + root.length + 1).split('?')[0]!;
  return frame.url;
}

/**
 * Shares of the samples taken between `from` and `to` (microseconds of the monotonic clock, which
 * V8's profile timestamps and process.hrtime share), so start-up and shut-down are left out.
 */
function summarise(profile: CpuProfile, from: number, to: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const microseconds = new Map<number, number>();
  let clock = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    clock += delta;
    if (clock >= from && clock <= to) microseconds.set(id, (microseconds.get(id) ?? 0) + delta);
  });
  const total = [...microseconds.values()].reduce((sum, value) => sum + value, 0);
  const self = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of microseconds) {
    const leaf = byId.get(id)!;
    self.set(place(leaf.callFrame), (self.get(place(leaf.callFrame)) ?? 0) + time);
    const leafKey = `${leaf.callFrame.functionName || '(anonymous)'} ${place(leaf.callFrame)}:${leaf.callFrame.lineNumber + 1}`;
    selfByFunction.set(leafKey, (selfByFunction.get(leafKey) ?? 0) + time);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = byId.get(at)!;
      if (!callFrame.url) continue;
      seen.add(`${callFrame.functionName || '(anonymous)'} ${place(callFrame)}:${callFrame.lineNumber + 1}`);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
  const idle = self.get('(idle)') ?? 0;
  const busy = total - idle;
  const share = (value: number) => `${((100 * value) / busy).toFixed(1)} %`;
  const rows = (entries: Map<string, number>, count: number) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([key, value]) => `| ${key} | ${share(value)} |`).join('\n');
  return [
    `${(total / 1e6).toFixed(1)} s profiled, ${((100 * idle) / total).toFixed(1)} % idle; shares below are of the ${(busy / 1e6).toFixed(1)} s busy`,
    `\n| self time by place | share |\n|---|---|\n${rows(new Map([...self].filter(([key]) => key !== '(idle)')), 25)}`,
    `\n| self time by function | share |\n|---|---|\n${rows(new Map([...selfByFunction].filter(([key]) => !key.startsWith('(idle)'))), 40)}`,
    `\n| inclusive time by function | share |\n|---|---|\n${rows(inclusive, 60)}`,
  ].join('\n');
}

const threadOf = (file: string) => Number(file.split('.').at(-3));

const folder = mkdtempSync(join(tmpdir(), 'trustlens-profile-'));
const profiles = join(folder, 'profiles');
try {
  console.log(`profile (${questionnaire.label}): load average ${load()} at start`);
  // PROFILE_SAMPLES=0: no --cpu-prof, only the CPU time per stored submission (the profiler's own cost left out).
  const sampled = process.env.PROFILE_SAMPLES !== '0';
  const server = await startTrustlens(root, join(folder, 'trustlens.db'), await freePort(), sampled ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []);
  let stored = 0;
  const measured = { from: 0, to: 0 };
  const pid = server.child.pid!;
  try {
    const idle = threadCpu(pid);
    await submitUnderLoad('trustlens', server.url, questionnaire, CONNECTIONS, 2);
    measured.from = Number(process.hrtime.bigint() / 1000n);
    const before = threadCpu(pid);
    const result = await submitUnderLoad('trustlens', server.url, questionnaire, CONNECTIONS, SECONDS);
    const after = threadCpu(pid);
    measured.to = Number(process.hrtime.bigint() / 1000n);
    stored = result.perSecond;
    console.log(`${Math.round(result.perSecond)} stored/s, p50 ${result.p50} ms, p99 ${result.p99} ms, statuses ${JSON.stringify(result.statuses)}; load average ${load()}`);
    const count = result.statuses['201'] ?? 0;
    const spent = (tids: number[], kind: keyof Usage) => tids.reduce((sum, tid) => sum + (after.get(tid)?.[kind] ?? 0) - (before.get(tid)?.[kind] ?? 0), 0);
    const all = [...after.keys()];
    const newer = all.filter((tid) => !idle.has(tid));
    const perSubmission = (tids: number[]) => {
      const [user, system] = [spent(tids, 'user') / count, spent(tids, 'system') / count];
      return `${Math.round(user + system)} µs (${Math.round(user)} user + ${Math.round(system)} system)`;
    };
    console.log(`writer thread per stored submission: ${(spent(newer, 'writes') / count).toFixed(1)} write calls, ${(spent(newer, 'written') / count / 1024).toFixed(1)} KiB written`);
    console.log(`CPU per stored submission (${count} stored): process ${perSubmission(all)}; main thread ${perSubmission([pid])}; threads started by the first submissions (the writer) ${perSubmission(newer)}; other threads ${perSubmission(all.filter((tid) => tid !== pid && idle.has(tid)))}`);
  } finally {
    await server.stop();
  }
  // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: thread 0 is the main thread; the worker
  // threads (compute, writer) write theirs when they stop.
  if (stored === 0) throw new Error('nothing stored');
  const files = sampled ? readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile')).sort((a, b) => threadOf(a) - threadOf(b)) : [];
  if (sampled && files.length === 0) throw new Error('no profile written');
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile;
    if (threadOf(file) > 0 && profile.samples.length < 100) continue; // a thread that did nothing (the compute thread)
    console.log(`\n## ${threadOf(file) === 0 ? 'main thread' : `worker thread ${threadOf(file)}`}\n`);
    console.log(summarise(profile, measured.from, measured.to));
  }
  if (process.env.PROFILE_KEEP === '1') console.log(`\nprofiles kept in ${profiles}`);
} finally {
  if (process.env.PROFILE_KEEP !== '1') rmSync(folder, { recursive: true, force: true });
}
