import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { isPostgresUrl } from '../config.ts';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens (creating if needed) the SQLite database at `path` — a file path or ':memory:' —
 * and brings it to the latest committed migration.
 *
 * WAL lets readers run while a response is written; synchronous=FULL makes each commit durable
 * before we acknowledge a submission (NORMAL could lose the last commits on power loss).
 */
export function openDatabase(path: string): Db {
  // '' is what the configuration holds for a PostgreSQL DATABASE_URL; better-sqlite3 would open a
  // temporary database for it and the data would silently go nowhere.
  if (path === '' || isPostgresUrl(path)) {
    throw new Error('Invalid configuration:\n  DATABASE_URL: this command works on SQLite only so far; use a SQLite file path such as data/trustlens.db');
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = openConnection(path);
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/**
 * Another connection to a database file that openDatabase has already migrated (the writer
 * thread's, a worker's), with the same settings.
 */
export function openConnection(path: string): Db {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The WAL is checkpointed at SQLite's default of 1,000 pages. 8,000 was tried (ad3051b): rarer
  // checkpoints copy fewer pages (≈ 6 µs less of the writer thread's CPU per stored submission),
  // but each one holds the writer's commits up longer, and at 50 connections the submissions' p99
  // rose from 14–17 to 21–28 ms (docs/benchmarks.md, "Issue 16 on a quiet machine, fourth visit").
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * The writer thread's connection (writer-worker.ts): as openConnection, with the temporary store in
 * memory. Each submission is written in its own SAVEPOINT, and SQLite keeps the original of every
 * page a savepoint changes in a sub-journal; a response touches ≈ 14 pages (the row and each index),
 * which passes the 64 KiB at which that sub-journal spills to a temporary file, so every stored
 * submission cost ≈ 20 write(2) calls and 44 KiB written to a file nobody reads (measured with
 * test/bench/ingest/writer-loop.ts). In memory the sub-journal is emptied at each RELEASE, so it never
 * holds more than one submission's pages. Durability is the WAL's and is unchanged; the temporary
 * store of the other connections (large sorts of the indicator and export queries) stays on disk.
 */
export function openWriterConnection(path: string): Db {
  const db = openConnection(path);
  db.$client.pragma('temp_store = MEMORY');
  return db;
}
