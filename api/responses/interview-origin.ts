import type { SurveyPurpose } from '../auth/survey-access.ts';
import type { Auth } from '../env.ts';
import { ApiError } from '../errors.ts';

export type Origin = { mode: 'web'; enumeratorId: null } | { mode: 'enumerator'; enumeratorId: number };

/** What the rules below look up, on either database. */
export interface OriginLookups {
  /** The survey named by `slug` if the caller may use it for `purpose`: ApiError 401, 403 or 404 otherwise. */
  surveyFor(slug: string, auth: Auth | undefined, purpose: SurveyPurpose): Promise<{ id: number }>;
  /** Whether user `userId` is an enumerator assigned to survey `surveyId`. */
  isAssignedEnumerator(surveyId: number, userId: number): Promise<boolean>;
}

/**
 * Who a submission is stored as coming from. A resident's is anonymous ("web"). An interview is
 * stored with the enumerator who conducted it: the signed-in enumerator, or, when the interview
 * names its enumerator (`enumeratorId`, recorded on the tablet when it was completed), that one.
 *
 * - An interview that names its enumerator but comes with no session is refused with 401, never
 *   stored as a resident's answers: the enumerator's session expired (often while offline), and
 *   the tablet keeps it until they sign in again.
 * - An enumerator sends only their own interviews, for surveys they are assigned to.
 * - A survey's researchers (and admins) may send interviews conducted by the survey's enumerators,
 *   e.g. loaded from a file an enumerator saved on a tablet that cannot reach the server.
 */
export async function submissionOrigin(
  lookups: OriginLookups, slug: string, auth: Auth | undefined, namedEnumerator: number | undefined,
): Promise<Origin> {
  if (namedEnumerator === undefined) {
    if (auth?.role !== 'enumerator') return { mode: 'web', enumeratorId: null };
    await lookups.surveyFor(slug, auth, 'interview');
    return { mode: 'enumerator', enumeratorId: auth.user.id };
  }
  if (!auth) throw new ApiError(401, 'Sign in again to send this interview: your session has ended. The interview stays on the device until then.');
  if (auth.role === 'enumerator') {
    await lookups.surveyFor(slug, auth, 'interview');
    if (namedEnumerator !== auth.user.id) {
      throw new ApiError(403, "This interview was conducted by another enumerator; only the survey's researchers can send it for them.");
    }
    return { mode: 'enumerator', enumeratorId: auth.user.id };
  }
  const survey = await lookups.surveyFor(slug, auth, 'manage');
  if (!(await lookups.isAssignedEnumerator(survey.id, namedEnumerator))) {
    throw new ApiError(422, 'The submission is not in the expected form.', [
      { field: 'enumeratorId', issue: `user ${namedEnumerator} is not an enumerator assigned to survey "${slug}"` },
    ]);
  }
  return { mode: 'enumerator', enumeratorId: namedEnumerator };
}
