import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';

interface Probe {
  counters: Database.Statement;
}

/** Changes to response_values seen so far; compare two stamps field by field. */
export interface ChangeStamp {
  /** Other connections' commits (PRAGMA data_version). */
  external: number;
  /** Rows this connection inserted. */
  inserted: number;
  /** Rows this connection deleted or updated. */
  removed: number;
  /** Rows this connection inserted into responses (whose values a backfill may still have to write). */
  responses: number;
}

const probes = new WeakMap<Database.Database, Probe>();

/**
 * Counts that change whenever a row of response_values is inserted, updated or deleted — a new
 * response, an erasure (ON DELETE CASCADE from responses), a backfill — so cached columns can be
 * checked with two tiny reads instead of a scan. Inserts into responses are counted too, so a
 * backfill check can be skipped while nothing was inserted. Inserts are counted apart from deletes and
 * updates: after inserts only, a cache can read just the new rows.
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
export function responseChangeStamp(db: Db): ChangeStamp | null {
  const client = db.$client;
  if (client.inTransaction) return null;
  let probe = probes.get(client);
  if (!probe) {
    install(client);
    probe = { counters: client.prepare('SELECT inserted, removed, responses FROM temp.trustlens_value_changes') };
    probes.set(client, probe);
  }
  const { inserted, removed, responses } = probe.counters.get() as { inserted: number; removed: number; responses: number };
  return { external: client.pragma('data_version', { simple: true }) as number, inserted, removed, responses };
}

function install(client: Database.Database): void {
  client.exec(`
    CREATE TEMP TABLE IF NOT EXISTS trustlens_value_changes (inserted INTEGER NOT NULL, removed INTEGER NOT NULL, responses INTEGER NOT NULL);
    INSERT INTO trustlens_value_changes SELECT 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM trustlens_value_changes);
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_inserted AFTER INSERT ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET inserted = inserted + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_deleted AFTER DELETE ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET removed = removed + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_values_updated AFTER UPDATE ON main.response_values
      BEGIN UPDATE trustlens_value_changes SET removed = removed + 1; END;
    CREATE TEMP TRIGGER IF NOT EXISTS trustlens_responses_inserted AFTER INSERT ON main.responses
      BEGIN UPDATE trustlens_value_changes SET responses = responses + 1; END;
  `);
}
