import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { openPostgres } from '../db/pg/open.ts';
import { postgresStore, sqliteStore, type Store } from '../db/store/index.ts';

/** The database named by DATABASE_URL for a command-line tool: a SQLite file, or PostgreSQL (one connection). */
export async function openStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  const config = readConfig(process.env);
  if (config.postgresUrl) {
    const pg = await openPostgres(config.postgresUrl, { maxConnections: 1 });
    return { store: postgresStore(pg), close: () => pg.$client.end() };
  }
  const db = openDatabase(config.databasePath);
  return { store: sqliteStore(db), close: async () => void db.$client.close() };
}
