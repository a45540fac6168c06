import { sql } from 'drizzle-orm';
import type { Db } from '../open.ts';

/** Is the database answering? For the health route that load balancers poll. */
export interface HealthStore {
  /** Resolves when the database answers a trivial query; rejects when it does not. */
  ping(): Promise<void>;
}

export function sqliteHealth(db: Db): HealthStore {
  return {
    ping: async () => {
      db.get(sql`select 1`);
    },
  };
}
