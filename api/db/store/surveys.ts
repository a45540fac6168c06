import type { SurveyDefinition, SurveyFile } from '../../../surveys/types.ts';
import { publishSurveyFiles, type PublishResult } from '../../surveys/publish.ts';
import { findVersion, listLatestVersions, type PublishedVersion } from '../../surveys/queries.ts';
import { answerableVersions } from '../../surveys/answerable.ts';
import type { Db } from '../open.ts';
import { surveyVersions } from '../schema.ts';
import { eq } from 'drizzle-orm';

/** Published questionnaires: what respondents load, submissions are checked against, and files publish. */
export interface SurveysStore {
  /** The given version of a survey, or its latest published version when `version` is omitted. */
  findVersion(slug: string, version?: number): Promise<PublishedVersion | undefined>;
  /**
   * As findVersion, for a submission: may be a version remembered from an earlier call (SQLite),
   * which is fine only because the write checks it again (ResponsesStore.store answers 'stale');
   * `fresh` reads it anew. On PostgreSQL always read fresh.
   */
  findAnswerable(slug: string, version: number | undefined, fresh?: boolean): Promise<PublishedVersion | undefined>;
  /** The latest published version of every survey, by slug. */
  listLatestVersions(): Promise<PublishedVersion[]>;
  /** Every published version's definition, oldest first (the variables across versions). */
  versionDefinitions(surveyId: number): Promise<{ version: number; definition: SurveyDefinition }[]>;
  /**
   * Publishes questionnaire files from surveys/ (api/surveys/publish.ts says when a file makes a
   * new version), all in one transaction: every file's version or none.
   */
  publishFiles(files: SurveyFile[]): Promise<PublishResult[]>;
}

export function sqliteSurveys(db: Db): SurveysStore {
  const answerable = answerableVersions(db);
  return {
    findVersion: async (slug, version) => findVersion(db, slug, version),
    findAnswerable: async (slug, version, fresh) => answerable(slug, version, fresh),
    listLatestVersions: async () => listLatestVersions(db),
    versionDefinitions: async (surveyId) => db.select({ version: surveyVersions.version, definition: surveyVersions.definition }).from(surveyVersions)
      .where(eq(surveyVersions.surveyId, surveyId)).orderBy(surveyVersions.version).all() as { version: number; definition: SurveyDefinition }[],
    publishFiles: async (files) => publishSurveyFiles(db, files),
  };
}
