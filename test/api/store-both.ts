import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { postgresStore, sqliteStore, type Store } from '../../api/db/store/index.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';

/*
 * The store itself on both databases, for the jobs whose routes need a signed-in user while
 * sign-in does not run on PostgreSQL yet: `forEachStore(name, (ctx) => …)` runs the block on SQLite
 * and, with TEST_POSTGRES_URL, on PostgreSQL. Each `await ctx.fresh()` is a database of its own,
 * migrated, with the files published and one account per role a test asks for.
 */

export interface FreshStore {
  store: Store;
  /** Accounts made directly in the database (as `npm run user:add` does, without a password that signs in). */
  user(email: string, role: 'admin' | 'researcher' | 'evaluator' | 'enumerator'): Promise<number>;
  /** Rows of a statement, the same text on both (use $1, $2 … placeholders). */
  query(statement: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** A second instance on the same database (PostgreSQL only: its own pool, as another process). */
  another?: () => Promise<Store>;
}

export interface StoreContext {
  dialect: Store['dialect'];
  fresh(files?: SurveyFile[]): Promise<FreshStore>;
}

export function forEachStore(name: string, body: (ctx: StoreContext) => void): void {
  describe(`${name} (SQLite)`, () => body({ dialect: 'sqlite', fresh: freshSqlite }));
  describePostgres(`${name} (PostgreSQL)`, () => body(postgresContext()));
}

async function freshSqlite(files: SurveyFile[] = []): Promise<FreshStore> {
  const db = openDatabase(':memory:');
  const store = sqliteStore(db);
  await store.surveys.publishFiles(files);
  const query = async (statement: string, params: unknown[] = []) =>
    db.$client.prepare(statement.replace(/\$\d+/g, '?')).all(...params) as Record<string, unknown>[];
  return {
    store, query,
    user: async (email, role) => Number((await query("INSERT INTO users (email, role, password_hash) VALUES ($1, $2, 'x') RETURNING id", [email, role]))[0]!.id),
  };
}

function postgresContext(): StoreContext {
  let template: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
  const opened: { pools: PgDb[]; drop: () => Promise<void> }[] = [];
  beforeAll(async () => {
    template = await freshPostgresDatabase();
    await (await openPostgres(template.url, { maxConnections: 1 })).$client.end();
  });
  afterAll(async () => {
    for (const database of opened) {
      for (const pool of database.pools) await pool.$client.end();
      await database.drop();
    }
    await template?.drop();
  });
  const fresh = async (files: SurveyFile[] = []): Promise<FreshStore> => {
    const database = await freshPostgresDatabase(template!.name);
    const pg = await openPostgres(database.url, { maxConnections: 4 });
    const entry = { pools: [pg], drop: database.drop };
    opened.push(entry);
    const store = postgresStore(pg);
    await store.surveys.publishFiles(files);
    const query = async (statement: string, params: unknown[] = []) => (await pg.$client.query(statement, params)).rows as Record<string, unknown>[];
    return {
      store, query,
      user: async (email, role) => Number((await query("INSERT INTO users (email, role, password_hash) VALUES ($1, $2, 'x') RETURNING id", [email, role]))[0]!.id),
      another: async () => {
        const second = await openPostgres(database.url, { maxConnections: 4 });
        entry.pools.push(second);
        return postgresStore(second);
      },
    };
  };
  return { dialect: 'postgres', fresh };
}
