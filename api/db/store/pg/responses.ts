import { and, eq, max, sql } from 'drizzle-orm';
import type { Writes } from '../../group-commit.ts';
import { storedResponse } from '../../pg/expressions.ts';
import type { PgDb } from '../../pg/open.ts';
import { responses, surveyMembers, surveys, surveyVersions, users } from '../../pg/schema.ts';
import { pgResponseWriter } from '../../../responses/pg-response-rows.ts';
import type { ResponseRow } from '../../../responses/response-rows.ts';
import { interviewSurvey, priorSubmission, responseRow, type ResponsesStore } from '../responses.ts';

/*
 * The submission write path on PostgreSQL (the SQLite twin is ../responses.ts). Each instance has
 * one group-commit queue per pool (api/db/pg/group-commit.ts): a submission is acknowledged only
 * after the COMMIT that holds it, on connections running with synchronous_commit = on. The same id
 * sent to two instances at once is one row: the second INSERT … ON CONFLICT DO NOTHING waits for
 * the first transaction and then writes nothing, and the route answers it from the stored row.
 */

const writers = new WeakMap<PgDb, Writes<ResponseRow, boolean>>();

function writerOf(db: PgDb): Writes<ResponseRow, boolean> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = pgResponseWriter(db)));
  return writer;
}

/** The responses job on a PostgreSQL pool. */
export function postgresResponses(db: PgDb): ResponsesStore {
  return {
    async findPrior(id, hash) {
      const [stored] = await db.select(storedResponse).from(responses).where(eq(responses.id, id));
      return priorSubmission(stored, hash);
    },

    async isAssignedEnumerator(surveyId, userId) {
      const [found] = await db.select({ role: users.role }).from(users)
        .innerJoin(surveyMembers, and(eq(surveyMembers.userId, users.id), eq(surveyMembers.surveyId, surveyId)))
        .where(eq(users.id, userId));
      return found?.role === 'enumerator';
    },

    store: (survey, submission, hash, origin) => writerOf(db).submit(responseRow(survey, submission, hash, origin)),

    async interviews(userId) {
      const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
        .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
      const rows = await db.select({ slug: surveys.slug, status: surveys.status, version: surveyVersions.version, definition: surveyVersions.definition })
        .from(surveyMembers)
        .innerJoin(surveys, eq(surveys.id, surveyMembers.surveyId))
        .innerJoin(latest, eq(latest.surveyId, surveys.id))
        .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, latest.surveyId), eq(surveyVersions.version, latest.version)))
        .where(eq(surveyMembers.userId, userId))
        // Byte order, as SQLite sorts text (the database's collation might put "a-b" after "ab").
        .orderBy(sql`${surveys.slug} COLLATE "C"`);
      return rows.map(interviewSurvey);
    },
  };
}
