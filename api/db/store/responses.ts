import { and, eq, max } from 'drizzle-orm';
import { localized } from '../../../surveys/languages.ts';
import type { SurveyDefinition } from '../../../surveys/types.ts';
import { isMember } from '../../auth/survey-access.ts';
import type { Origin } from '../../responses/interview-origin.ts';
import { findPrior, storeResponse, type PriorSubmission } from '../../responses/store.ts';
import type { Submission } from '../../responses/submission.ts';
import type { WriteOutcome } from '../../responses/response-rows.ts';
import type { PublishedVersion } from '../../surveys/queries.ts';
import type { Db } from '../open.ts';
import { surveyMembers, surveys, surveyVersions, users } from '../schema.ts';

export { priorSubmission, responseRow } from '../../responses/store.ts';

/** A published survey an enumerator is assigned to interview for, as GET /api/interviews lists it. */
export interface InterviewSurvey {
  slug: string;
  status: 'open' | 'closed';
  version: number;
  title: string;
}

/**
 * The submission write path (POST …/responses) and the enumerator's list of surveys (GET
 * /api/interviews), on either database. PostgreSQL: ./pg/responses.ts. (The version a submission
 * answers is looked up by the surveys job.)
 */
export interface ResponsesStore {
  /** What the row already stored under this id (if any) says: new, an exact retry (same hash), or a clash. */
  findPrior(id: string, hash: string): Promise<PriorSubmission>;
  /** Whether user `userId` is an enumerator assigned to survey `surveyId`. */
  isAssignedEnumerator(surveyId: number, userId: number): Promise<boolean>;
  /**
   * Stores a validated submission once, group-committed with those arriving together. Resolves
   * only after the COMMIT that holds it (durable); false when the id is already stored, 'stale'
   * when `survey` was closed or (no version named) superseded meanwhile (SQLite: the request
   * thread remembers versions, surveys.findAnswerable), nothing written either way; rejects with
   * CommitFailedError when the batch's COMMIT failed (nothing stored).
   */
  store(survey: PublishedVersion, submission: Submission, hash: string, origin: Origin): Promise<WriteOutcome>;
  /** The published surveys (latest version each) a user is assigned to, by slug. */
  interviews(userId: number): Promise<InterviewSurvey[]>;
}

/** How a listed survey is shown: its English title, or its slug when it has none. */
export function interviewSurvey(row: { slug: string; status: 'open' | 'closed'; version: number; definition: unknown }): InterviewSurvey {
  return {
    slug: row.slug, status: row.status, version: row.version,
    title: localized((row.definition as SurveyDefinition).title, 'en') ?? row.slug,
  };
}

/**
 * The responses job on SQLite: today's synchronous code in resolved promises. Submissions still go
 * through the group-commit queue of api/responses/store.ts (the writer thread when the server uses
 * one: decisions 003 and 006), unchanged.
 */
export function sqliteResponses(db: Db): ResponsesStore {
  return {
    findPrior: async (id, hash) => findPrior(db, id, hash),
    async isAssignedEnumerator(surveyId, userId) {
      const user = db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
      return user?.role === 'enumerator' && isMember(db, surveyId, userId);
    },
    store: (survey, submission, hash, origin) => storeResponse(db, survey, submission, hash, origin),
    async interviews(userId) {
      const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
        .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
      return db.select({ slug: surveys.slug, status: surveys.status, version: surveyVersions.version, definition: surveyVersions.definition })
        .from(surveyMembers)
        .innerJoin(surveys, eq(surveys.id, surveyMembers.surveyId))
        .innerJoin(latest, eq(latest.surveyId, surveys.id))
        .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, latest.surveyId), eq(surveyVersions.version, latest.version)))
        .where(eq(surveyMembers.userId, userId)).orderBy(surveys.slug).all().map(interviewSurvey);
    },
  };
}
