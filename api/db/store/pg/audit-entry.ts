import type { AuditEvent } from '../../../audit.ts';
import type { PgDb } from '../../pg/open.ts';
import { auditLog } from '../../pg/schema.ts';

/** The pool, or a transaction on it: an audit entry is written in the same transaction as its change. */
export type PgWriter = Pick<PgDb, 'insert'> | Parameters<Parameters<PgDb['transaction']>[0]>[0];

/** api/audit.ts's recordAudit on PostgreSQL: one appended entry, never answers. */
export async function recordAuditPg(db: PgWriter, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    userId: event.userId ?? null,
    action: event.action,
    surveyId: event.surveyId ?? null,
    target: event.target ?? null,
    details: event.details ?? null,
  });
}
