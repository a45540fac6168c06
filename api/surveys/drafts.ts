import { desc, eq } from 'drizzle-orm';
import { checkFollowUps } from '../../surveys/check-follow-ups.ts';
import { checkSurveyFile } from '../../surveys/check.ts';
import type { SurveyDefinition, SurveyMeta } from '../../surveys/types.ts';
import { recordAudit } from '../audit.ts';
import { contentHash } from '../canonical-json.ts';
import type { Db } from '../db/open.ts';
import { surveyDrafts, surveyMembers, surveys, surveyVersions, type Survey } from '../db/schema.ts';
import { ApiError } from '../errors.ts';

export interface DraftContent {
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

export function findDraft(db: Db, surveyId: number) {
  return db.select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, surveyId)).get();
}

export function latestVersion(db: Db, surveyId: number) {
  return db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.version)).limit(1).get();
}

/** The latest version of a template: a questionnaire published from a file in surveys/ (it has a source hash). */
export function templateVersion(db: Db, slug: string) {
  const template = db.select().from(surveys).where(eq(surveys.slug, slug)).get();
  return template?.sourceHash ? latestVersion(db, template.id) : undefined;
}

/** Is the slug taken (by any survey, published or not)? */
export function slugTaken(db: Db, slug: string): boolean {
  return db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)).get() !== undefined;
}

export interface NewSurvey {
  slug: string;
  userId: number;
  /** A researcher who creates a survey becomes its member (an admin manages every survey anyway). */
  asMember: boolean;
}

/**
 * Creates a survey with its first draft, the membership and the audit entries in one
 * transaction: a failure stores nothing. Callers check the content (draftCheck) before.
 */
export function createSurvey(db: Db, input: NewSurvey, content: DraftContent) {
  return db.transaction(() => {
    const survey = db.insert(surveys).values({ slug: input.slug, createdBy: input.userId }).returning().get();
    if (input.asMember) db.insert(surveyMembers).values({ surveyId: survey.id, userId: input.userId }).run();
    recordAudit(db, { userId: input.userId, action: 'survey.create', surveyId: survey.id, target: survey.slug });
    return { survey, draft: saveDraft(db, survey, content, input.userId) };
  });
}

/** The problems the checker finds in a draft, as `{ field, issue }` (field = JSON path). */
export function draftProblems(slug: string, content: DraftContent) {
  return checkSurveyFile({ slug, definition: content.definition, meta: content.meta }).map((problem) => ({ field: problem.path || '(questionnaire)', issue: problem.message }));
}

/**
 * What the checker says about a draft: `problems` refuse publishing; `warnings` (follow-up
 * questions asked without their filter question or condition) do not, but are shown beside them.
 */
export function draftCheck(slug: string, content: DraftContent) {
  const warnings = content.definition && typeof content.definition === 'object'
    ? checkFollowUps(content.definition).map((warning) => ({ field: warning.path, issue: warning.message }))
    : [];
  return { problems: draftProblems(slug, content), warnings };
}

/**
 * Saves (creates or replaces) the draft of a survey. A draft may be incomplete; only publishing checks it.
 * The draft and its audit entry are written in one transaction: both or neither. Callers run the
 * checker (draftCheck) before, so a draft the checker cannot read is never stored.
 */
export function saveDraft(db: Db, survey: Survey, content: DraftContent, userId: number) {
  // better-sqlite3 has one connection: `db` inside the callback is in the transaction (nested: a savepoint).
  return db.transaction(() => {
    const basedOnVersion = findDraft(db, survey.id)?.basedOnVersion ?? latestVersion(db, survey.id)?.version ?? null;
    const values = { definition: content.definition, meta: content.meta, basedOnVersion, updatedAt: new Date().toISOString(), updatedBy: userId };
    db.insert(surveyDrafts).values({ surveyId: survey.id, ...values })
      .onConflictDoUpdate({ target: surveyDrafts.surveyId, set: values }).run();
    recordAudit(db, { userId, action: 'draft.save', surveyId: survey.id });
    return findDraft(db, survey.id)!;
  });
}

/** Opens the latest published version as the draft of the next one, unless a draft already exists. */
export function draftFromLatest(db: Db, survey: Survey, userId: number) {
  const existing = findDraft(db, survey.id);
  if (existing) return { draft: existing, created: false };
  const latest = latestVersion(db, survey.id);
  if (!latest) throw new ApiError(409, `Survey "${survey.slug}" has no published version to start a draft from.`);
  const draft = saveDraft(db, survey, { definition: latest.definition as SurveyDefinition, meta: latest.meta as SurveyMeta }, userId);
  return { draft, created: true };
}

/**
 * Publishes the draft as the next version: refused (422, one detail per problem) unless the
 * checker passes; its warnings come back with the new version number. The version is immutable; stored responses keep theirs.
 */
export function publishDraft(db: Db, survey: Survey, userId: number): { version: number; warnings: { field: string; issue: string }[] } {
  return db.transaction((tx) => {
    const content = publishableContent(survey.slug, tx.select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.id)).get());
    const latest = tx.select().from(surveyVersions).where(eq(surveyVersions.surveyId, survey.id)).orderBy(desc(surveyVersions.version)).limit(1).get();
    const hash = contentHash(content);
    const version = nextVersion(latest, hash);
    tx.insert(surveyVersions).values({ surveyId: survey.id, version, ...content, contentHash: hash, publishedBy: userId }).run();
    tx.delete(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.id)).run();
    recordAudit(tx, { userId, action: 'survey.publish', surveyId: survey.id, target: `version ${version}` });
    return { version, warnings: draftCheck(survey.slug, content).warnings };
  });
}

/** The number a draft with content hash `hash` is published as after `latest`; 409 when it is the same content. Both databases. */
export function nextVersion(latest: { version: number; contentHash: string } | undefined, hash: string): number {
  if (latest?.contentHash === hash) throw new ApiError(409, `The draft is identical to version ${latest.version}; nothing to publish.`);
  return (latest?.version ?? 0) + 1;
}

/** The draft's checked content for publishing: 409 without a draft, 422 (one detail per problem) while the checker refuses it. Both databases. */
export function publishableContent(slug: string, draft: { definition: unknown; meta: unknown } | undefined): DraftContent {
  if (!draft) throw new ApiError(409, `Survey "${slug}" has no draft to publish.`);
  const content = { definition: draft.definition as SurveyDefinition, meta: draft.meta as SurveyMeta };
  const problems = draftProblems(slug, content);
  if (problems.length > 0) throw new ApiError(422, 'The draft cannot be published until these problems are fixed.', problems);
  return content;
}
