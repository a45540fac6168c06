import { sha256 } from '../../../auth/secrets.ts';
import type { PgDb } from '../../pg/open.ts';
import type { RateLimitStore } from '../rate-limits.ts';

/** The database server's clock in milliseconds: one clock for every instance, whatever theirs say. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/**
 * One statement per attempt: a new key starts a window with 1; an existing one counts on, or starts
 * over when its window has passed. The row is locked for the update, so attempts from several
 * instances at once are each counted. RETURNING gives the count after this attempt.
 */
const HIT = `
  INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, ${NOW_MS}, 1)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.window_start <= excluded.window_start - $2::bigint THEN 1 ELSE r.count + 1 END,
    window_start = CASE WHEN r.window_start <= excluded.window_start - $2::bigint THEN excluded.window_start ELSE r.window_start END
  RETURNING count, window_start + $2::bigint - ${NOW_MS} AS remaining_ms`;

/** Windows of this scope that have passed: their rows go, so no hashed e-mail or address stays longer than needed. */
const PRUNE = `DELETE FROM rate_limits WHERE key LIKE $1 AND window_start <= ${NOW_MS} - $2::bigint`;

const PRUNE_EVERY_MS = 60_000;

/**
 * Rate limits in the database, shared by every instance: N instances behind a load balancer allow
 * `limit` attempts per window in all, not N times as many. A counter lost in a crash costs nothing,
 * so the attempt's transaction commits without waiting for the WAL flush (synchronous_commit off
 * for it alone; every other write keeps the connection's `on`).
 */
export function postgresRateLimits(db: PgDb): RateLimitStore {
  return {
    limiter: (scope, limit, windowMs) => {
      const keyOf = (key: string) => `${scope}:${sha256(key)}`;
      let prunedAt = 0;
      const prune = async () => {
        if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
        prunedAt = Date.now();
        await db.$client.query(PRUNE, [`${scope}:%`, windowMs]);
      };
      return {
        hit: async (key) => {
          await prune();
          const client = await db.$client.connect();
          try {
            await client.query('BEGIN');
            await client.query('SET LOCAL synchronous_commit = off');
            const { rows } = await client.query<{ count: number; remaining_ms: string }>(HIT, [keyOf(key), windowMs]);
            await client.query('COMMIT');
            const { count, remaining_ms: remaining } = rows[0]!;
            return count > limit ? Math.max(1, Math.ceil(Number(remaining) / 1000)) : 0;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            throw error;
          } finally {
            client.release();
          }
        },
        reset: async (key) => {
          await db.$client.query('DELETE FROM rate_limits WHERE key = $1', [keyOf(key)]);
        },
      };
    },
  };
}
