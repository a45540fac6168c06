import { and, eq } from 'drizzle-orm';
import { surveyForAsync } from '../../../auth/survey-access.ts';
import type { PgDb } from '../../pg/open.ts';
import { surveyMembers, surveys } from '../../pg/schema.ts';
import type { AccessStore } from '../access.ts';

/** The access job on PostgreSQL: the same rules (surveyForAsync), looked up on the pool. */
export function postgresAccess(db: PgDb): AccessStore {
  const lookups = {
    survey: async (slug: string) => (await db.select().from(surveys).where(eq(surveys.slug, slug)))[0],
    isMember: async (surveyId: number, userId: number) => (await db.select({ userId: surveyMembers.userId }).from(surveyMembers)
      .where(and(eq(surveyMembers.surveyId, surveyId), eq(surveyMembers.userId, userId)))).length > 0,
  };
  return {
    surveyFor: (slug, auth, purpose) => surveyForAsync(lookups, slug, auth, purpose),
  };
}
