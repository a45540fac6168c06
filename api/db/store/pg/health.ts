import type { PgDb } from '../../pg/open.ts';
import type { HealthStore } from '../health.ts';

export function postgresHealth(pg: PgDb): HealthStore {
  return {
    ping: async () => {
      await pg.$client.query('select 1');
    },
  };
}
