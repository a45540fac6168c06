import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { responses, responseValues, type NewResponse } from '../db/schema.ts';
import { packAnswers, type Layout } from '../indicators/layout.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';

type StoredFields = Pick<NewResponse, 'id' | 'surveyId' | 'version' | 'answers' | 'language'> &
  Partial<Pick<NewResponse, 'mode' | 'wave' | 'stratum' | 'psu' | 'weight'>>;

// Plain better-sqlite3 with positional parameters, not a drizzle prepared insert: drizzle maps
// every named placeholder through its column's encoder on each run, ≈ 2–3 µs a row of the writer
// thread's work (test/bench/ingest/writer-loop.ts). The columns are response_values' in schema.ts.
const prepareInsert = (db: Db) => db.$client.prepare<[string, number, number, number | null, number | null, string | null, string | null, string, string, Buffer]>(
  'INSERT INTO response_values (response_id, survey_id, version, wave, weight, stratum, psu, language, mode, answer_values) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

/**
 * Writes the analysed values of a response just inserted. Call it inside the transaction that
 * inserts the response (better-sqlite3 has one connection: `db` here is in that transaction).
 * A caller writing many rows of one survey passes its layout, looked up once.
 */
export function writeResponseValues(db: Db, row: StoredFields, layout: Layout = surveyLayout(db, row.surveyId).layout): void {
  let insert = inserts.get(db);
  if (!insert) inserts.set(db, (insert = prepareInsert(db)));
  insert.run(
    row.id, row.surveyId, row.version, row.wave ?? null, row.weight ?? null, row.stratum ?? null, row.psu ?? null,
    row.language, row.mode ?? 'web', packAnswers(layout, (row.answers ?? {}) as Record<string, unknown>),
  );
}

/**
 * Backfill: writes the analysed values of a survey's responses that have none (stored before the
 * response_values migration, or by a writer that bypassed `writeResponseValues`). Cheap when
 * nothing is missing (two index counts); the indicator and export endpoints call it when responses
 * may have changed without values (stored-waves.ts), and start-up calls it. Returns how many rows
 * it wrote.
 */
export function ensureResponseValues(db: Db, surveyId: number): number {
  const count = (table: typeof responses | typeof responseValues) =>
    db.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.surveyId, surveyId)).get()?.n ?? 0;
  if (count(responses) === count(responseValues)) return 0;
  let written = 0;
  for (;;) {
    const missing = db.select({
      id: responses.id, surveyId: responses.surveyId, version: responses.version, answers: responses.answers, language: responses.language,
      mode: responses.mode, wave: responses.wave, stratum: responses.stratum, psu: responses.psu, weight: responses.weight,
    }).from(responses).leftJoin(responseValues, eq(responseValues.responseId, responses.id))
      .where(and(eq(responses.surveyId, surveyId), isNull(responseValues.responseId))).limit(5000).all();
    if (missing.length === 0) return written;
    const { layout } = surveyLayout(db, surveyId);
    db.transaction(() => {
      for (const row of missing) writeResponseValues(db, row, layout);
    });
    written += missing.length;
  }
}

/** Backfills every survey (for start-up). */
export function ensureAllResponseValues(db: Db): number {
  const surveyIds = db.selectDistinct({ id: responses.surveyId }).from(responses).all();
  return surveyIds.reduce((sum, { id }) => sum + ensureResponseValues(db, id), 0);
}
