import { and, count, eq, inArray, isNotNull, isNull, max, notInArray } from 'drizzle-orm';
import { recordAudit, type AuditEvent } from '../../audit.ts';
import type { Db } from '../open.ts';
import { responses, surveyDrafts, surveyMembers, surveys, surveyVersions, users } from '../schema.ts';

export interface VersionCount {
  version: number;
  contentHash: string;
  publishedAt: string;
  responses: number;
}

export interface Member {
  id: number;
  email: string;
  role: string;
  addedAt: string;
}

/** One row of the manage page: a survey with its latest version, draft and response count. */
export interface ManagedSurvey {
  id: number;
  slug: string;
  status: 'open' | 'closed';
  version: number | null;
  draftUpdatedAt: string | null;
  /** The draft's definition, only for a survey never published (its title comes from there). */
  draftDefinition: unknown;
  responses: number;
}

/** Running fieldwork: open and close it, versions with their counts, who works on a survey. */
export interface FieldworkStore {
  /** Opens or closes fieldwork, with its audit entry, in one transaction. */
  setStatus(surveyId: number, status: 'open' | 'closed', audit: AuditEvent): Promise<void>;
  /** Every published version, oldest first, with its number of stored responses. */
  versions(surveyId: number): Promise<VersionCount[]>;
  /** The survey's members, by e-mail. */
  members(surveyId: number): Promise<Member[]>;
  /** Enabled researchers and enumerators not yet members, by role and e-mail. */
  memberCandidates(surveyId: number): Promise<{ id: number; email: string; role: string }[]>;
  /** Adds a member (nothing if already one), with its audit entry, in one transaction. */
  addMember(surveyId: number, userId: number, audit: AuditEvent): Promise<void>;
  /** Removes a member with its audit entry, in one transaction; false if there was no such member. */
  removeMember(surveyId: number, userId: number, audit: AuditEvent): Promise<boolean>;
  /** The surveys `memberId` is a member of (every survey when undefined), by slug. */
  managedSurveys(memberId: number | undefined): Promise<ManagedSurvey[]>;
  /** Surveys published from files in surveys/ (templates), by slug. */
  templateSurveys(): Promise<{ id: number; slug: string }[]>;
}

export function sqliteFieldwork(db: Db): FieldworkStore {
  return {
    setStatus: async (surveyId, status, audit) => db.transaction((tx) => {
      tx.update(surveys).set({ status }).where(eq(surveys.id, surveyId)).run();
      recordAudit(tx, audit);
    }),
    versions: async (surveyId) => {
      const rows = db.select({ version: surveyVersions.version, contentHash: surveyVersions.contentHash, publishedAt: surveyVersions.publishedAt })
        .from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(surveyVersions.version).all();
      const counts = db.select({ version: responses.version, responses: count() }).from(responses)
        .where(eq(responses.surveyId, surveyId)).groupBy(responses.version).all();
      return rows.map((row) => ({ ...row, responses: counts.find((entry) => entry.version === row.version)?.responses ?? 0 }));
    },
    members: async (surveyId) => db.select({ id: users.id, email: users.email, role: users.role, addedAt: surveyMembers.addedAt }).from(surveyMembers)
      .innerJoin(users, eq(users.id, surveyMembers.userId)).where(eq(surveyMembers.surveyId, surveyId)).orderBy(users.email).all(),
    memberCandidates: async (surveyId) => {
      const members = db.select({ id: surveyMembers.userId }).from(surveyMembers).where(eq(surveyMembers.surveyId, surveyId)).all().map((row) => row.id);
      return db.select({ id: users.id, email: users.email, role: users.role }).from(users)
        .where(and(inArray(users.role, ['researcher', 'enumerator']), isNull(users.disabledAt), notInArray(users.id, members)))
        .orderBy(users.role, users.email).all();
    },
    addMember: async (surveyId, userId, audit) => db.transaction((tx) => {
      tx.insert(surveyMembers).values({ surveyId, userId }).onConflictDoNothing().run();
      recordAudit(tx, audit);
    }),
    removeMember: async (surveyId, userId, audit) => db.transaction((tx) => {
      const result = tx.delete(surveyMembers).where(and(eq(surveyMembers.surveyId, surveyId), eq(surveyMembers.userId, userId))).run();
      if (result.changes === 0) return false;
      recordAudit(tx, audit);
      return true;
    }),
    managedSurveys: async (memberId) => {
      const mine = memberId === undefined ? undefined
        : db.select({ id: surveyMembers.surveyId }).from(surveyMembers).where(eq(surveyMembers.userId, memberId)).all().map((row) => row.id);
      const rows = db.select({ id: surveys.id, slug: surveys.slug, status: surveys.status }).from(surveys)
        .where(mine ? inArray(surveys.id, mine) : undefined).orderBy(surveys.slug).all();
      const ids = rows.map((row) => row.id);
      const versions = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version) }).from(surveyVersions)
        .where(inArray(surveyVersions.surveyId, ids)).groupBy(surveyVersions.surveyId).all();
      const drafts = db.select({ surveyId: surveyDrafts.surveyId, updatedAt: surveyDrafts.updatedAt }).from(surveyDrafts).where(inArray(surveyDrafts.surveyId, ids)).all();
      const counts = db.select({ surveyId: responses.surveyId, responses: count() }).from(responses).where(inArray(responses.surveyId, ids)).groupBy(responses.surveyId).all();
      return rows.map((row) => {
        const version = versions.find((entry) => entry.surveyId === row.id)?.version ?? null;
        return {
          ...row, version,
          draftUpdatedAt: drafts.find((entry) => entry.surveyId === row.id)?.updatedAt ?? null,
          draftDefinition: version === null ? db.select({ definition: surveyDrafts.definition }).from(surveyDrafts).where(eq(surveyDrafts.surveyId, row.id)).get()?.definition : undefined,
          responses: counts.find((entry) => entry.surveyId === row.id)?.responses ?? 0,
        };
      });
    },
    templateSurveys: async () => db.select({ id: surveys.id, slug: surveys.slug }).from(surveys).where(isNotNull(surveys.sourceHash)).orderBy(surveys.slug).all(),
  };
}
