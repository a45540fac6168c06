import { eq, sql } from 'drizzle-orm';
import { contentHash } from '../canonical-json.ts';
import { GroupCommit } from '../db/group-commit.ts';
import type { Db } from '../db/open.ts';
import { responses, type StoredResponse } from '../db/schema.ts';
import type { PublishedVersion } from '../surveys/queries.ts';
import type { Submission } from './submission.ts';
import { writeResponseValues } from './values.ts';
import type { Layout } from '../indicators/layout.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';

/** What a submission's id tells us before it is validated: new, an exact retry, or a clash. */
export type PriorSubmission =
  | { kind: 'new' }
  | { kind: 'retry'; stored: StoredResponse }
  | { kind: 'conflict' };

/** Fingerprint of what was answered: equal for a retry of the same submission, different otherwise. */
export function submissionHash(survey: PublishedVersion, submission: Submission, version: number): string {
  return contentHash({ survey: survey.surveyId, version, language: submission.language, answers: submission.answers });
}

const byId = new WeakMap<Db, ReturnType<typeof prepareById>>();
const prepareById = (db: Db) => db.select().from(responses).where(eq(responses.id, sql.placeholder('id'))).prepare();

export function findPrior(db: Db, id: string, hash: string): PriorSubmission {
  let query = byId.get(db);
  if (!query) byId.set(db, (query = prepareById(db)));
  const stored = query.get({ id });
  if (!stored) return { kind: 'new' };
  return stored.answersHash === hash ? { kind: 'retry', stored } : { kind: 'conflict' };
}

type ResponseRow = Omit<typeof responses.$inferInsert, 'receivedAt' | 'isSynthetic' | 'wave' | 'stratum' | 'psu' | 'weight'> & {
  mode: 'web' | 'enumerator'; enumeratorId: number | null; startedAt: string | null; completedAt: string | null; paradata: string | null;
};

const rowPlaceholders = {
  id: sql.placeholder('id'), surveyId: sql.placeholder('surveyId'), surveyVersionId: sql.placeholder('surveyVersionId'),
  version: sql.placeholder('version'), answers: sql.placeholder('answers'), answersHash: sql.placeholder('answersHash'),
  language: sql.placeholder('language'), mode: sql.placeholder('mode'), enumeratorId: sql.placeholder('enumeratorId'),
  startedAt: sql.placeholder('startedAt'), completedAt: sql.placeholder('completedAt'), // Bound as raw text (not through the json column's encoder), so no paradata is SQL NULL, not the text 'null'.
  paradata: sql`${sql.placeholder('paradata')}`,
};
const prepareInsert = (db: Db) => db.insert(responses).values(rowPlaceholders).onConflictDoNothing().prepare();

/** What one batch of the queue looks up once: the prepared insert, and each survey's layout. */
interface BatchState {
  insert: ReturnType<typeof prepareInsert>;
  layouts: Map<number, Layout>;
}

/** The analysed values go in the same transaction as the response, so indicators never see one without the other. */
function insertRow(db: Db, state: BatchState, row: ResponseRow): boolean {
  if (state.insert.run(row).changes !== 1) return false;
  let layout = state.layouts.get(row.surveyId);
  if (!layout) state.layouts.set(row.surveyId, (layout = surveyLayout(db, row.surveyId).layout));
  writeResponseValues(db, row, layout);
  return true;
}

const writers = new WeakMap<Db, GroupCommit<ResponseRow, boolean, BatchState>>();

/** The group-commit queue of a database: one per connection, shared by every app on it. */
export function responseWriter(db: Db): GroupCommit<ResponseRow, boolean, BatchState> {
  let writer = writers.get(db);
  if (!writer) {
    const insert = prepareInsert(db);
    writers.set(db, (writer = new GroupCommit(db, (row, state) => insertRow(db, state, row), () => ({ insert, layouts: new Map() }))));
  }
  return writer;
}

/**
 * Stores a validated submission once. Submissions arriving together share one transaction (group
 * commit, api/db/group-commit.ts); the promise resolves only after that transaction's COMMIT
 * (WAL, synchronous=FULL), so when it resolves the row is on disk and the client may be told so.
 * Resolves false when a row with this id already exists (nothing is written then).
 */
export function storeResponse(
  db: Db, survey: PublishedVersion, submission: Submission, hash: string,
  origin: { mode: 'web' | 'enumerator'; enumeratorId: number | null } = { mode: 'web', enumeratorId: null },
): Promise<boolean> {
  return responseWriter(db).submit({
    ...origin,
    id: submission.id,
    surveyId: survey.surveyId,
    surveyVersionId: survey.versionId,
    version: survey.version,
    answers: submission.answers,
    answersHash: hash,
    language: submission.language,
    startedAt: submission.startedAt ?? null,
    completedAt: submission.completedAt ?? null,
    paradata: submission.paradata ? JSON.stringify(submission.paradata) : null,
  });
}

/** The stored record as returned to the client that submitted it. */
export function publicRecord(slug: string, stored: StoredResponse) {
  return {
    id: stored.id, survey: slug, version: stored.version, language: stored.language, answers: stored.answers,
    startedAt: stored.startedAt, completedAt: stored.completedAt, receivedAt: stored.receivedAt, paradata: stored.paradata,
  };
}
