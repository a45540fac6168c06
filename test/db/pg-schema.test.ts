import { readdirSync } from 'node:fs';
import pg from 'pg';
import { expect, it } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { openPostgres } from '../../api/db/pg/open.ts';
import { describePostgres, freshPostgresDatabase, usePostgres } from './postgres.ts';

/**
 * Columns only PostgreSQL lists: the rowid SQLite has implicitly, and the region and duration it
 * keeps as generated columns for the monitor's indexes (SQLite indexes the expressions themselves).
 */
const POSTGRES_ONLY = new Set(['responses.rowid', 'response_values.rowid', 'responses.region', 'responses.duration']);

function sqliteShape() {
  const client = openDatabase(':memory:').$client;
  const tables = (client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").pluck().all() as string[]);
  const columns: string[] = [];
  const foreignKeys: string[] = [];
  for (const table of tables) {
    for (const column of client.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; pk: number }[]) {
      columns.push(`${table}.${column.name} ${column.notnull || column.pk ? 'not null' : 'null'}`);
    }
    for (const key of client.prepare(`PRAGMA foreign_key_list(${table})`).all() as { table: string; from: string; to: string; on_delete: string }[]) {
      foreignKeys.push(`${table}.${key.from} -> ${key.table}.${key.to} on delete ${key.on_delete.toLowerCase()}`);
    }
  }
  const indexes = client.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
  const triggers = client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];
  return { tables, columns: columns.sort(), foreignKeys: foreignKeys.sort(), indexes, triggers };
}

