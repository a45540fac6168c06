import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A server process under load: where to send requests, and how to stop it. */
export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Everything it has printed so far (stdout and stderr). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `args` with node (tsx loaded) and waits for a line matching `ready` whose first group is the port. */
function startNode(args: string[], options: { cwd: string; env?: Record<string, string> }, ready: RegExp, timeoutMs = 120_000): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    // Reading on after the ready line drains the pipes (a full pipe would block the server) and
    // keeps what it says later (the server prints little: start-up and warm-up lines).
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (started) return;
      const match = ready.exec(output);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${match[1]}`, child, output: () => output, stop: (signal = 'SIGTERM') => stopChild(child, signal) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

export function startHelloWorld(): Promise<RunningServer> {
  return startNode([join(import.meta.dirname, 'hello-world.ts')], { cwd: process.cwd() }, /listening (\d+)/);
}

/**
 * Starts api/server.ts of the checkout in `root` (this one, or an earlier commit's worktree for
 * the before-figures) as `npm start` does after its build: a file database, the questionnaires
 * in surveys/, and the anonymous-submission limit raised so the benchmark measures ingest, not
 * the limiter. Indicator warming is off: nothing else runs on the server meanwhile. `nodeFlags`
 * go to node before the script (e.g. --cpu-prof for ingest/profile.ts); `env` overrides these
 * settings (e.g. WARM_INDICATORS=true for pg-indicators.bench.ts). `databasePath` may also be a
 * postgres:// URL.
 */
export function startTrustlens(root: string, databasePath: string, port: number, nodeFlags: string[] = [], env: Record<string, string> = {}): Promise<RunningServer> {
  return startNode([...nodeFlags, join(root, 'api/server.ts')], {
    cwd: root,
    env: {
      PORT: String(port), DATABASE_URL: databasePath, SURVEYS_DIR: join(root, 'surveys'), WEB_DIST: join(root, 'web/dist'),
      WARM_INDICATORS: 'false', SUBMISSIONS_PER_MINUTE: String(1e9), ...env,
    },
  }, /Trustlens is running on http:\/\/localhost:(\d+)/);
}

/** The most memory a running process has held (VmHWM, its peak resident set, threads included; Linux). */
export function peakRss(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(line[1]) * 1024;
}
