import { afterAll, beforeAll, describe } from 'vitest';
import { createApp, type AppDependencies } from '../../api/app.ts';
import { copyDatabase } from '../../api/db/copy/copy.ts';
import { openDatabase, type Db } from '../../api/db/open.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { postgresStore, sqliteStore, type Store } from '../../api/db/store/index.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';

/*
 * API tests on both databases (issue #15). `forEachDialect(name, (ctx) => { it(…) })` runs the
 * block twice: on SQLite always, and on PostgreSQL when TEST_POSTGRES_URL is set (otherwise one
 * test named "was NOT RUN" stands in its place, see test/db/postgres.ts). Inside, each
 * `await ctx.testApp()` is the real app on a database of its own, fresh and migrated, as the
 * SQLite `testApp()` of helpers.ts always was: tests never see each other's rows.
 */

export type Dialect = Store['dialect'];

export interface DialectAppOptions {
  /** Questionnaires published before the test (none by default). */
  files?: SurveyFile[];
  bodyLimitBytes?: number;
  limits?: AppDependencies['limits'];
  /** Where the PDF report looks for Chromium (a path that does not exist: the PDF answers 503). */
  chromiumPath?: string;
  /**
   * A migrated SQLite database whose rows the app starts from, for data no route can write (the
   * synthetic demo rows with their design columns): used as it is on SQLite, copied to PostgreSQL
   * by db:copy's code (every table, ids and rowids kept, checked by hash). With `files` too, those
   * are published after it.
   */
  seed?: Db;
}

export interface DialectApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  dialect: Dialect;
  /**
   * Every row of a table, for tests that check what is stored (a secret never written, an audit
   * entry made). Plain `select *`, the same on both databases; rows come as the driver gives them.
   */
  rows(table: string): Promise<Record<string, unknown>[]>;
  /**
   * Runs one statement written alike for both databases, with `?` placeholders, for setting up
   * what no converted route writes yet (e.g. a survey membership before the manage routes are on
   * the store).
   */
  execute(statement: string, params?: unknown[]): Promise<void>;
  /** Closes the connection(s) under the app, as a database that went away. */
  closeDatabase(): Promise<void>;
}

export interface DialectContext {
  dialect: Dialect;
  testApp(options?: DialectAppOptions): Promise<DialectApp>;
}

const TABLE_NAME = /^[a-z_]+$/;

export function forEachDialect(name: string, body: (ctx: DialectContext) => void): void {
  describe(`${name} (SQLite)`, () => body({ dialect: 'sqlite', testApp: sqliteTestApp }));
  describePostgres(`${name} (PostgreSQL)`, () => body(postgresContext()));
}

async function sqliteTestApp(options: DialectAppOptions = {}): Promise<DialectApp> {
  const db = options.seed ?? openDatabase(':memory:');
  if (options.files?.length) publishSurveyFiles(db, options.files);
  const store = sqliteStore(db);
  const app = createApp({ store, db, config: appConfig(options), limits: options.limits ?? {} });
  const rows = async (table: string) => db.$client.prepare(`select * from ${checked(table)}`).all() as Record<string, unknown>[];
  const execute = async (statement: string, params: unknown[] = []) => void db.$client.prepare(statement).run(...params);
  return { app, store, dialect: 'sqlite', rows, execute, closeDatabase: async () => void db.$client.close() };
}

/**
 * One migrated template database per block, copied for each testApp (CREATE DATABASE … TEMPLATE
 * takes a fraction of migrating); every copy is closed and dropped after the block.
 */
function postgresContext(): DialectContext {
  let template: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
  const opened: { pg: PgDb; drop: () => Promise<void>; closed: boolean }[] = [];
  beforeAll(async () => {
    template = await freshPostgresDatabase();
    const pg = await openPostgres(template.url, { maxConnections: 1 });
    await pg.$client.end();
  });
  afterAll(async () => {
    for (const database of opened) {
      if (!database.closed) await database.pg.$client.end();
      await database.drop();
    }
    await template?.drop();
  });
  const testApp = async (options: DialectAppOptions = {}): Promise<DialectApp> => {
    const database = await freshPostgresDatabase(template!.name);
    const pg = await openPostgres(database.url, { maxConnections: 4 });
    const entry = { pg, drop: database.drop, closed: false };
    opened.push(entry);
    const store = postgresStore(pg);
    if (options.seed) await copyDatabase(options.seed, pg);
    if (options.files?.length) await store.surveys.publishFiles(options.files);
    const app = createApp({ store, config: appConfig(options), limits: options.limits ?? {} });
    const rows = async (table: string) => (await pg.$client.query(`select * from ${checked(table)}`)).rows as Record<string, unknown>[];
    const closeDatabase = async () => {
      entry.closed = true;
      await pg.$client.end();
    };
    const execute = async (statement: string, params: unknown[] = []) => {
      let index = 0;
      await pg.$client.query(statement.replace(/\?/g, () => `$${++index}`), params);
    };
    return { app, store, dialect: 'postgres', rows, execute, closeDatabase };
  };
  return { dialect: 'postgres', testApp };
}

function appConfig(options: DialectAppOptions) {
  return { bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024, webDist: 'test/fixtures/no-web-build', ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}) };
}

function checked(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`not a table name: ${table}`);
  return table;
}
