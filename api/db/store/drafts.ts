import type { Rename } from '../../../surveys/import-surveyjs.ts';
import {
  createSurvey, draftFromLatest, findDraft, latestVersion, publishDraft, saveDraft, slugTaken, templateVersion,
  type DraftContent, type NewSurvey,
} from '../../surveys/drafts.ts';
import { ApiError } from '../../errors.ts';
import type { Db } from '../open.ts';
import type { Survey, surveyDrafts, SurveyVersion } from '../schema.ts';

export type Draft = typeof surveyDrafts.$inferSelect;
export type { DraftContent, NewSurvey, Rename };

/** Creating questionnaires and working on their next version: draft, check, publish (api/surveys/drafts.ts holds the rules). */
export interface DraftsStore {
  slugTaken(slug: string): Promise<boolean>;
  /** A survey's latest published version (all its columns), or undefined. */
  latestVersion(surveyId: number): Promise<SurveyVersion | undefined>;
  /** The latest version of a questionnaire published from a file in surveys/, or undefined. */
  templateVersion(slug: string): Promise<SurveyVersion | undefined>;
  /** The survey, its membership, its first draft and their audit entries, in one transaction; 409 when the slug is taken. */
  create(input: NewSurvey, content: DraftContent): Promise<{ survey: Survey; draft: Draft }>;
  find(surveyId: number): Promise<Draft | undefined>;
  /** Creates or replaces the draft, with its audit entry, in one transaction. */
  save(survey: Survey, content: DraftContent, userId: number): Promise<Draft>;
  /** Opens the latest published version as the draft of the next one, unless a draft already exists. */
  fromLatest(survey: Survey, userId: number): Promise<{ draft: Draft; created: boolean }>;
  /**
   * Publishes the draft as the next version, removes the draft and writes the audit entry, in one
   * transaction: all of it or nothing. Version numbers stay unique per survey when several
   * instances publish at once.
   */
  publish(survey: Survey, userId: number): Promise<{ version: number; warnings: { field: string; issue: string }[] }>;
}

export function sqliteDrafts(db: Db): DraftsStore {
  return {
    slugTaken: async (slug) => slugTaken(db, slug),
    latestVersion: async (surveyId) => latestVersion(db, surveyId),
    templateVersion: async (slug) => templateVersion(db, slug),
    create: async (input, content) => {
      try {
        return createSurvey(db, input, content);
      } catch (error) {
        // The routes ask slugTaken first; this keeps the store's answer the same as PostgreSQL's.
        if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('surveys.slug')) {
          throw new ApiError(409, `A survey "${input.slug}" already exists.`);
        }
        throw error;
      }
    },
    find: async (surveyId) => findDraft(db, surveyId),
    save: async (survey, content, userId) => saveDraft(db, survey, content, userId),
    fromLatest: async (survey, userId) => draftFromLatest(db, survey, userId),
    publish: async (survey, userId) => publishDraft(db, survey, userId),
  };
}
