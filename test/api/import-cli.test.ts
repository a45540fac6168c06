import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { SurveyFile } from '../../surveys/types.ts';

/** `npm run import -- --survey <slug> --version N --file wave1.csv [--skip-invalid]`, run as a user would, on a database file. */
const KOBO = JSON.parse(readFileSync('test/fixtures/imports/kobo-survey.json', 'utf8')) as SurveyFile;
const folder = mkdtempSync(join(tmpdir(), 'trustlens-import-cli-'));
const database = join(folder, 'trustlens.db');
const good = 'test/fixtures/imports/kobo-wave1.csv';
const bad = join(folder, 'wave1-bad.csv');

const run = (...args: string[]) => spawnSync('npx', ['tsx', 'api/cli/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: database }, timeout: 120_000 });
const count = () => {
  const db = openDatabase(database);
  const rows = db.$client.prepare("SELECT count(*) FROM responses WHERE mode = 'import'").pluck().get() as number;
  db.$client.close();
  return rows;
};

beforeAll(() => {
  const db = openDatabase(database);
  publishSurveyFiles(db, [KOBO]);
  db.$client.close();
  // Row 3 (the second data row) answers an age the questionnaire does not allow; it also has an id of its own.
  writeFileSync(bad, readFileSync(good, 'utf8').replace('"58"', '"7"').replace(/"[0-9a-f-]{36}"/g, (id) => `"${id.slice(1, 2) === 'a' ? 'b' : 'a'}${id.slice(2)}`));
}, 60_000);

describe('npm run import', () => {
  it('stores nothing and exits 2 with row, column and issue while a row fails', () => {
    const result = run('--survey', KOBO.slug, '--version', '1', '--file', bad);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/1 of 4 rows do not fit version 1 .*nothing was imported/);
    expect(result.stderr).toMatch(/row 3, column trust\/age: must be at least 18/);
    expect(count()).toBe(0);
  }, 150_000);

  it('with --skip-invalid stores the other rows and lists the skipped one', () => {
    const result = run('--survey', KOBO.slug, '--version', '1', '--file', bad, '--skip-invalid', '--language', 'bs');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^3 of 4 rows imported into version 1 of "kobo-baseline" \(mode import\); 1 skipped/);
    expect(result.stdout).toMatch(/skipped row 3: trust\/age: must be at least 18/);
    expect(count()).toBe(3);
  }, 150_000);

  it('imports a file once: the second time it adds nothing and says so', () => {
    const first = run('--survey', KOBO.slug, '--version', '1', '--file', good);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^4 of 4 rows imported/);
    const again = run('--survey', KOBO.slug, '--version', '1', '--file', good);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/was imported on .*: its 4 rows are stored; nothing was added/);
    expect(count()).toBe(7);
  }, 300_000);

  it('names what is missing or wrong in the command', () => {
    expect(run('--survey', KOBO.slug).stderr).toMatch(/--file <csv> are needed/);
    expect(run('--survey', 'nope', '--file', good).stderr).toMatch(/no published survey "nope"/);
  }, 300_000);
});
