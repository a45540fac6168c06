import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema.ts';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const MIGRATIONS = fileURLToPath(new URL('../migrations-pg', import.meta.url));

/** Held while migrating, so instances started together apply each migration once, in turn. */
const MIGRATION_LOCK = 7262950000;

export interface PostgresOptions {
  /** Connections in the pool (pg's default is 10). */
  maxConnections?: number;
}

/**
 * Connects to the PostgreSQL database at `url` (postgres://user:pass@host:port/db) and brings it
 * to the latest migration in api/db/migrations-pg, under an advisory lock so that several API
 * instances starting at once do not race each other.
 *
 * Every connection runs with synchronous_commit = on, whatever the server's default: a commit is
 * on disk (the WAL flushed) before we acknowledge what it holds, as synchronous=FULL on SQLite.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections, options: '-c synchronous_commit=on' });
  // An idle connection that the server drops (a restart, a failover) must not crash the process:
  // the pool replaces it, and the next query on a dead one fails with its own error.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to PostgreSQL at ${describePostgresUrl(url)}: ${(error as Error).message}`);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return drizzle(pool, { schema }) as PgDb;
}

/** `user@host:port/db`, for messages and logs: never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}
