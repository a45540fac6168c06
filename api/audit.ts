import type { Db } from './db/open.ts';
import { auditLog } from './db/schema.ts';

export interface AuditEvent {
  userId: number | null | undefined;
  action: string;
  surveyId?: number | null;
  target?: string | null;
  details?: unknown;
}

/** Appends one entry to the audit log: who did what, to which survey. Never records answers. */
export function recordAudit(db: Db, event: AuditEvent): void {
  db.insert(auditLog).values({
    userId: event.userId ?? null,
    action: event.action,
    surveyId: event.surveyId ?? null,
    target: event.target ?? null,
    details: event.details ?? null,
  }).run();
}
