import { surveyFor, type SurveyPurpose } from '../../auth/survey-access.ts';
import type { Auth } from '../../env.ts';
import type { Db } from '../open.ts';
import type { Survey } from '../schema.ts';

/** Who may use which survey for what (api/auth/survey-access.ts holds the rules), on either database. */
export interface AccessStore {
  /** The survey named by `slug` if the caller may use it for `purpose`: rejects with ApiError 401, 403 or 404 otherwise. */
  surveyFor(slug: string, auth: Auth | undefined, purpose: SurveyPurpose): Promise<Survey>;
}

export function sqliteAccess(db: Db): AccessStore {
  return {
    surveyFor: async (slug, auth, purpose) => surveyFor(db, slug, auth, purpose),
  };
}
