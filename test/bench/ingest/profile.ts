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
    `main thread: ${(total / 1e6).toFixed(1)} s profiled, ${((100 * idle) / total).toFixed(1)} % idle; shares below are of the ${(busy / 1e6).toFixed(1)} s busy`,
    `\n| self time by place | share |\n|---|---|\n${rows(new Map([...self].filter(([key]) => key !== '(idle)')), 25)}`,
    `\n| self time by function | share |\n|---|---|\n${rows(new Map([...selfByFunction].filter(([key]) => !key.startsWith('(idle)'))), 40)}`,
    `\n| inclusive time by function | share |\n|---|---|\n${rows(inclusive, 60)}`,
  ].join('\n');
}

const folder = mkdtempSync(join(tmpdir(), 'trustlens-profile-'));
const profiles = join(folder, 'profiles');
try {
  console.log(`profile (${questionnaire.label}): load average ${load()} at start`);
  const server = await startTrustlens(root, join(folder, 'trustlens.db'), await freePort(), ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  let stored = 0;
  const measured = { from: 0, to: 0 };
  try {
    await submitUnderLoad('trustlens', server.url, questionnaire, CONNECTIONS, 2);
    measured.from = Number(process.hrtime.bigint() / 1000n);
    const result = await submitUnderLoad('trustlens', server.url, questionnaire, CONNECTIONS, SECONDS);
    measured.to = Number(process.hrtime.bigint() / 1000n);
    stored = result.perSecond;
    console.log(`${Math.round(result.perSecond)} stored/s, p50 ${result.p50} ms, p99 ${result.p99} ms, statuses ${JSON.stringify(result.statuses)}; load average ${load()}`);
  } finally {
    await server.stop();
  }
  const file = readdirSync(profiles).find((name) => name.endsWith('.cpuprofile'));
  if (!file || stored === 0) throw new Error('no profile written, or nothing stored');
  console.log(summarise(JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile, measured.from, measured.to));
  if (process.env.PROFILE_KEEP === '1') console.log(`\nprofile kept: ${join(profiles, file)}`);
} finally {
  if (process.env.PROFILE_KEEP !== '1') rmSync(folder, { recursive: true, force: true });
}
