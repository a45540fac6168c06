import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';

/** Changes to stored responses seen so far; compare two stamps field by field. */
export interface ChangeStamp {
  /** Highest rowid of response_values: grows when analysed values are appended. */
  inserted: number;
  /** Deletions and updates of responses and their values, counted by triggers (migration 0009). */
  removed: number;
  /** Highest rowid of responses (whose values a backfill may still have to write). */
  responses: number;
}

const probes = new WeakMap<Database.Database, Database.Statement>();

/**
 * Three index reads that change whenever stored responses change, so cached columns can be checked
 * without a scan. The stamp lives in the database itself, so it is the same on every connection:
 * the writer thread's commits, another process's (the demo CLI, a second API instance) and this
 * connection's own are all seen alike.
 *
 * - Appends: a new row gets a rowid above every existing one (no row was deleted, or `removed`
 *   would have moved), so "inserted" and "responses" grow by the rows appended, and a cache reads
 *   just the rows above its highest rowid.
 * - Anything else (an erasure, with its ON DELETE CASCADE; an update of analysed values): triggers
 *   bump `response_changes.removed` in the same transaction, rolled back with it, on every
 *   connection, including routes and scripts that never call our code.
 *
 * Returns null inside a transaction (its own uncommitted writes would be in the stamp); callers
 * then skip their cache. A VACUUM may renumber rowids: restart the server after one.
 */
export function responseChangeStamp(db: Db): ChangeStamp | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  let probe = probes.get(client);
  if (!probe) {
    probe = client.prepare(`SELECT
      (SELECT coalesce(max(rowid), 0) FROM response_values) AS inserted,
      (SELECT removed FROM response_changes WHERE id = 1) AS removed,
      (SELECT coalesce(max(rowid), 0) FROM responses) AS responses`);
    probes.set(client, probe);
  }
  return probe.get() as ChangeStamp;
}
