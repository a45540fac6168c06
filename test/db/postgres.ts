import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';

/**
 * The PostgreSQL half of the tests runs on a real server: TEST_POSTGRES_URL names a database on it
 * whose user may create databases (`.ci/run` starts a throwaway cluster and sets it). Each test file
 * gets a database of its own, created fresh and dropped at the end.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;

/**
 * `describe` for PostgreSQL tests. Without TEST_POSTGRES_URL the tests are not run, and in their
 * place one test, named so that the report says it, states that the PostgreSQL half was not run
 * (and prints it), rather than skipping silently.
 */
export function describePostgres(name: string, body: () => void): void {
  if (TEST_POSTGRES_URL) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('was NOT RUN: TEST_POSTGRES_URL is unset (the PostgreSQL half; .ci/run sets it)', () => {
      console.warn(`PostgreSQL tests "${name}" not run: set TEST_POSTGRES_URL (see README, "Tests on PostgreSQL").`);
    });
  });
}

/**
 * A new, empty database on the test server; `drop` removes it (closing what is still connected).
 * With `template` (the name of a database nobody is connected to), a copy of that one: far quicker
 * than migrating each time, for tests that want a database of their own per test. `server` names
 * another server to create it on (the benchmarks' BENCH_POSTGRES_URL).
 */
export async function freshPostgresDatabase(template?: string, server = TEST_POSTGRES_URL): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!server) throw new Error('TEST_POSTGRES_URL is unset');
  const name = `trustlens_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function onServer(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * For a describePostgres block: a fresh database, migrated by openPostgres before the tests and
 * dropped after them. Read `.db` and `.url` inside tests (they are set in beforeAll).
 */
export function usePostgres(): { db: PgDb; url: string } {
  const holder = {} as { db: PgDb; url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    holder.url = database.url;
    holder.drop = database.drop;
    holder.db = await openPostgres(database.url);
  });
  afterAll(async () => {
    await holder.db?.$client.end();
    await holder.drop?.();
  });
  return holder;
}
