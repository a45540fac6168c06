import { and, desc, eq, max } from 'drizzle-orm';
import type { SurveyDefinition, SurveyMeta } from '../../surveys/types.ts';
import type { Db } from '../db/open.ts';
import { surveys, surveyVersions } from '../db/schema.ts';

export interface PublishedVersion {
  surveyId: number;
  versionId: number;
  slug: string;
  /** 'closed' once fieldwork has ended: no new responses. */
  status: 'open' | 'closed';
  version: number;
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

const columns = {
  surveyId: surveys.id,
  versionId: surveyVersions.id,
  slug: surveys.slug,
  status: surveys.status,
  version: surveyVersions.version,
  definition: surveyVersions.definition,
  meta: surveyVersions.meta,
};

/** The given version of a survey, or its latest published version when `version` is omitted. */
export function findVersion(db: Db, slug: string, version?: number): PublishedVersion | undefined {
  const row = db.select(columns).from(surveyVersions)
    .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
    .where(version === undefined ? eq(surveys.slug, slug) : and(eq(surveys.slug, slug), eq(surveyVersions.version, version)))
    .orderBy(desc(surveyVersions.version)).limit(1).get();
  return row as PublishedVersion | undefined;
}

/** The latest published version of every survey, by slug. */
export function listLatestVersions(db: Db): PublishedVersion[] {
  const latest = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version).as('latest_version') })
    .from(surveyVersions).groupBy(surveyVersions.surveyId).as('latest');
  return db.select(columns).from(surveyVersions)
    .innerJoin(latest, and(eq(latest.surveyId, surveyVersions.surveyId), eq(latest.version, surveyVersions.version)))
    .innerJoin(surveys, eq(surveys.id, surveyVersions.surveyId))
    .orderBy(surveys.slug).all() as PublishedVersion[];
}
