import type { Column } from '../../analysis/index.ts';
import type { Db } from '../db/open.ts';
import type { Layout, Variable } from './layout.ts';
import { ScanDecoder, type StoredRow } from './scan-decoder.ts';

/** The typed response fields of the scanned rows, row-aligned. */
export interface ScannedFields {
  wave: Float64Array;
  weight: Float64Array;
  stratum: (string | null)[];
  psu: (string | null)[];
  language: string[];
  mode: string[];
}

export interface Scan {
  rows: number;
  /** The highest response_values rowid scanned (0 if none): rows inserted later have higher ones. */
  maxRowid: number;
  /** Absent when the scan was asked for variables only. */
  fields?: ScannedFields;
  variables: Map<string, Column>;
}

/**
 * One synchronous pass over a survey's response_values rows (optionally some waves), decoded by
 * ScanDecoder (scan-decoder.ts). The same SQL text serves every scan of a survey and wave filter,
 * so the row order is the same each time (the (survey_id, wave) index's: by wave, then rowid) and
 * variables scanned later line up with fields scanned earlier. `afterRowid` reads only rows
 * inserted after an earlier scan (their rowids are higher). PostgreSQL's scan
 * (api/db/store/pg/column-scan.ts) gives the rows in the same order.
 */
export function scanColumns(db: Db, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid = 0): Scan {
  // One read transaction: the count and the rows come from the same snapshot while the writer
  // thread commits (WAL), so no row is left out below a highest rowid that was read.
  return db.$client.transaction(() => scanSnapshot(db, layout, surveyId, waves, wanted, withFields, afterRowid))();
}

function scanSnapshot(db: Db, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid: number): Scan {
  // Rows inserted after an earlier scan are found by rowid range, not through the (survey_id, wave)
  // index: the index would walk every row of the survey to find the few above `afterRowid` (≈ 0.1 s
  // for each of the count and the rows at a million responses). `+survey_id` keeps SQLite off the
  // index, and ORDER BY gives those rows in the index's order (by wave, NULL first, then rowid).
  const appended = afterRowid > 0;
  const where = `${appended ? '+' : ''}survey_id = ?${waves ? ` AND wave IN (${waves.map(() => '?').join(',')})` : ''} AND rowid > ?`;
  const parameters = [surveyId, ...(waves ?? []), afterRowid];
  const capacity = (db.$client.prepare(`SELECT count(*) FROM response_values WHERE ${where}`).pluck().get(...parameters) as number) ?? 0;
  const decoder = new ScanDecoder(layout, wanted, withFields, capacity, afterRowid);
  const statement = db.$client.prepare(`SELECT wave, weight, stratum, psu, language, mode, answer_values, rowid FROM response_values WHERE ${where}${appended ? ' ORDER BY wave, rowid' : ''}`).raw();
  let row = 0;
  for (const stored of statement.iterate(...parameters) as IterableIterator<StoredRow>) decoder.put(row++, stored);
  return decoder.finish(row);
}
