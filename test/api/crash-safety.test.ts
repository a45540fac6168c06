import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SHORT, VALID_ANSWERS } from './helpers.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Starts api/server.ts on a file database and resolves with its base URL once it listens. */
function startServer(folder: string) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, PORT: String(port), SURVEYS_DIR: folder, DATABASE_URL: join(folder, 'trustlens.db'), WEB_DIST: folder, WARM_INDICATORS: 'false', SUBMISSIONS_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Trustlens is running')) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, ready };
}

describe('kill -9 safety', () => {
  it('every submission acknowledged before the server process is killed mid-load is in the database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustlens-crash-'));
    folders.push(folder);
    copyFileSync('surveys/bih-police-trust-short.json', join(folder, 'short.json'));
    const { child, ready } = startServer(folder);
    const base = await ready;
    const acknowledged: string[] = [];
    let killed = false;
    const exited = new Promise((resolve) => child.once('exit', resolve));

    // 20 clients submit one questionnaire after another until the process dies under them.
    const client = async () => {
      while (!killed) {
        const id = crypto.randomUUID();
        try {
          const response = await fetch(`${base}/api/surveys/${SHORT}/responses`, {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, language: 'en', answers: VALID_ANSWERS }),
          });
          if (response.status === 201) acknowledged.push(id);
          else await response.arrayBuffer();
        } catch {
          // The connection died with the process: this one was never acknowledged.
        }
      }
    };
    const clients = Array.from({ length: 20 }, client);
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(clients);

    const db = new Database(join(folder, 'trustlens.db'));
    const stored = new Set(db.prepare('select id from responses').pluck().all() as string[]);
    const values = db.prepare('select count(*) from response_values').pluck().get();
    db.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Every stored response has its analysed values: each was written whole or not at all.
    expect(values).toBe(stored.size);
  }, 180_000);
});