describePostgres('the PostgreSQL schema and its migrations', () => {
  const postgres = usePostgres();
  const query = async <Row>(text: string, values: unknown[] = []) => (await postgres.db.$client.query(text, values)).rows as Row[];

  it('has the same tables, columns, nullability, foreign keys and indexes as SQLite (plus the explicit rowid and the generated region and duration)', async () => {
    const sqlite = sqliteShape();
    const tables = (await query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).map((row) => row.name);
    expect(tables).toEqual(sqlite.tables);
    const columns = (await query<{ t: string; c: string; nullable: string }>(
      "SELECT table_name AS t, column_name AS c, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public'",
    )).filter((row) => !POSTGRES_ONLY.has(`${row.t}.${row.c}`)).map((row) => `${row.t}.${row.c} ${row.nullable === 'YES' ? 'null' : 'not null'}`);
    expect(columns.sort()).toEqual(sqlite.columns);
    const foreignKeys = (await query<{ key: string }>(`
      SELECT format('%s.%s -> %s.%s on delete %s', source.relname, source_column.attname, target.relname, target_column.attname,
        CASE con.confdeltype WHEN 'c' THEN 'cascade' ELSE 'no action' END) AS key
      FROM pg_constraint con
      JOIN pg_class source ON source.oid = con.conrelid JOIN pg_class target ON target.oid = con.confrelid
      JOIN pg_attribute source_column ON source_column.attrelid = con.conrelid AND source_column.attnum = con.conkey[1]
      JOIN pg_attribute target_column ON target_column.attrelid = con.confrelid AND target_column.attnum = con.confkey[1]
      WHERE con.contype = 'f'`)).map((row) => row.key);
    expect(foreignKeys.sort()).toEqual(sqlite.foreignKeys);
    const indexes = (await query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_pk' AND indexname NOT LIKE '%_rowid_unique' ORDER BY indexname")).map((row) => row.name);
    expect(indexes).toEqual(sqlite.indexes);
    const triggers = (await query<{ name: string }>("SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = 'public'")).map((row) => row.name);
    expect(triggers).toEqual(expect.arrayContaining(sqlite.triggers));
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await query("INSERT INTO audit_log (action, target) VALUES ('test.append', 'first')");
    await expect(query("UPDATE audit_log SET target = 'changed'")).rejects.toThrow(/the audit log is append-only/);
    await expect(query('DELETE FROM audit_log')).rejects.toThrow(/the audit log is append-only/);
    await expect(query('TRUNCATE audit_log CASCADE')).rejects.toThrow(/the audit log is append-only/);
    expect(await query('SELECT action, target FROM audit_log')).toEqual([{ action: 'test.append', target: 'first' }]);
  });

  it('writes timestamps as SQLite does (ISO 8601, UTC, milliseconds, Z) and keeps JSON text as written', async () => {
    const [user] = await query<{ id: number; created_at: string }>("INSERT INTO users (email, password_hash, role) VALUES ('a@example.org', 'x', 'admin') RETURNING id, created_at");
    expect(user?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(user!.created_at) - Date.now())).toBeLessThan(10 * 60_000);
    await query("INSERT INTO audit_log (action, details) VALUES ('test.json', $1)", ['{"zeta":1,"alpha":{"b":2,"a":1}}']);
    const [row] = await query<{ text: string }>("SELECT details::text AS text FROM audit_log WHERE action = 'test.json'");
    expect(row?.text).toBe('{"zeta":1,"alpha":{"b":2,"a":1}}');
  });

  it('commits durably: every connection of the pool runs with synchronous_commit on', async () => {
    const settings = await Promise.all([1, 2, 3].map(() => query<{ synchronous_commit: string }>('SHOW synchronous_commit')));
    expect(settings.map((rows) => rows[0]?.synchronous_commit)).toEqual(['on', 'on', 'on']);
  });

  it('counts erasures of responses in response_changes, as the SQLite triggers do', async () => {
    const surveyId = await seedResponse('4b0c7e1e-0000-4000-8000-000000000001');
    const before = await query<{ removed: number }>('SELECT removed FROM response_changes WHERE id = 1');
    await query('DELETE FROM responses WHERE id = $1', ['4b0c7e1e-0000-4000-8000-000000000001']);
    const after = await query<{ removed: number }>('SELECT removed FROM response_changes WHERE id = 1');
    // The response and, by ON DELETE CASCADE, its analysed values: two removals counted.
    expect(after[0]!.removed - before[0]!.removed).toBe(2);
    expect(surveyId).toBeGreaterThan(0);
  });

  it('hands out rowids in commit order: an insert waits while another transaction that inserted is open', async () => {
    await seedResponse('4b0c7e1e-0000-4000-8000-000000000002');
    const first = new pg.Client({ connectionString: postgres.url });
    const second = new pg.Client({ connectionString: postgres.url });
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      await first.query(copyResponse('4b0c7e1e-0000-4000-8000-000000000002', '4b0c7e1e-0000-4000-8000-00000000000a'));
      const secondPid = (await second.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      const secondInsert = second.query(copyResponse('4b0c7e1e-0000-4000-8000-000000000002', '4b0c7e1e-0000-4000-8000-00000000000b'));
      // Wait (without a clock) until the second connection is seen waiting for the first one's lock.
      while ((await query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [secondPid])).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await first.query('COMMIT');
      await secondInsert;
      const rows = await query<{ id: string; rowid: number }>("SELECT id, rowid FROM responses WHERE id LIKE '%0000000a' OR id LIKE '%0000000b' ORDER BY rowid");
      expect(rows.map((row) => row.id.slice(-1))).toEqual(['a', 'b']);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  async function seedResponse(id: string): Promise<number> {
    const [survey] = await query<{ id: number }>("INSERT INTO surveys (slug) VALUES ($1) ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id", ['schema-test']);
    const [version] = await query<{ id: number }>(
      "INSERT INTO survey_versions (survey_id, version, definition, meta, content_hash) VALUES ($1, $2, '{}', '{}', 'h') RETURNING id", [survey!.id, Math.floor(Math.random() * 1e9)]);
    await query("INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language) VALUES ($1, $2, $3, 1, '{}', 'h', 'en')", [id, survey!.id, version!.id]);
    await query("INSERT INTO response_values (response_id, survey_id, version, language, mode, answer_values) VALUES ($1, $2, 1, 'en', 'web', '\\x00')", [id, survey!.id]);
    return survey!.id;
  }
});

function copyResponse(from: string, to: string): string {
  return `INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language)
    SELECT '${to}', survey_id, survey_version_id, version, answers, answers_hash, language FROM responses WHERE id = '${from}'`;
}

describePostgres('several instances starting at once on one new database', () => {
  it('migrate it once, in turn: every instance opens, and each migration is recorded once', async () => {
    const database = await freshPostgresDatabase();
    try {
      const instances = await Promise.all([openPostgres(database.url), openPostgres(database.url), openPostgres(database.url)]);
      const applied = await instances[0]!.$client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      expect(applied.rows[0].n).toBe(readdirSync('api/db/migrations-pg').filter((file) => file.endsWith('.sql')).length);
      await Promise.all(instances.map((instance) => instance.$client.end()));
    } finally {
      await database.drop();
    }
  });
});
