import { eq, sql } from 'drizzle-orm';
import { contentHash } from '../canonical-json.ts';
import { GroupCommit, type Writes } from '../db/group-commit.ts';
import { WriterThread } from '../db/writer-thread.ts';
import type { Db } from '../db/open.ts';
import { responses, type StoredResponse } from '../db/schema.ts';
import type { PublishedVersion } from '../surveys/queries.ts';
import type { Submission } from './submission.ts';
import { RESPONSE_WRITES_MODULE, responseWrites, type ResponseRow, type WriteOutcome } from './response-rows.ts';

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
  return priorSubmission(query.get({ id }), hash);
}

/** What the row stored under a submission's id (if any) says about it: new, a retry, or a clash. */
export function priorSubmission(stored: StoredResponse | undefined, hash: string): PriorSubmission {
  if (!stored) return { kind: 'new' };
  return stored.answersHash === hash ? { kind: 'retry', stored } : { kind: 'conflict' };
}

const writers = new WeakMap<Db, Writes<ResponseRow, WriteOutcome>>();

/**
 * Where a database's submissions are written: by default a group-commit queue on this thread,
 * shared by every app on the connection; the server moves it to a writer thread
 * (useWriterThread) for a file database.
 */
export function responseWriter(db: Db): Writes<ResponseRow, WriteOutcome> {
  let writer = writers.get(db);
  if (!writer) {
    const { write, batchState } = responseWrites(db);
    writers.set(db, (writer = new GroupCommit(db, write, batchState)));
  }
  return writer;
}

/**
 * Writes this database's submissions on a writer thread with its own connection to the file at
 * `databasePath` (docs/decisions/006-writer-thread.md). Returns a function that lets the pending
 * writes finish and stops the thread.
 */
export function useWriterThread(db: Db, databasePath: string): () => Promise<void> {
  const thread = new WriterThread<ResponseRow, WriteOutcome>({ databasePath, writesModule: RESPONSE_WRITES_MODULE });
  writers.set(db, thread);
  return async () => {
    await thread.close();
    writers.delete(db);
  };
}

/**
 * Stores a validated submission once. Submissions arriving together share one transaction (group
 * commit, api/db/group-commit.ts, on this thread or the writer thread); the promise resolves only after that transaction's COMMIT
 * (WAL, synchronous=FULL), so when it resolves the row is on disk and the client may be told so.
 * Resolves false when a row with this id already exists, 'stale' when the survey closed or (no
 * version named) has a newer version since `survey` was looked up; nothing is written then.
 */
export function storeResponse(
  db: Db, survey: PublishedVersion, submission: Submission, hash: string,
  origin: { mode: 'web' | 'enumerator'; enumeratorId: number | null } = { mode: 'web', enumeratorId: null },
): Promise<WriteOutcome> {
  return responseWriter(db).submit(responseRow(survey, submission, hash, origin));
}

/** The row a validated submission is written as, on either database. */
export function responseRow(
  survey: PublishedVersion, submission: Submission, hash: string, origin: { mode: 'web' | 'enumerator'; enumeratorId: number | null },
): ResponseRow {
  // Fields one by one, not `...origin` first: in V8 (Node 20) a spread followed by further
  // properties builds the object the slow way, ≈ 10 µs a submission against 0.1 (request-loop.ts).
  return {
    mode: origin.mode,
    enumeratorId: origin.enumeratorId,
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
    pinned: submission.version !== undefined,
  };
}

/** The stored record as returned to the client that submitted it. */
export function publicRecord(slug: string, stored: StoredResponse) {
  return {
    id: stored.id, survey: slug, version: stored.version, language: stored.language, answers: stored.answers,
    startedAt: stored.startedAt, completedAt: stored.completedAt, receivedAt: stored.receivedAt, paradata: stored.paradata,
  };
}
