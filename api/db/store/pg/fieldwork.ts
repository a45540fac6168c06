import { and, count, eq, inArray, isNotNull, isNull, max, notInArray } from 'drizzle-orm';
import type { PgDb } from '../../pg/open.ts';
import { responses, surveyDrafts, surveyMembers, surveys, surveyVersions, users } from '../../pg/schema.ts';
import type { FieldworkStore } from '../fieldwork.ts';
import { recordAuditPg } from './audit-entry.ts';

/** The fieldwork job on PostgreSQL: the same queries as store/fieldwork.ts, awaited. */
export function postgresFieldwork(db: PgDb): FieldworkStore {
  return {
    setStatus: (surveyId, status, audit) => db.transaction(async (tx) => {
      await tx.update(surveys).set({ status }).where(eq(surveys.id, surveyId));
      await recordAuditPg(tx, audit);
    }),
    versions: async (surveyId) => {
      const rows = await db.select({ version: surveyVersions.version, contentHash: surveyVersions.contentHash, publishedAt: surveyVersions.publishedAt })
        .from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(surveyVersions.version);
      const counts = await db.select({ version: responses.version, responses: count() }).from(responses)
        .where(eq(responses.surveyId, surveyId)).groupBy(responses.version);
      return rows.map((row) => ({ ...row, responses: counts.find((entry) => entry.version === row.version)?.responses ?? 0 }));
    },
    members: (surveyId) => db.select({ id: users.id, email: users.email, role: users.role, addedAt: surveyMembers.addedAt }).from(surveyMembers)
      .innerJoin(users, eq(users.id, surveyMembers.userId)).where(eq(surveyMembers.surveyId, surveyId)).orderBy(users.email),
    memberCandidates: async (surveyId) => {
      const members = (await db.select({ id: surveyMembers.userId }).from(surveyMembers).where(eq(surveyMembers.surveyId, surveyId))).map((row) => row.id);
      return db.select({ id: users.id, email: users.email, role: users.role }).from(users)
        .where(and(inArray(users.role, ['researcher', 'enumerator']), isNull(users.disabledAt), members.length > 0 ? notInArray(users.id, members) : undefined))
        .orderBy(users.role, users.email);
    },
    addMember: (surveyId, userId, audit) => db.transaction(async (tx) => {
      await tx.insert(surveyMembers).values({ surveyId, userId }).onConflictDoNothing();
      await recordAuditPg(tx, audit);
    }),
    removeMember: (surveyId, userId, audit) => db.transaction(async (tx) => {
      const removed = await tx.delete(surveyMembers).where(and(eq(surveyMembers.surveyId, surveyId), eq(surveyMembers.userId, userId)))
        .returning({ userId: surveyMembers.userId });
      if (removed.length === 0) return false;
      await recordAuditPg(tx, audit);
      return true;
    }),
    managedSurveys: async (memberId) => {
      const mine = memberId === undefined ? undefined
        : (await db.select({ id: surveyMembers.surveyId }).from(surveyMembers).where(eq(surveyMembers.userId, memberId))).map((row) => row.id);
      if (mine && mine.length === 0) return [];
      const rows = await db.select({ id: surveys.id, slug: surveys.slug, status: surveys.status }).from(surveys)
        .where(mine ? inArray(surveys.id, mine) : undefined).orderBy(surveys.slug);
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return [];
      const versions = await db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version) }).from(surveyVersions)
        .where(inArray(surveyVersions.surveyId, ids)).groupBy(surveyVersions.surveyId);
      const drafts = await db.select({ surveyId: surveyDrafts.surveyId, updatedAt: surveyDrafts.updatedAt }).from(surveyDrafts).where(inArray(surveyDrafts.surveyId, ids));
      const counts = await db.select({ surveyId: responses.surveyId, responses: count() }).from(responses).where(inArray(responses.surveyId, ids)).groupBy(responses.surveyId);
      const unpublished = rows.filter((row) => !versions.some((entry) => entry.surveyId === row.id)).map((row) => row.id);
      const definitions = unpublished.length === 0 ? []
        : await db.select({ surveyId: surveyDrafts.surveyId, definition: surveyDrafts.definition }).from(surveyDrafts).where(inArray(surveyDrafts.surveyId, unpublished));
      return rows.map((row) => {
        const version = versions.find((entry) => entry.surveyId === row.id)?.version ?? null;
        return {
          ...row, version,
          draftUpdatedAt: drafts.find((entry) => entry.surveyId === row.id)?.updatedAt ?? null,
          draftDefinition: version === null ? definitions.find((entry) => entry.surveyId === row.id)?.definition : undefined,
          responses: counts.find((entry) => entry.surveyId === row.id)?.responses ?? 0,
        };
      });
    },
    templateSurveys: () => db.select({ id: surveys.id, slug: surveys.slug }).from(surveys).where(isNotNull(surveys.sourceHash)).orderBy(surveys.slug),
  };
}
