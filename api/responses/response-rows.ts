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

// Plain better-sqlite3 with positional parameters, not a drizzle prepared insert: drizzle maps
// every named placeholder through its column's encoder on each run, ≈ 5 µs a row of the writer
// thread's work (test/bench/ingest/writer-loop.ts). The columns are responses' in schema.ts; the
// ones left out take their defaults (received_at now, is_synthetic false, the design fields null).
const prepareInsert = (db: Db) => db.$client.prepare<[string, number, number, number, string, string, string, string, number | null, string | null, string | null, string | null]>(
  'INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, enumerator_id, started_at, completed_at, paradata) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');

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
      // The answers as the json column stores them (drizzle's encoder is JSON.stringify); paradata is
      // already its JSON text or null (SQL NULL, never the text 'null').
      const stored = insert.run(row.id, row.surveyId, row.surveyVersionId, row.version, JSON.stringify(row.answers), row.answersHash,
        row.language, row.mode, row.enumeratorId, row.startedAt, row.completedAt, row.paradata);
      if (stored.changes !== 1) return false;
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
