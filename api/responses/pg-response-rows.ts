import { asc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { PgGroupCommit } from '../db/pg/group-commit.ts';
import { storedResponse } from '../db/pg/expressions.ts';
import type { PgDb } from '../db/pg/open.ts';
import * as schema from '../db/pg/schema.ts';
import { packAnswers, type Layout } from '../indicators/layout.ts';
import { cachedLayout, rememberLayout } from '../indicators/survey-layout.ts';
import type { ResponseRow } from './response-rows.ts';

/*
 * The write path of submissions on PostgreSQL: what api/responses/response-rows.ts and store.ts do
 * on SQLite, with the same rules. A response and its analysed values go in one savepoint of the
 * batch's transaction; the insert is ON CONFLICT DO NOTHING, so the same id sent to two instances
 * at once is stored once: the second transaction waits on the first one's row (the unique primary
 * key), finds it there after the first COMMIT and writes nothing; its caller then answers from the
 * stored row (200), as for a retry on SQLite.
 *
 * Reached by the routes through the store (api/db/store/pg/responses.ts, decision 014).
 */

type Tx = ReturnType<typeof drizzle<typeof schema, pg.PoolClient>>;

/** What one batch looks up once: each survey's layout. */
interface BatchState {
  layouts: Map<number, Layout>;
}

async function layoutOf(tx: Tx, surveyId: number): Promise<Layout> {
  const versions = schema.surveyVersions;
  const hashes = (await tx.select({ hash: versions.contentHash }).from(versions).where(eq(versions.surveyId, surveyId)).orderBy(asc(versions.version))).map((row) => row.hash);
  const cached = cachedLayout(hashes);
  if (cached) return cached.layout;
  const rows = await tx.select({ version: versions.version, definition: versions.definition, meta: versions.meta, publishedAt: versions.publishedAt })
    .from(versions).where(eq(versions.surveyId, surveyId)).orderBy(asc(versions.version));
  return rememberLayout(hashes, rows).layout;
}

/** Writes one validated submission on `client` (inside a batch's transaction); false when the id is taken. */
async function writeResponse(client: pg.PoolClient, row: ResponseRow, state: BatchState): Promise<boolean> {
  const tx = drizzle(client, { schema });
  const inserted = await tx.insert(schema.responses).values({
    ...row,
    // Already JSON text (see ResponseRow): cast, not encoded a second time.
    paradata: row.paradata === null ? null : sql`${row.paradata}::json`,
  }).onConflictDoNothing().returning({ id: schema.responses.id });
  if (inserted.length !== 1) return false;
  let layout = state.layouts.get(row.surveyId);
  if (!layout) state.layouts.set(row.surveyId, (layout = await layoutOf(tx, row.surveyId)));
  await tx.insert(schema.responseValues).values({
    responseId: row.id, surveyId: row.surveyId, version: row.version, language: row.language, mode: row.mode,
    answerValues: packAnswers(layout, (row.answers ?? {}) as Record<string, unknown>),
  });
  return true;
}

/**
 * Writes a whole batch in two statements (responses, then the analysed values of those inserted);
 * true for each row inserted, false for an id already stored or repeated earlier in the batch.
 */
async function writeResponses(client: pg.PoolClient, rows: ResponseRow[], state: BatchState): Promise<boolean[]> {
  const tx = drizzle(client, { schema });
  const inserted = new Set((await tx.insert(schema.responses).values(rows.map((row) => ({
    ...row, paradata: row.paradata === null ? null : sql`${row.paradata}::json`,
  }))).onConflictDoNothing().returning({ id: schema.responses.id })).map((row) => row.id));
  const results = rows.map((row) => inserted.delete(row.id));
  const stored = rows.filter((_, index) => results[index]);
  for (const row of stored) if (!state.layouts.has(row.surveyId)) state.layouts.set(row.surveyId, await layoutOf(tx, row.surveyId));
  if (stored.length > 0) {
    await tx.insert(schema.responseValues).values(stored.map((row) => ({
      responseId: row.id, surveyId: row.surveyId, version: row.version, language: row.language, mode: row.mode,
      answerValues: packAnswers(state.layouts.get(row.surveyId)!, (row.answers ?? {}) as Record<string, unknown>),
    })));
  }
  return results;
}

/** A group-commit queue of submissions for one instance's PostgreSQL pool. */
export function pgResponseWriter(db: PgDb): PgGroupCommit<ResponseRow, boolean, BatchState> {
  return new PgGroupCommit(db, writeResponse, () => ({ layouts: new Map() }), writeResponses);
}

/** The stored row with this id, if any (to tell a retry, 200, from a clash, 409). */
export async function pgStoredResponse(db: PgDb, id: string) {
  const [stored] = await db.select(storedResponse).from(schema.responses).where(eq(schema.responses.id, id));
  return stored;
}
