import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { responses } from '../db/schema.ts';
import type { Layout } from '../indicators/layout.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';
import { writeResponseValues } from './values.ts';

/** A validated submission as it is written: the response row, from which its analysed values are packed. */
export type ResponseRow = Omit<typeof responses.$inferInsert, 'receivedAt' | 'isSynthetic' | 'wave' | 'stratum' | 'psu' | 'weight'> & {
  mode: 'web' | 'enumerator'; enumeratorId: number | null; startedAt: string | null; completedAt: string | null; paradata: string | null;
};

const rowPlaceholders = {
  id: sql.placeholder('id'), surveyId: sql.placeholder('surveyId'), surveyVersionId: sql.placeholder('surveyVersionId'),
  version: sql.placeholder('version'), answers: sql.placeholder('answers'), answersHash: sql.placeholder('answersHash'),
  language: sql.placeholder('language'), mode: sql.placeholder('mode'), enumeratorId: sql.placeholder('enumeratorId'),
  startedAt: sql.placeholder('startedAt'), completedAt: sql.placeholder('completedAt'),
  // Bound as raw text (not through the json column's encoder), so no paradata is SQL NULL, not the text 'null'.
  paradata: sql`${sql.placeholder('paradata')}`,
};
const prepareInsert = (db: Db) => db.insert(responses).values(rowPlaceholders).onConflictDoNothing().prepare();

/** What one batch looks up once: each survey's layout (a new batch sees a newly published version). */
export interface BatchState {
  layouts: Map<number, Layout>;
}

/**
 * How response rows are written on a connection, for a group-commit queue on this thread or on the
 * writer thread (api/db/writer-worker.ts imports this module by name). `write` returns false when
 * a row with this id already exists; the response and its analysed values go in the same
 * savepoint, so indicators never see one without the other.
 */
export function responseWrites(db: Db) {
  const insert = prepareInsert(db);
  return {
    batchState: (): BatchState => ({ layouts: new Map() }),
    write(row: ResponseRow, state: BatchState): boolean {
      if (insert.run(row).changes !== 1) return false;
      let layout = state.layouts.get(row.surveyId);
      if (!layout) state.layouts.set(row.surveyId, (layout = surveyLayout(db, row.surveyId).layout));
      writeResponseValues(db, row, layout);
      return true;
    },
  };
}

/** The module the writer thread loads to write response rows. */
export const RESPONSE_WRITES_MODULE = import.meta.url;
export { responseWrites as writes };
