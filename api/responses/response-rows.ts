import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { responses } from '../db/schema.ts';
import type { Layout } from '../indicators/layout.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';
import { writeResponseValues } from './values.ts';

/** A validated submission as it is written: the response row, from which its analysed values are packed. */
export type ResponseRow = Omit<typeof responses.$inferInsert, 'receivedAt' | 'isSynthetic' | 'wave' | 'stratum' | 'psu' | 'weight'> & {
  mode: 'web' | 'enumerator'; enumeratorId: number | null; startedAt: string | null; completedAt: string | null; paradata: string | null;
  /** Whether the submission named its version; if not, it answers the latest, which the write checks (not a column). */
  pinned: boolean;
};

/**
 * What writing a row came to: true stored, false the id is already stored, 'stale' when the
 * survey is closed or (for a row that named no version) has a newer version than the row's,
 * which the request thread may not have seen yet (it remembers versions: api/surveys/answerable.ts).
 * Nothing is written unless true.
 */
export type WriteOutcome = boolean | 'stale';

const rowPlaceholders = {
  id: sql.placeholder('id'), surveyId: sql.placeholder('surveyId'), surveyVersionId: sql.placeholder('surveyVersionId'),
  version: sql.placeholder('version'), answers: sql.placeholder('answers'), answersHash: sql.placeholder('answersHash'),
  language: sql.placeholder('language'), mode: sql.placeholder('mode'), enumeratorId: sql.placeholder('enumeratorId'),
  startedAt: sql.placeholder('startedAt'), completedAt: sql.placeholder('completedAt'),
  // Bound as raw text (not through the json column's encoder), so no paradata is SQL NULL, not the text 'null'.
  paradata: sql`${sql.placeholder('paradata')}`,
};
const prepareInsert = (db: Db) => db.insert(responses).values(rowPlaceholders).onConflictDoNothing().prepare();

/** What one batch looks up once: each survey's layout and state (a new batch sees a newly published version or a close). */
export interface BatchState {
  layouts: Map<number, Layout>;
  surveys: Map<number, { open: boolean; latest: number }>;
}

/**
 * How response rows are written on a connection, for a group-commit queue on this thread or on the
 * writer thread (api/db/writer-worker.ts imports this module by name). `write` returns false when
 * a row with this id already exists, 'stale' as WriteOutcome says; the response and its analysed values go in the same
 * savepoint, so indicators never see one without the other.
 */
export function responseWrites(db: Db) {
  const insert = prepareInsert(db);
  const surveyState = db.$client.prepare<[number], { status: string; latest: number }>(
    'SELECT status, (SELECT max(version) FROM survey_versions WHERE survey_id = surveys.id) AS latest FROM surveys WHERE id = ?');
  return {
    batchState: (): BatchState => ({ layouts: new Map(), surveys: new Map() }),
    write(row: ResponseRow, state: BatchState): WriteOutcome {
      // Read under the batch's write lock (group-commit.ts begins IMMEDIATE), so no close or
      // publish can commit between this check and the batch's COMMIT.
      let survey = state.surveys.get(row.surveyId);
      if (!survey) {
        const found = surveyState.get(row.surveyId);
        state.surveys.set(row.surveyId, (survey = { open: found?.status === 'open', latest: found?.latest ?? 0 }));
      }
      if (!survey.open || (!row.pinned && survey.latest !== row.version)) return 'stale';
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
