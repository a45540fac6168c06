import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openDatabase, type Db } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { createUser, signIn } from '../api/accounts.ts';
import { post, shortSurvey, SHORT, submission, VALID_ANSWERS } from '../api/helpers.ts';
import { describePostgres, freshPostgresDatabase } from './postgres.ts';

const TABLES = ['users', 'surveys', 'survey_versions', 'survey_members', 'survey_drafts', 'sessions', 'api_tokens', 'audit_log', 'responses', 'response_values', 'response_changes', 'survey_starts'];

/** `npm run db:copy -- …` as a user runs it (a child process; generous timeout on a shared machine). */
function dbCopy(from: string, to: string) {
  const run = spawnSync('npx', ['tsx', 'api/cli/db-copy.ts', '--from', from, '--to', to], { encoding: 'utf8', timeout: 180_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A SQLite file with something in every table, written through the API as the product writes it. */
async function fillSqlite(path: string): Promise<Db> {
  const db = openDatabase(path);
  publishSurveyFiles(db, [shortSurvey()]);
  const app = createApp({ db, config: { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' } });
  createUser(db, 'admin@example.org', 'admin');
  const researcher = createUser(db, 'istrazivac@example.org', 'researcher');
  const admin = await signIn(app, 'admin@example.org');
  const write = (path: string, body: unknown, method = 'POST') => app.request(path, { method, headers: admin.headers(true), body: JSON.stringify(body) });
  expect((await write('/api/tokens', { name: 'izvoz — Тузла' })).status).toBe(201);
  expect((await write(`/api/surveys/${SHORT}/members`, { email: researcher.email })).status).toBeLessThan(300);
  expect((await write(`/api/surveys/${SHORT}/draft`, {})).status).toBeLessThan(300);
  const ids: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const body = submission({ language: index % 2 ? 'sr-Cyrl' : 'bs', answers: { ...VALID_ANSWERS, trust_police: index % 11 }, startedAt: '2025-03-01T10:00:00.000Z', completedAt: '2025-03-01T10:07:30.250Z' });
    expect((await post(app, SHORT, body)).status).toBe(201);
    ids.push(body.id);
  }
  expect((await app.request(`/api/surveys/${SHORT}/responses/${ids[3]}`, { method: 'DELETE', headers: admin.headers(true) })).status).toBe(204);
  expect((await app.request(`/api/surveys/${SHORT}/starts`, { method: 'POST' })).status).toBeLessThan(300);
  return db;
}

describePostgres('db:copy: moving a SQLite database into PostgreSQL', () => {
  let folder: string;
  let source: Db;
  let target: { url: string; drop: () => Promise<void> };
  let client: pg.Client;
  let first: ReturnType<typeof dbCopy>;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'trustlens-copy-'));
    source = await fillSqlite(join(folder, 'trustlens.db'));
    target = await freshPostgresDatabase();
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
    first = dbCopy(join(folder, 'trustlens.db'), target.url);
  });

  afterAll(async () => {
    await client?.end();
    await target?.drop();
    source?.$client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('copies every table and prints, per table, the same row count and content hash on both sides', () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.status).toBe(0);
    for (const table of TABLES) {
      const rows = (source.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
      const line = first.stdout.split('\n').find((text) => text.startsWith(`${table} `));
      expect(line, table).toMatch(new RegExp(`^${table}\\s+${rows}\\s+${rows}\\s+([0-9a-f]{16})\\s+\\1\\s+same$`));
    }
    expect(first.stdout).toMatch(/the copy is committed/);
  });

  it('leaves the planner statistics of the copied tables in place (ANALYZE), so the first queries on the copy are planned on its real size', async () => {
    const { rows } = await client.query<{ table: string }>("SELECT DISTINCT tablename AS table FROM pg_stats WHERE schemaname = 'public' ORDER BY 1");
    expect(rows.map((row) => row.table)).toEqual(expect.arrayContaining(['responses', 'response_values', 'survey_versions', 'users', 'audit_log']));
    expect(first.stderr).toMatch(/analysing the copied tables/);
  });

  it('keeps every cell: JSON text as written, Cyrillic, blobs, booleans, timestamps and rowids', async () => {
    const sqliteRows = source.$client.prepare('SELECT rowid, id, answers, language, is_synthetic, started_at, received_at, paradata FROM responses ORDER BY rowid').raw().all();
    const pgRows = (await client.query({ text: 'SELECT rowid, id, answers::text, language, is_synthetic, started_at, received_at, paradata::text FROM responses ORDER BY rowid', rowMode: 'array' })).rows;
    expect(pgRows.map((row: unknown[]) => [Number(row[0]), row[1], row[2], row[3], row[4] ? 1 : 0, row[5], row[6], row[7]])).toEqual(sqliteRows);
    expect(sqliteRows).toHaveLength(39);
    const blobs = source.$client.prepare('SELECT response_id, answer_values FROM response_values ORDER BY response_id').raw().all() as [string, Buffer][];
    const copied = (await client.query({ text: 'SELECT response_id, answer_values FROM response_values ORDER BY response_id COLLATE "C"', rowMode: 'array' })).rows as [string, Buffer][];
    expect(copied.map(([id, values]) => [id, values.toString('hex')])).toEqual(blobs.map(([id, values]) => [id, values.toString('hex')]));
    const definition = source.$client.prepare('SELECT definition FROM survey_versions').pluck().get();
    expect((await client.query('SELECT definition::text AS d FROM survey_versions')).rows[0].d).toBe(definition);
    const token = (await client.query('SELECT name FROM api_tokens')).rows[0].name;
    expect(token).toBe('izvoz — Тузла');
    const removed = source.$client.prepare('SELECT removed FROM response_changes').pluck().get();
    expect((await client.query('SELECT removed FROM response_changes')).rows[0].removed).toBe(removed);
    expect(removed).toBeGreaterThan(0);
  });

  it('continues ids after the copied ones, so the next account or audit entry does not collide', async () => {
    const maxUser = source.$client.prepare('SELECT max(id) FROM users').pluck().get() as number;
    const { rows } = await client.query("INSERT INTO users (email, password_hash, role) VALUES ('new@example.org', 'x', 'evaluator') RETURNING id");
    expect(rows[0].id).toBe(maxUser + 1);
    await client.query("DELETE FROM users WHERE email = 'new@example.org'");
  });

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const before = (await client.query('SELECT count(*)::int AS n FROM responses')).rows[0].n;
    const again = dbCopy(join(folder, 'trustlens.db'), target.url);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/db:copy: the target database is not empty: users \(2 rows\).*responses \(39 rows\)/);
    expect((await client.query('SELECT count(*)::int AS n FROM responses')).rows[0].n).toBe(before);
  });

  it('writes nothing when a row cannot be copied (all or nothing)', async () => {
    const broken = join(folder, 'broken.db');
    const db = await fillSqlite(broken);
    // SQLite keeps any text; PostgreSQL's json refuses this one, in the middle of the responses.
    db.$client.prepare("UPDATE responses SET paradata = '{not json' WHERE rowid = (SELECT max(rowid) FROM responses)").run();
    db.$client.close();
    const empty = await freshPostgresDatabase();
    try {
      const run = dbCopy(broken, empty.url);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/json/i);
      const check = new pg.Client({ connectionString: empty.url });
      await check.connect();
      const counts: number[] = [];
      for (const table of TABLES) counts.push((await check.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
      await check.end();
      expect(counts).toEqual(TABLES.map((table) => (table === 'response_changes' ? 1 : 0)));
    } finally {
      await empty.drop();
    }
  });

  it('refuses a --from that is no SQLite file, naming it, before touching the target', () => {
    const run = dbCopy(join(folder, 'nowhere.db'), target.url);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`db:copy: --from: no SQLite file ${join(folder, 'nowhere.db')}`);
  });
});
