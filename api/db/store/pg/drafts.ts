import { eq } from 'drizzle-orm';
import type { SurveyDefinition, SurveyMeta } from '../../../../surveys/types.ts';
import { contentHash } from '../../../canonical-json.ts';
import { ApiError } from '../../../errors.ts';
import { draftCheck, nextVersion, publishableContent, type DraftContent } from '../../../surveys/drafts.ts';
import type { PgDb } from '../../pg/open.ts';
import { surveyDrafts, surveyMembers, surveys, surveyVersions } from '../../pg/schema.ts';
import type { Survey, SurveyVersion } from '../../schema.ts';
import type { Draft, DraftsStore } from '../drafts.ts';
import { recordAuditPg } from './audit-entry.ts';
import { latestVersionOf } from './surveys.ts';

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

/**
 * Locks the survey's row until the transaction ends. Every write to a survey's draft or versions
 * takes it first, so two instances saving or publishing the same survey take turns: the second
 * reads the first one's version before numbering its own, and a draft is never published twice.
 */
async function lockSurvey(tx: Tx, surveyId: number): Promise<void> {
  await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, surveyId)).for('update');
}

async function draftOf(db: Tx | PgDb, surveyId: number): Promise<Draft | undefined> {
  return (await db.select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, surveyId)))[0] as Draft | undefined;
}

async function save(tx: Tx, survey: Survey, content: DraftContent, userId: number): Promise<Draft> {
  await lockSurvey(tx, survey.id);
  const basedOnVersion = (await draftOf(tx, survey.id))?.basedOnVersion ?? (await latestVersionOf(tx, survey.id))?.version ?? null;
  const values = { definition: content.definition, meta: content.meta, basedOnVersion, updatedAt: new Date().toISOString(), updatedBy: userId };
  await tx.insert(surveyDrafts).values({ surveyId: survey.id, ...values }).onConflictDoUpdate({ target: surveyDrafts.surveyId, set: values });
  await recordAuditPg(tx, { userId, action: 'draft.save', surveyId: survey.id });
  return (await draftOf(tx, survey.id))!;
}

/** The unique key on surveys.slug refused the row: another request (maybe on another instance) created it first. */
function isSlugTaken(error: unknown): boolean {
  // node-postgres' DatabaseError, as thrown or wrapped by drizzle (DrizzleQueryError's cause).
  const refusal = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && (error as { table?: unknown }).table === 'surveys';
  return refusal(error) || refusal((error as { cause?: unknown } | null)?.cause);
}

/** The drafts job on PostgreSQL: the rules of api/surveys/drafts.ts, each write one transaction. */
export function postgresDrafts(db: PgDb): DraftsStore {
  return {
    slugTaken: async (slug) => (await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug))).length > 0,
    latestVersion: async (surveyId) => (await latestVersionOf(db, surveyId)) as SurveyVersion | undefined,
    templateVersion: async (slug) => {
      const [template] = await db.select().from(surveys).where(eq(surveys.slug, slug));
      return template?.sourceHash ? ((await latestVersionOf(db, template.id)) as SurveyVersion | undefined) : undefined;
    },
    create: async (input, content) => {
      try {
        return await db.transaction(async (tx) => {
          const [survey] = await tx.insert(surveys).values({ slug: input.slug, createdBy: input.userId }).returning();
          if (input.asMember) await tx.insert(surveyMembers).values({ surveyId: survey!.id, userId: input.userId });
          await recordAuditPg(tx, { userId: input.userId, action: 'survey.create', surveyId: survey!.id, target: survey!.slug });
          return { survey: survey as Survey, draft: await save(tx, survey as Survey, content, input.userId) };
        });
      } catch (error) {
        if (isSlugTaken(error)) throw new ApiError(409, `A survey "${input.slug}" already exists.`);
        throw error;
      }
    },
    find: (surveyId) => draftOf(db, surveyId),
    save: (survey, content, userId) => db.transaction((tx) => save(tx, survey, content, userId)),
    fromLatest: (survey, userId) => db.transaction(async (tx) => {
      await lockSurvey(tx, survey.id);
      const existing = await draftOf(tx, survey.id);
      if (existing) return { draft: existing, created: false };
      const latest = await latestVersionOf(tx, survey.id);
      if (!latest) throw new ApiError(409, `Survey "${survey.slug}" has no published version to start a draft from.`);
      const draft = await save(tx, survey, { definition: latest.definition as SurveyDefinition, meta: latest.meta as SurveyMeta }, userId);
      return { draft, created: true };
    }),
    publish: (survey, userId) => db.transaction(async (tx) => {
      await lockSurvey(tx, survey.id);
      const content = publishableContent(survey.slug, await draftOf(tx, survey.id));
      const hash = contentHash(content);
      const version = nextVersion(await latestVersionOf(tx, survey.id), hash);
      await tx.insert(surveyVersions).values({ surveyId: survey.id, version, ...content, contentHash: hash, publishedBy: userId });
      await tx.delete(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.id));
      await recordAuditPg(tx, { userId, action: 'survey.publish', surveyId: survey.id, target: `version ${version}` });
      return { version, warnings: draftCheck(survey.slug, content).warnings };
    }),
  };
}
