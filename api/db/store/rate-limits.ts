import { RateLimiter } from '../../auth/rate-limit.ts';

/** Counts attempts for one limit (`limit` per `windowMs`), keyed by what is limited. */
export interface Limiter {
  /**
   * Counts one attempt for `key`: the seconds to wait when the limit is exceeded, else 0. A number
   * at once where the counts are in memory (SQLite), so a submission awaits nothing for it.
   */
  hit(key: string): number | Promise<number>;
  /** Forgets the attempts of `key` (a successful sign-in). */
  reset(key: string): Promise<void>;
}

/** Rate limits (sign-in, anonymous submissions): where the attempts are counted. */
export interface RateLimitStore {
  /** A limiter named `scope` (which limit it is, e.g. "sign-in-account"). */
  limiter(scope: string, limit: number, windowMs: number): Limiter;
}

/**
 * On SQLite the counts stay in memory, in the process: a SQLite database has one API instance, so
 * there is nothing to share, and a counter written per attempt would put a synchronous commit
 * (an fsync) on the request thread for every submission.
 */
export function sqliteRateLimits(): RateLimitStore {
  return {
    limiter: (_scope, limit, windowMs) => {
      const limiter = new RateLimiter(limit, windowMs);
      return {
        hit: (key) => limiter.hit(key),
        reset: async (key) => limiter.reset(key),
      };
    },
  };
}
