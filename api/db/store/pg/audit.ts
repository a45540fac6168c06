import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditEvent } from '../../../audit.ts';
import type { PgDb } from '../../pg/open.ts';
import { auditLog, surveys, users } from '../../pg/schema.ts';
import type { AuditStore } from '../audit.ts';

/** The pool, or a transaction on it: audit entries are written in the same transaction as the change. */
export type PgWriter = Pick<PgDb, 'insert'>;

/** recordAudit (api/audit.ts) on PostgreSQL: one entry, never answers. */
export async function recordAuditPg(db: PgWriter, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    userId: event.userId ?? null,
    action: event.action,
    surveyId: event.surveyId ?? null,
    target: event.target ?? null,
    details: event.details ?? null,
  });
}

export function postgresAudit(db: PgDb): AuditStore {
  return {
    record: (event) => recordAuditPg(db, event),
    list: (query) => db.select({
      id: auditLog.id, at: auditLog.at, user: users.email, action: auditLog.action, survey: surveys.slug, target: auditLog.target, details: auditLog.details,
    }).from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(surveys, eq(surveys.id, auditLog.surveyId))
      .where(and(
        query.survey === undefined ? undefined : eq(surveys.slug, query.survey),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.before === undefined ? undefined : lt(auditLog.id, query.before),
      ))
      .orderBy(desc(auditLog.id)).limit(query.limit),
  };
}
