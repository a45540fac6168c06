import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-server-'));
  folders.push(folder);
  return folder;
}

/** Runs api/server.ts as `npm start` does (after the build) until `until` matches its output or it exits. */
function runServer(env: Record<string, string>, until: RegExp) {
  return new Promise<{ output: string; code: number | null }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], { env: { ...process.env, ...env } });
    let output = '';
    const timer = setTimeout(() => child.kill(), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) child.kill();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

describe('starting the server', () => {
  it('creates the database, publishes the questionnaires and prints the survey URL', async () => {
    const folder = tempFolder();
    copyFileSync('surveys/bih-police-trust-short.json', join(folder, 'short.json'));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const env = { PORT: port, SURVEYS_DIR: folder, DATABASE_URL: join(folder, 'db', 'trustlens.db'), WEB_DIST: folder };
    const { output } = await runServer(env, /bih-police-trust-short/);
    expect(output).toContain(`Trustlens is running on http://localhost:${port}`);
    expect(output).toContain(`http://localhost:${port}/s/bih-police-trust-short`);
  }, 30_000);

  it('refuses to start on a broken questionnaire, naming the file and each problem', async () => {
    const folder = tempFolder();
    copyFileSync('surveys/bih-police-trust-short.json', join(folder, 'good.json'));
    writeFileSync(join(folder, 'broken.json'), JSON.stringify({
      slug: 'Broken Survey',
      definition: { pages: [{ elements: [{ type: 'rating', name: 'trust', title: { default: 'Trust?' } }] }] },
      meta: { languages: ['en', 'bs'] },
    }));
    const { output, code } = await runServer({ SURVEYS_DIR: folder, DATABASE_URL: join(folder, 'x.db') }, /$^/);
    expect(code).toBe(1);
    expect(output).toContain('broken.json is not a valid questionnaire');
    expect(output).toContain('slug: slug must be lower-case letters, digits and single hyphens');
    expect(output).toContain('definition.pages[0].elements[0].title: text missing in bs');
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);

  it('refuses to start on a bad PORT, naming the variable', async () => {
    const { output, code } = await runServer({ PORT: 'eighty' }, /$^/);
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid configuration:\n\s+PORT/);
  }, 30_000);
});
