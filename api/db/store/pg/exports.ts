import { FIXED_COLUMNS } from '../../../exports/microdata-columns.ts';
import { planColumns } from '../../../exports/microdata-plan.ts';
import type { MicrodataRequest, StoredPage, StoredRow } from '../../../exports/microdata-stored.ts';
import type { Cell } from '../../../exports/csv-stream.ts';
import type { PgDb } from '../../pg/open.ts';
import type { StoredParadataRow } from '../../../paradata/stored.ts';
import type { ExportStore } from '../exports.ts';
import { postgresIndicatorStore } from './indicators.ts';
import { pgScanRows } from './text-widths.ts';

/** The fixed columns as SQLite gives them: is_synthetic as 0/1, rowid as a number. */
const FIXED_SQL = FIXED_COLUMNS.map((name) => (name === 'is_synthetic' ? 'r.is_synthetic::integer' : `r.${name}`)).join(', ');

/** A JSON answer as SQLite's json_extract gives it: booleans as 1/0, objects and arrays as JSON text. */
function extracted(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number;
}

/** `$."question"` (the plan's SQLite path) as the key PostgreSQL's `->` takes. */
function keyOf(path: string): string {
  const match = /^\$\."(.*)"$/.exec(path);
  if (!match) throw new Error(`unexpected JSON path ${path}`);
  return match[1]!;
}

/**
 * The microdata pages on PostgreSQL: the same rows in the same order as SQLite's storedPages
 * (per version, keyset by rowid, `rowMode: 'array'`), each with its packed values joined from
 * response_values (the JSON answers only where those are missing) and free-text answers taken
 * from the JSON. Each page is its own statement: between pages the connection goes back to the pool.
 * The paradata pages are read the same way; the native files' bound and scan are in text-widths.ts.
 */
export function postgresExports(db: PgDb): ExportStore {
  const pool = db.$client;
  return {
    storedPages: async function* (request: MicrodataRequest): AsyncGenerator<StoredPage> {
      const survey = await postgresIndicatorStore(db).surveyLayout(request.surveyId);
      const plans = planColumns(request.columns, survey.layout, survey.versions.map((entry) => entry.definition), request.values);
      const keys = plans.flatMap((plan) => (plan.source === 'json' ? [keyOf(plan.path)] : []));
      const waves = request.waves ?? [];
      const first = 7; // $1..$6 below, then the keys
      const text = `SELECT r.rowid::float8, ${FIXED_SQL}, v.answer_values, CASE WHEN v.answer_values IS NULL THEN r.answers::text END` +
        `${keys.map((_, index) => `, r.answers -> $${first + index}::text`).join('')} ` +
        'FROM responses r LEFT JOIN response_values v ON v.response_id = r.id ' +
        `WHERE r.survey_id = $1 AND r.version = $2 AND r.rowid > $3 AND r.rowid <= $4${waves.length > 0 ? ' AND r.wave = ANY($5::integer[])' : ' AND $5::integer[] IS NULL'} ` +
        'ORDER BY r.rowid LIMIT $6';
      const jsonAt = 1 + FIXED_COLUMNS.length + 2;
      for (const { version } of survey.versions) {
        let last = 0;
        for (;;) {
          const { rows } = await pool.query<unknown[]>({
            text, rowMode: 'array',
            values: [request.surveyId, version, last, request.upTo ?? Number.MAX_SAFE_INTEGER, waves.length > 0 ? waves : null, request.pageSize ?? 2000, ...keys],
          });
          if (rows.length === 0) break;
          for (const row of rows) for (let at = jsonAt; at < row.length; at++) row[at] = extracted(row[at]);
          last = rows[rows.length - 1]![0] as number;
          yield { rows: rows as StoredRow[], plans };
        }
      }
    },
    paradataPages: async function* (request): AsyncGenerator<StoredParadataRow[]> {
      const waves = request.waves ?? [];
      // The paradata as its JSON text (node-postgres would parse a json column), as SQLite stores it.
      const text = 'SELECT rowid::float8, id, version, mode, enumerator_id, started_at, completed_at, language, paradata::text FROM responses ' +
        `WHERE survey_id = $1 AND version = $2 AND rowid > $3${waves.length > 0 ? ' AND wave = ANY($4::integer[])' : ' AND $4::integer[] IS NULL'} ORDER BY rowid LIMIT $5`;
      for (const version of request.versions) {
        let last = 0;
        for (;;) {
          const { rows } = await pool.query<StoredParadataRow>({ text, rowMode: 'array', values: [request.surveyId, version, last, waves.length > 0 ? waves : null, request.pageSize ?? 2000] });
          if (rows.length === 0) break;
          last = rows[rows.length - 1]![0];
          yield rows;
        }
      }
    },
    exportBound: async () => {
      const { rows } = await pool.query<[number | null]>({ text: 'SELECT max(rowid)::float8 FROM responses', rowMode: 'array' });
      return rows[0]![0] ?? 0;
    },
    scanRows: (scope, versions, columns) => pgScanRows(pool, scope, versions, columns),
  };
}
