import type { Db } from '../db/open.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';
import type { Cell } from './csv-stream.ts';
import { FIXED_COLUMNS, type MicrodataColumn } from './microdata-columns.ts';
import { packedFiller } from './microdata-packed.ts';
import { columnLabels, planColumns, type ColumnPlan } from './microdata-plan.ts';

export interface MicrodataRequest {
  surveyId: number;
  columns: MicrodataColumn[];
  values: 'codes' | 'labels';
  waves?: number[];
  /** Read responses up to this rowid only (a native file states its dictionary, widths and row count before the data). */
  upTo?: number;
  pageSize?: number;
}

/** rowid, the fixed columns, the packed values (null if not written yet), the JSON when they are missing, then one JSON extract per json column. */
export type StoredRow = [number, ...Cell[]];
export const FIXED = FIXED_COLUMNS.length;
export const PACKED = 1 + FIXED;
/** Where a stored row holds its questionnaire version (after the rowid). */
export const VERSION_AT = 1 + FIXED_COLUMNS.indexOf('version');

/** A page of stored rows with what is needed to turn them into cells. */
export interface StoredPage {
  rows: StoredRow[];
  plans: ColumnPlan[];
}

/**
 * The stored rows of a microdata export, page by page. Each page is one keyset query on (survey,
 * version, rowid), the order of the responses_survey_version index, so every page is a seek (a
 * row-value comparison on (version, rowid) made SQLite rescan the index from the start of the
 * version on every page: quadratic). Between pages other requests use the connection; memory is
 * one page.
 *
 * Cells come from response_values' packed float64s where that is lossless (planColumns), so a
 * row is never JSON.parse'd in JavaScript; the remaining columns (free text) are extracted by
 * SQLite's json_extract. The packed values are attached by packedFiller (no join); a response
 * whose values are not written yet falls back to its JSON.
 */
export function* storedPages(db: Db, request: MicrodataRequest): Generator<StoredPage> {
  const waves = request.waves ?? [];
  const survey = surveyLayout(db, request.surveyId); // cached by content: no re-parsing per export
  const plans = planColumns(request.columns, survey.layout, survey.versions.map((entry) => entry.definition), request.values);
  const paths = plans.flatMap((plan) => (plan.source === 'json' ? [plan.path] : []));
  const statement = db.$client.prepare(
    // NULL, NULL: the slots for the packed values and the JSON fallback, filled by packedFiller.
    `SELECT r.rowid, ${FIXED_COLUMNS.map((name) => `r.${name}`).join(', ')}, NULL, NULL${paths.map(() => ', json_extract(r.answers, ?)').join('')} ` +
    'FROM responses r ' +
    `WHERE r.survey_id = ? AND r.version = ? AND r.rowid > ? AND r.rowid <= ?${waves.length > 0 ? ` AND r.wave IN (${waves.map(() => '?').join(',')})` : ''} ` +
    'ORDER BY r.rowid LIMIT ?',
  ).raw();
  const fill = packedFiller(db, { id: 1, packed: PACKED, answers: PACKED + 1 });
  for (const { version } of survey.versions) {
    let last = 0;
    for (;;) {
      const rows = statement.all(...paths, request.surveyId, version, last, request.upTo ?? Number.MAX_SAFE_INTEGER, ...waves, request.pageSize ?? 2000) as StoredRow[];
      if (rows.length === 0) break;
      last = rows[rows.length - 1]![0];
      fill(rows);
      yield { rows, plans };
    }
  }
}

/** Reads a stored row's packed values through one reused aligned buffer. */
export function packedReader(): (packed: Buffer) => { values: Float64Array; filled: number } {
  let values = new Float64Array(64);
  let bytes = new Uint8Array(values.buffer);
  return (packed) => {
    if (packed.length > bytes.length) {
      values = new Float64Array(Math.ceil(packed.length / 8));
      bytes = new Uint8Array(values.buffer);
    }
    packed.copy(bytes);
    return { values, filled: packed.length >> 3 };
  };
}

/** Turns a stored row into the export's cells. */
export function rowBuilder(columns: MicrodataColumn[], plans: ColumnPlan[], values: 'codes' | 'labels'): (row: StoredRow) => Cell[] {
  const read = packedReader();
  const jsonLabels = columns.map((column) => columnLabels(column, values));
  return (row) => {
    const cells = new Array<Cell>(FIXED + plans.length);
    for (let index = 0; index < FIXED; index++) cells[index] = row[index + 1]!;
    const version = row[VERSION_AT] as number;
    const packed = row[PACKED] as unknown as Buffer | null;
    if (packed === null) {
      const answers = JSON.parse(row[PACKED + 1] as string) as Record<string, unknown>;
      columns.forEach((column, index) => { cells[FIXED + index] = jsonCell(column, answers, version, jsonLabels[index]!); });
      return cells;
    }
    const { values: stored, filled } = read(packed);
    let json = PACKED + 2;
    for (let index = 0; index < plans.length; index++) {
      const plan = plans[index]!;
      let cell: Cell;
      if (plan.source === 'json') {
        const value = row[json++] as Cell;
        cell = value === null ? null : (plan.labels?.get(String(value)) ?? value);
      } else {
        const value = plan.position < filled ? stored[plan.position]! : NaN;
        if (value !== value || (plan.member && !plan.versions.has(version))) cell = null;
        else if (plan.codes) cell = plan.codes[value] ?? null;
        else cell = plan.labels ? (plan.labels.get(String(value)) ?? value) : value;
      }
      cells[FIXED + index] = cell;
    }
    return cells;
  };
}

/** A cell from the parsed JSON answers (responses whose packed values are not written yet). */
function jsonCell(column: MicrodataColumn, answers: Record<string, unknown>, version: number, labels: Map<string, string> | null): Cell {
  const answer = answers[column.question];
  if (column.kind === 'member') {
    return Array.isArray(answer) && column.versions.includes(version) ? (answer.map(String).includes(String(column.choice)) ? 1 : 0) : null;
  }
  if (answer === undefined || answer === null) return null;
  if (typeof answer === 'object') return JSON.stringify(answer);
  const value = typeof answer === 'boolean' ? (answer ? 1 : 0) : answer as string | number;
  return labels?.get(String(value)) ?? value;
}
