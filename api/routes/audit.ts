import { and, desc, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { parseWith } from '../body.ts';
import type { Db } from '../db/open.ts';
import { auditLog, surveys, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';

export const auditQuerySchema = z.strictObject({
  survey: z.string().max(80).optional(),
  action: z.string().max(80).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/audit — the audit log, newest first, for admins; `before` pages back by entry id. */
export function auditRoutes(db: Db) {
  return new Hono<AppEnv>().get('/', requireRole('admin'), (c) => {
    const query = parseWith(auditQuerySchema, c.req.query(), 'The filters are not in the expected form.');
    const rows = db.select({
      id: auditLog.id, at: auditLog.at, user: users.email, action: auditLog.action, survey: surveys.slug, target: auditLog.target, details: auditLog.details,
    }).from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .leftJoin(surveys, eq(surveys.id, auditLog.surveyId))
      .where(and(
        query.survey === undefined ? undefined : eq(surveys.slug, query.survey),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.before === undefined ? undefined : lt(auditLog.id, query.before),
      ))
      .orderBy(desc(auditLog.id)).limit(query.limit).all();
    return c.json({ entries: rows, nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null });
  });
}
