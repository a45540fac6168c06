import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { responses, responseValues, type NewResponse } from '../db/schema.ts';
import { packAnswers, type Layout } from '../indicators/layout.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';

type StoredFields = Pick<NewResponse, 'id' | 'surveyId' | 'version' | 'answers' | 'language'> &
  Partial<Pick<NewResponse, 'mode' | 'wave' | 'stratum' | 'psu' | 'weight'>>;

const placeholders = {
  responseId: sql.placeholder('responseId'), surveyId: sql.placeholder('surveyId'), version: sql.placeholder('version'),
  wave: sql.placeholder('wave'), weight: sql.placeholder('weight'), stratum: sql.placeholder('stratum'), psu: sql.placeholder('psu'),
  language: sql.placeholder('language'), mode: sql.placeholder('mode'), answerValues: sql.placeholder('answerValues'),
};
const prepareInsert = (db: Db) => db.insert(responseValues).values(placeholders).onConflictDoNothing().prepare();
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

/**
 * Writes the analysed values of a response just inserted. Call it inside the transaction that
 * inserts the response (better-sqlite3 has one connection: `db` here is in that transaction).
 * A caller writing many rows of one survey passes its layout, looked up once.
 */
export function writeResponseValues(db: Db, row: StoredFields, layout: Layout = surveyLayout(db, row.surveyId).layout): void {
  let insert = inserts.get(db);
  if (!insert) inserts.set(db, (insert = prepareInsert(db)));
  insert.run({
    responseId: row.id,
    surveyId: row.surveyId,
    version: row.version,
    wave: row.wave ?? null,
    weight: row.weight ?? null,
    stratum: row.stratum ?? null,
    psu: row.psu ?? null,
    language: row.language,
    mode: row.mode ?? 'web',
    answerValues: packAnswers(layout, (row.answers ?? {}) as Record<string, unknown>),
  });
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
