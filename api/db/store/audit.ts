import { and, desc, eq, lt } from 'drizzle-orm';
import { recordAudit, type AuditEvent } from '../../audit.ts';
import type { Db } from '../open.ts';
import { auditLog, surveys, users } from '../schema.ts';

export interface AuditQuery {
  survey?: string;
  action?: string;
  /** Entries with a smaller id only (paging back). */
  before?: number;
  limit: number;
}

/** One entry as the audit route shows it: the user's e-mail and the survey's slug, not their ids. */
export interface AuditListEntry {
  id: number;
  at: string;
  user: string | null;
  action: string;
  survey: string | null;
  target: string | null;
  details: unknown;
}

/** The audit log: appended to, never changed (the database refuses UPDATE and DELETE on it). */
export interface AuditStore {
  /** Appends one entry on its own (changes that must be audited with their data do so inside their job's transaction). */
  record(event: AuditEvent): Promise<void>;
  /** Entries newest first, filtered. */
  list(query: AuditQuery): Promise<AuditListEntry[]>;
}

export function sqliteAudit(db: Db): AuditStore {
  return {
    record: async (event) => recordAudit(db, event),
    list: async (query) => db.select({
      id: auditLog.id, at: auditLog.at, user: users.email, action: auditLog.action, survey: surveys.slug, target: auditLog.target, details: auditLog.details,
    }).from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(surveys, eq(surveys.id, auditLog.surveyId))
      .where(and(
        query.survey === undefined ? undefined : eq(surveys.slug, query.survey),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.before === undefined ? undefined : lt(auditLog.id, query.before),
      ))
      .orderBy(desc(auditLog.id)).limit(query.limit).all(),
  };
}
