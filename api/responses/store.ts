import { eq } from 'drizzle-orm';
import { contentHash } from '../canonical-json.ts';
import { GroupCommit } from '../db/group-commit.ts';
import type { Db } from '../db/open.ts';
import { responses, type StoredResponse } from '../db/schema.ts';
import type { PublishedVersion } from '../surveys/queries.ts';
import type { Submission } from './submission.ts';
import { writeResponseValues } from './values.ts';

/** What a submission's id tells us before it is validated: new, an exact retry, or a clash. */
export type PriorSubmission =
  | { kind: 'new' }
  | { kind: 'retry'; stored: StoredResponse }
  | { kind: 'conflict' };

/** Fingerprint of what was answered: equal for a retry of the same submission, different otherwise. */
export function submissionHash(survey: PublishedVersion, submission: Submission, version: number): string {
  return contentHash({ survey: survey.surveyId, version, language: submission.language, answers: submission.answers });
}

export function findPrior(db: Db, id: string, hash: string): PriorSubmission {
  const stored = db.select().from(responses).where(eq(responses.id, id)).get();
  if (!stored) return { kind: 'new' };
  return stored.answersHash === hash ? { kind: 'retry', stored } : { kind: 'conflict' };
}

type ResponseRow = typeof responses.$inferInsert;

/** The analysed values go in the same transaction as the response, so indicators never see one without the other. */
function insertRow(db: Db, row: ResponseRow): boolean {
  if (db.insert(responses).values(row).onConflictDoNothing().run().changes !== 1) return false;
  writeResponseValues(db, row as Parameters<typeof writeResponseValues>[1]);
  return true;
}

const writers = new WeakMap<Db, GroupCommit<ResponseRow, boolean>>();

/** The group-commit queue of a database: one per connection, shared by every app on it. */
export function responseWriter(db: Db): GroupCommit<ResponseRow, boolean> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupCommit(db, (row) => insertRow(db, row))));
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
  });
}

/** The stored record as returned to the client that submitted it. */
export function publicRecord(slug: string, stored: StoredResponse) {
  return {
    id: stored.id, survey: slug, version: stored.version, language: stored.language, answers: stored.answers,
    startedAt: stored.startedAt, completedAt: stored.completedAt, receivedAt: stored.receivedAt,
  };
}
