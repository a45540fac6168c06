import type { Db } from '../../db/open.ts';
import { FIXED_COLUMNS } from '../microdata-columns.ts';

/** Bytes a Stata strL record adds to its text: "GSO", v (4), o (8), type (1), length (4), the closing null. */
export const GSO_OVERHEAD = 21;

/** Which responses an export reads: a survey, optionally some waves, rows up to a rowid (fixed when the export starts). */
export interface RowScope {
  surveyId: number;
  waves?: number[];
  upTo: number;
}

/** What the scan before a native file finds: the responses in scope, and per text column its longest value and strL bytes. */
export interface RowScan {
  rows: number;
  widths: Map<string, number>;
  strlBytes: Map<string, number>;
}

/** The highest rowid when an export starts: responses stored later (higher rowids) are left to the next export. */
export function exportBound(db: Db): number {
  return (db.$client.prepare('SELECT max(rowid) FROM responses').pluck().get() as number | null) ?? 0;
}

/**
 * The number of responses in scope, and the longest value in UTF-8 bytes of each text column, read
 * by SQLite in one pass per version before the file is written: SPSS and Stata give a string
 * variable a fixed width in the dictionary, ahead of the data (and a .dta states its row count),
 * and a width taken from the data keeps files small (a 10,000-character limit for every comment
 * would cost ~4 KB per row even compressed). Fixed columns are read as stored; answers by
 * `json_extract` on the key the CSV column comes from (a question, or `<q>-Comment`), the text the
 * microdata export writes (objects as JSON); also the bytes each column's non-empty texts would take
 * as Stata strL records (the .dta map gives the offsets of what follows them). Each version is read through the (survey, version)
 * index in rowid order, as the export reads it: through another index SQLite jumps around the
 * table (8.4 s instead of 1.6 s for a million responses).
 */
export function scanRows(db: Db, scope: RowScope, versions: readonly number[], columns: readonly string[]): RowScan {
  const fixed = new Set<string>(FIXED_COLUMNS);
  const waves = scope.waves ?? [];
  const paths: string[] = [];
  const measures = columns.map((column) => {
    if (fixed.has(column)) return `max(length(CAST(r."${column}" AS BLOB))), coalesce(sum(nullif(length(CAST(r."${column}" AS BLOB)), 0) + ${GSO_OVERHEAD}), 0)`;
    const path = `$."${column.replaceAll('"', '\\"')}"`;
    paths.push(path, path);
    return `max(length(CAST(json_extract(r.answers, ?) AS BLOB))), coalesce(sum(nullif(length(CAST(json_extract(r.answers, ?) AS BLOB)), 0) + ${GSO_OVERHEAD}), 0)`;
  });
  const statement = db.$client.prepare(
    `SELECT count(*)${measures.map((measure) => `, ${measure}`).join('')} FROM responses r ` +
    `WHERE r.survey_id = ? AND r.version = ? AND r.rowid <= ?${waves.length > 0 ? ` AND r.wave IN (${waves.map(() => '?').join(',')})` : ''}`,
  ).raw();
  const widths = new Map(columns.map((column) => [column, 0]));
  const strlBytes = new Map(columns.map((column) => [column, 0]));
  let rows = 0;
  for (const version of versions) {
    const [count, ...measured] = statement.get(...paths, scope.surveyId, version, scope.upTo, ...waves) as (number | null)[];
    rows += count ?? 0;
    columns.forEach((column, index) => {
      widths.set(column, Math.max(widths.get(column)!, measured[2 * index] ?? 0));
      strlBytes.set(column, strlBytes.get(column)! + (measured[2 * index + 1] ?? 0));
    });
  }
  return { rows, widths, strlBytes };
}
