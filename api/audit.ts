import type { Db } from './db/open.ts';
import { auditLog } from './db/schema.ts';

export interface AuditEvent {
  userId: number | null | undefined;
  action: string;
  surveyId?: number | null;
  target?: string | null;
  details?: unknown;
}

/** The database, or a transaction on it: audit entries are written in the same transaction as the change. */
type Writer = Pick<Db, 'insert'> | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Appends one entry to the audit log: who did what, to which survey. Never records answers. */
export function recordAudit(db: Writer, event: AuditEvent): void {
  db.insert(auditLog).values({
    userId: event.userId ?? null,
    action: event.action,
    surveyId: event.surveyId ?? null,
    target: event.target ?? null,
    details: event.details ?? null,
  }).run();
}
