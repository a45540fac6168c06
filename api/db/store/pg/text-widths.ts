import type pg from 'pg';
import { FIXED_COLUMNS } from '../../../exports/microdata-columns.ts';
import { GSO_OVERHEAD, type RowScan, type RowScope } from '../../../exports/native/text-widths.ts';

/**
 * The text an answer has in the export, as SQLite's `json_extract` gives it (and as the
 * PostgreSQL microdata pages write it, pg/exports.ts): a string unquoted, a boolean as 1/0,
 * JSON null as no value, a number, object or array as its JSON text. `$n` is the answer's key.
 */
const answerText = (key: string) =>
  `CASE json_typeof(r.answers -> ${key}) WHEN 'string' THEN r.answers ->> ${key} ` +
  `WHEN 'boolean' THEN CASE WHEN r.answers ->> ${key} = 'true' THEN '1' ELSE '0' END ` +
  `WHEN 'null' THEN NULL ELSE (r.answers -> ${key})::text END`;

/**
 * scanRows (api/exports/native/text-widths.ts) on PostgreSQL: the same count, longest UTF-8 byte
 * length and Stata strL bytes per text column, one aggregate statement per version over the
 * (survey, version) index, so the .sav and .dta dictionaries come out as on SQLite.
 */
export async function pgScanRows(pool: pg.Pool, scope: RowScope, versions: readonly number[], columns: readonly string[]): Promise<RowScan> {
  const fixed = new Set<string>(FIXED_COLUMNS);
  const keys: string[] = [];
  const first = 5; // $1..$4 below, then the keys
  const measures = columns.map((column) => {
    let text: string;
    if (fixed.has(column)) text = `r."${column}"::text`;
    else {
      keys.push(column);
      text = answerText(`$${first + keys.length - 1}::text`);
    }
    return `max(octet_length(${text})), coalesce(sum(nullif(octet_length(${text}), 0) + ${GSO_OVERHEAD}), 0)::float8`;
  });
  const waves = scope.waves ?? [];
  const text = `SELECT count(*)::float8${measures.map((measure) => `, ${measure}`).join('')} FROM responses r ` +
    `WHERE r.survey_id = $1 AND r.version = $2 AND r.rowid <= $3${waves.length > 0 ? ' AND r.wave = ANY($4::integer[])' : ' AND $4::integer[] IS NULL'}`;
  const widths = new Map(columns.map((column) => [column, 0]));
  const strlBytes = new Map(columns.map((column) => [column, 0]));
  let rows = 0;
  for (const version of versions) {
    const result = await pool.query<(number | null)[]>({ text, rowMode: 'array', values: [scope.surveyId, version, scope.upTo, waves.length > 0 ? waves : null, ...keys] });
    const [count, ...measured] = result.rows[0]!;
    rows += count ?? 0;
    columns.forEach((column, index) => {
      widths.set(column, Math.max(widths.get(column)!, measured[2 * index] ?? 0));
      strlBytes.set(column, strlBytes.get(column)! + (measured[2 * index + 1] ?? 0));
    });
  }
  return { rows, widths, strlBytes };
}
