import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/open.ts';
import { openPostgres } from '../../api/db/pg/open.ts';
import { postgresStore, sqliteStore, type Store } from '../../api/db/store/index.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';
import { signIn } from './accounts.ts';
import { shortSurvey, SHORT } from './helpers.ts';

const PASSWORD = 'a password from standard input';
const config = { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' };

/** `npm run user:add -- …` against DATABASE_URL, the password on standard input. */
function userAdd(database: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'api/cli/user-add.ts', ...args, '--password-stdin'], { env: { ...process.env, DATABASE_URL: database } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(`${PASSWORD}\n`);
  });
}

/** The same checks on either database: the account signs in, is a member of the survey, and was audited. */
function checksOn(open: () => { database: string; store: () => Promise<Store>; rows: (table: string) => Promise<Record<string, unknown>[]> }) {
  it('creates an account that signs in, as a member of the survey named, audited as made on the command line; refuses a duplicate', async () => {
    const target = open();
    const created = await userAdd(target.database, '--email', 'Res@Example.org', '--role', 'researcher', '--survey', SHORT);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain(`Created researcher account res@example.org, member of ${SHORT}.`);

    const app = createApp({ store: await target.store(), config });
    const session = await signIn(app, 'res@example.org', PASSWORD);
    const me = await (await app.request('/api/auth/me', { headers: session.headers() })).json();
    expect(me).toMatchObject({ user: { email: 'res@example.org', role: 'researcher' }, via: 'session' });
    expect(await target.rows('survey_members')).toHaveLength(1);
    const actions = (await target.rows('audit_log')).filter((entry) => entry.target === 'res@example.org').map((entry) => entry.action);
    expect(actions).toEqual(['user.create', 'member.add']);

    const again = await userAdd(target.database, '--email', 'res@example.org', '--role', 'admin');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('an account for res@example.org already exists');
  });
}

describe('npm run user:add on SQLite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-user-add-'));
  const file = join(folder, 'trustlens.db');
  let db: ReturnType<typeof openDatabase>;
  beforeAll(async () => {
    db = openDatabase(file);
    await sqliteStore(db).surveys.publishFiles([shortSurvey()]);
  });
  afterAll(() => {
    db.$client.close();
    rmSync(folder, { recursive: true, force: true });
  });
  checksOn(() => ({
    database: file,
    store: async () => sqliteStore(db),
    rows: async (table) => db.$client.prepare(`select * from ${table}`).all() as Record<string, unknown>[],
  }));
});

describePostgres('npm run user:add on PostgreSQL', () => {
  let url = '';
  let drop = async () => {};
  let pools: Awaited<ReturnType<typeof openPostgres>>[] = [];
  beforeAll(async () => {
    ({ url, drop } = await freshPostgresDatabase());
    const pg = await openPostgres(url, { maxConnections: 2 });
    pools.push(pg);
    await postgresStore(pg).surveys.publishFiles([shortSurvey()]);
  });
  afterAll(async () => {
    for (const pg of pools) await pg.$client.end();
    pools = [];
    await drop();
  });
  checksOn(() => ({
    database: url,
    store: async () => postgresStore(pools[0]!),
    rows: async (table) => (await pools[0]!.$client.query(`select * from ${table}`)).rows as Record<string, unknown>[],
  }));
});
