import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../db/open.ts';
import { ApiError } from '../errors.ts';

/** Liveness for load balancers and the fieldwork team: is the database answering? */
export function healthRoutes(db: Db) {
  return new Hono().get('/', (c) => {
    try {
      db.get(sql`select 1`);
    } catch {
      throw new ApiError(503, 'The database is not reachable.');
    }
    return c.json({ status: 'ok', database: 'reachable' });
  });
}
