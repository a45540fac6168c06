import type pg from 'pg';
import type { Scan } from '../../../indicators/column-scan.ts';
import type { Layout, Variable } from '../../../indicators/layout.ts';
import { ScanDecoder, type StoredRow } from '../../../indicators/scan-decoder.ts';

/** Rows per page of the keyset scan: large enough that round trips are few, small enough to hold a page's blobs. */
const PAGE_ROWS = 20_000;

/**
 * The column scan (api/indicators/column-scan.ts) on PostgreSQL: one REPEATABLE READ, read-only
 * transaction on one pooled connection, so the counts and every page come from one snapshot while
 * other instances commit. Pages are read keyset by rowid (`rowid > last ORDER BY rowid LIMIT n`,
 * through the rowid index) as arrays (`rowMode: 'array'`: no object per row), never OFFSET.
 *
 * SQLite gives the rows in its (survey_id, wave) index's order: no wave first, then by wave, then
 * by rowid. The rows here arrive by rowid, so the rows of each wave are counted first (in the
 * same snapshot) and each row is decoded straight into its place in that order: the same rows in
 * the same order as on SQLite, so the engine's sums, and so the estimates, are equal to the bit.
 */
export async function pgScanColumns(pool: pg.Pool, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid = 0, upToRowid?: number): Promise<Scan> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const scan = await scanSnapshot(client, layout, surveyId, waves, wanted, withFields, afterRowid, upToRowid);
      await client.query('COMMIT');
      return scan;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    client.release();
  }
}

async function scanSnapshot(client: pg.PoolClient, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid: number, upToRowid: number | undefined): Promise<Scan> {
  const where = `survey_id = $1${waves ? ' AND wave = ANY($3::integer[])' : ''}${upToRowid === undefined ? '' : ` AND rowid <= ${Math.trunc(upToRowid)}`}`;
  const base = waves ? [surveyId, afterRowid, waves] : [surveyId, afterRowid];
  const counts = await client.query<[number | null, string]>({ text: `SELECT wave, count(*) FROM response_values WHERE ${where} AND rowid > $2 GROUP BY wave`, values: base, rowMode: 'array' });
  // Where each wave's rows start: no wave first, then ascending waves.
  const ordered = counts.rows.map(([wave, n]) => ({ wave, n: Number(n) }))
    .sort((a, b) => (a.wave === null ? -1 : b.wave === null ? 1 : a.wave - b.wave));
  const next = new Map<number | null, number>();
  let capacity = 0;
  for (const { wave, n } of ordered) {
    next.set(wave, capacity);
    capacity += n;
  }
  const decoder = new ScanDecoder(layout, wanted, withFields, capacity, afterRowid);
  const text = `SELECT wave, weight, stratum, psu, language, mode, answer_values, rowid::float8 FROM response_values WHERE ${where} AND rowid > $2 ORDER BY rowid LIMIT ${PAGE_ROWS}`;
  let last = afterRowid;
  let rows = 0;
  for (;;) {
    const page = await client.query<StoredRow>({ text, values: waves ? [surveyId, last, waves] : [surveyId, last], rowMode: 'array' });
    for (const stored of page.rows) {
      const at = next.get(stored[0])!;
      next.set(stored[0], at + 1);
      decoder.put(at, stored);
    }
    rows += page.rows.length;
    if (page.rows.length < PAGE_ROWS) break;
    last = page.rows[page.rows.length - 1]![7];
  }
  if (rows !== capacity) throw new Error(`response_values scan read ${rows} rows of the ${capacity} counted in the same snapshot`);
  return decoder.finish(rows);
}
