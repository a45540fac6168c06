import type { PgDb } from '../db/pg/open.ts';
import type { ChangeStamp } from './change-stamp.ts';

/**
 * The change stamp (./change-stamp.ts) on PostgreSQL: the same three index reads, in one
 * statement so they come from one snapshot. `rowid` is an explicit column there, handed out in
 * commit order (migration 0002 of api/db/migrations-pg), and the same triggers count deletions and
 * updates, so a cache compares stamps exactly as on SQLite. The stamp is read from the database,
 * not kept by the instance: another instance's writes and erasures are seen on the next read.
 */
export async function pgResponseChangeStamp(db: PgDb): Promise<ChangeStamp> {
  const { rows } = await db.$client.query(`SELECT
    (SELECT coalesce(max(rowid), 0) FROM response_values) AS inserted,
    (SELECT removed FROM response_changes WHERE id = 1) AS removed,
    (SELECT coalesce(max(rowid), 0) FROM responses) AS responses`);
  const row = rows[0] as Record<keyof ChangeStamp, string | number>;
  return { inserted: Number(row.inserted), removed: Number(row.removed), responses: Number(row.responses) };
}
