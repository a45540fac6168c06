import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';

interface Probe {
  counter: Database.Statement;
}

const probes = new WeakMap<Database.Database, Probe>();

/**
 * A value that changes whenever a row of response_values is inserted, updated or deleted — a new
 * response, an erasure (ON DELETE CASCADE from responses), a backfill — so cached columns can be
 * checked with two tiny reads instead of a scan.
 *
 * - Writes through this connection: TEMP triggers (this connection only, nothing is written to the
 *   database file) bump a counter in a TEMP table. Triggers see every path that changes the table,
 *   including routes and scripts that never call our code, and a rolled-back write rolls the
 *   counter back with it.
 * - Writes by other connections or processes (the demo CLI, a second API instance on the file):
 *   `PRAGMA data_version` changes when another connection commits anything.
 *
 * Returns null inside a transaction (the TEMP objects would vanish with a rollback); callers then
 * skip their cache.
 */
export function responseChangeStamp(db: Db): string | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  let probe = probes.get(client);
  if (!probe) {
    install(client);
    probe = { counter: client.prepare('SELECT n FROM temp.trustlens_value_changes').pluck() };
    probes.set(client, probe);
  }
  return `${client.pragma('data_version', { simple: true }) as number}:${probe.counter.get() as number}`;
}

function install(client: Database.Database): void {
  client.exec(`
    CREATE TEMP TABLE IF NOT EXISTS trustlens_value_changes (n INTEGER NOT NULL);
    INSERT INTO trustlens_value_changes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM trustlens_value_changes);
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_inserted AFTER INSERT ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET n = n + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_deleted AFTER DELETE ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET n = n + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_updated AFTER UPDATE ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET n = n + 1; END;
  `);
}
