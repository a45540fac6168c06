import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { parseWith } from '../body.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';

export const auditQuerySchema = z.strictObject({
  survey: z.string().max(80).optional(),
  action: z.string().max(80).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/audit — the audit log, newest first, for admins; `before` pages back by entry id. */
export function auditRoutes(store: Store) {
  return new Hono<AppEnv>().get('/', requireRole('admin'), async (c) => {
    const query = parseWith(auditQuerySchema, c.req.query(), 'The filters are not in the expected form.');
    const rows = await store.audit.list(query);
    return c.json({ entries: rows, nextBefore: rows.length === query.limit ? rows.at(-1)!.id : null });
  });
}
