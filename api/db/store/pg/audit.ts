import { and, desc, eq, lt } from 'drizzle-orm';
import type { PgDb } from '../../pg/open.ts';
import { auditLog, surveys, users } from '../../pg/schema.ts';
import type { AuditStore } from '../audit.ts';
import { recordAuditPg } from './audit-entry.ts';

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
