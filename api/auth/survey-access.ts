import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { surveyMembers, surveys, type Survey } from '../db/schema.ts';
import type { Auth } from '../env.ts';
import { ApiError } from '../errors.ts';

/**
 * What a caller wants to do with a survey:
 * - manage: edit drafts, publish, open and close fieldwork, manage members (admin; researchers of the survey)
 * - microdata: read, export and erase individual responses (admin; researchers of the survey)
 * - aggregates: indicators, counts and reports (admin; researchers of the survey; every evaluator)
 * - interview: submit interviews as an enumerator (enumerators assigned to the survey)
 */
export type SurveyPurpose = 'manage' | 'microdata' | 'aggregates' | 'interview';

export function isMember(db: Db, surveyId: number, userId: number): boolean {
  return db.select({ userId: surveyMembers.userId }).from(surveyMembers)
    .where(and(eq(surveyMembers.surveyId, surveyId), eq(surveyMembers.userId, userId))).get() !== undefined;
}

/** The survey named by `slug` if the caller may use it for `purpose`: 401, 403 or 404 otherwise. */
export function surveyFor(db: Db, slug: string, auth: Auth | undefined, purpose: SurveyPurpose): Survey {
  if (!auth) throw notSignedIn();
  const survey = db.select().from(surveys).where(eq(surveys.slug, slug)).get();
  if (!survey) throw new ApiError(404, `No survey "${slug}".`);
  if (!mayUse(db, survey, auth, purpose)) throw refused(auth, purpose, slug);
  return survey;
}

/** What surveyFor looks up, for a database reached asynchronously (PostgreSQL: api/db/store/pg/access.ts). */
export interface SurveyLookups {
  survey(slug: string): Promise<Survey | undefined>;
  isMember(surveyId: number, userId: number): Promise<boolean>;
}

/** surveyFor with the same rules and answers, over asynchronous lookups. */
export async function surveyForAsync(lookups: SurveyLookups, slug: string, auth: Auth | undefined, purpose: SurveyPurpose): Promise<Survey> {
  if (!auth) throw notSignedIn();
  const survey = await lookups.survey(slug);
  if (!survey) throw new ApiError(404, `No survey "${slug}".`);
  const rule = accessRule(auth, purpose);
  if (rule === 'never' || (rule === 'member' && !(await lookups.isMember(survey.id, auth.user.id)))) throw refused(auth, purpose, slug);
  return survey;
}

const notSignedIn = () => new ApiError(401, 'Sign in, or send an API token, to use this endpoint.');
const refused = (auth: Auth, purpose: SurveyPurpose, slug: string) =>
  new ApiError(403, `You (${auth.role}) may not ${PURPOSE_TEXT[purpose]} of survey "${slug}".`);

const PURPOSE_TEXT: Record<SurveyPurpose, string> = {
  manage: 'manage the questionnaire',
  microdata: 'read individual responses',
  aggregates: 'read the aggregates',
  interview: 'submit interviews',
};

function mayUse(db: Db, survey: Survey, auth: Auth, purpose: SurveyPurpose): boolean {
  const rule = accessRule(auth, purpose);
  return rule === 'always' || (rule === 'member' && isMember(db, survey.id, auth.user.id));
}

/** Whether the caller may use a survey for `purpose`: always, only as one of its members, or never. */
function accessRule(auth: Auth, purpose: SurveyPurpose): 'always' | 'member' | 'never' {
  switch (auth.role) {
    case 'admin':
      return 'always';
    case 'researcher':
      return purpose !== 'interview' ? 'member' : 'never';
    case 'evaluator':
      return purpose === 'aggregates' ? 'always' : 'never';
    case 'enumerator':
      return purpose === 'interview' ? 'member' : 'never';
  }
}
