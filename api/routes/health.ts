import { Hono } from 'hono';
import type { Store } from '../db/store/index.ts';
import { ApiError } from '../errors.ts';

/** Liveness for load balancers and the fieldwork team: is the database answering? */
export function healthRoutes(store: Store) {
  return new Hono().get('/', async (c) => {
    try {
      await store.health.ping();
    } catch {
      throw new ApiError(503, 'The database is not reachable.');
    }
    return c.json({ status: 'ok', database: 'reachable' });
  });
}
