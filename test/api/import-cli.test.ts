import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { postgresStore } from '../../api/db/store/index.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { describePostgres, usePostgres } from '../db/postgres.ts';

/** `npm run import -- --survey <slug> --version N --file wave1.csv [--skip-invalid]`, run as a user would, on a database file. */
const KOBO = JSON.parse(readFileSync('test/fixtures/imports/kobo-survey.json', 'utf8')) as SurveyFile;
const folder = mkdtempSync(join(tmpdir(), 'trustlens-import-cli-'));
const database = join(folder, 'trustlens.db');
const good = 'test/fixtures/imports/kobo-wave1.csv';
const bad = join(folder, 'wave1-bad.csv');

const runOn = (url: string, ...args: string[]) => spawnSync('npx', ['tsx', 'api/cli/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 });
const run = (...args: string[]) => runOn(database, ...args);
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

describePostgres('npm run import on PostgreSQL (DATABASE_URL=postgres://…)', () => {
  const server = usePostgres();
  const imported = async () => (await server.db.$client.query<{ n: string }>("SELECT count(*) AS n FROM responses WHERE mode = 'import'")).rows[0]!.n;
  const entries = async () => (await server.db.$client.query("SELECT details FROM audit_log WHERE action = 'responses.import'")).rows as { details: { via: string; imported: number } }[];
  beforeAll(async () => void await postgresStore(server.db).surveys.publishFiles([KOBO]), 60_000);

  it('stores nothing while a row fails, then the good file once, audited, and nothing the second time', async () => {
    const refused = runOn(server.url, '--survey', KOBO.slug, '--file', bad);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/row 3, column trust\/age: must be at least 18/);
    expect(await imported()).toBe('0');
    const first = runOn(server.url, '--survey', KOBO.slug, '--version', '1', '--file', good, '--language', 'bs');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^4 of 4 rows imported/);
    const again = runOn(server.url, '--survey', KOBO.slug, '--file', good);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/its 4 rows are stored; nothing was added/);
    expect(await imported()).toBe('4');
    expect((await entries()).map((entry) => [entry.details.via, entry.details.imported])).toEqual([['command line', 4]]);
  }, 300_000);
});
