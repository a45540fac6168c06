import { eq } from 'drizzle-orm';
import { isMember, surveyFor } from '../auth/survey-access.ts';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema.ts';
import type { Auth } from '../env.ts';
import { ApiError } from '../errors.ts';

export type Origin = { mode: 'web'; enumeratorId: null } | { mode: 'enumerator'; enumeratorId: number };

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
export function submissionOrigin(db: Db, slug: string, auth: Auth | undefined, namedEnumerator: number | undefined): Origin {
  if (namedEnumerator === undefined) {
    if (auth?.role !== 'enumerator') return { mode: 'web', enumeratorId: null };
    surveyFor(db, slug, auth, 'interview');
    return { mode: 'enumerator', enumeratorId: auth.user.id };
  }
  if (!auth) throw new ApiError(401, 'Sign in again to send this interview: your session has ended. The interview stays on the device until then.');
  if (auth.role === 'enumerator') {
    surveyFor(db, slug, auth, 'interview');
    if (namedEnumerator !== auth.user.id) {
      throw new ApiError(403, "This interview was conducted by another enumerator; only the survey's researchers can send it for them.");
    }
    return { mode: 'enumerator', enumeratorId: auth.user.id };
  }
  const survey = surveyFor(db, slug, auth, 'manage');
  const enumerator = db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, namedEnumerator)).get();
  if (enumerator?.role !== 'enumerator' || !isMember(db, survey.id, enumerator.id)) {
    throw new ApiError(422, 'The submission is not in the expected form.', [
      { field: 'enumeratorId', issue: `user ${namedEnumerator} is not an enumerator assigned to survey "${slug}"` },
    ]);
  }
  return { mode: 'enumerator', enumeratorId: enumerator.id };
}
