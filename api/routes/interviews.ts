import { Hono } from 'hono';
import { requireRole } from '../auth/middleware.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';

/** GET /api/interviews — the published surveys an enumerator is assigned to interview for. */
export function interviewRoutes(store: Store) {
  return new Hono<AppEnv>().get('/', requireRole('enumerator'), async (c) => {
    return c.json({ surveys: await store.responses.interviews(c.get('auth')!.user.id) });
  });
}
