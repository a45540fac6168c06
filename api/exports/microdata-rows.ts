import type { Db } from '../db/open.ts';
import { surveyLayout } from '../indicators/survey-layout.ts';
import type { Cell } from './csv-stream.ts';
import { FIXED_COLUMNS, type MicrodataColumn } from './microdata-columns.ts';
import { columnLabels, planColumns, type ColumnPlan } from './microdata-plan.ts';

export interface MicrodataRequest {
  surveyId: number;
  columns: MicrodataColumn[];
  values: 'codes' | 'labels';
  waves?: number[];
  pageSize?: number;
}

/** rowid, the fixed columns, the packed values (null if not written yet), the JSON when they are missing, then one JSON extract per json column. */
type Stored = [number, ...Cell[]];
const FIXED = FIXED_COLUMNS.length;
const PACKED = 1 + FIXED;

/**
 * The microdata as pages of rows. Each page is one keyset query on (survey, version, rowid), the
 * order of the responses_survey_version index, so every page is a seek (a row-value comparison
 * on (version, rowid) made SQLite rescan the index from the start of the version on every page:
 * quadratic). Between pages other requests use the connection; memory is one page.
 *
 * Cells come from response_values' packed float64s where that is lossless (planColumns), so a
 * row is never JSON.parse'd in JavaScript; the remaining columns (free text) are extracted by
 * SQLite's json_extract. A response whose values are not written yet falls back to its JSON.
 */
export function* microdataPages(db: Db, request: MicrodataRequest): Generator<Cell[][]> {
  const waves = request.waves ?? [];
  const survey = surveyLayout(db, request.surveyId); // cached by content: no re-parsing per export
  const plans = planColumns(request.columns, survey.layout, survey.versions.map((entry) => entry.definition), request.values);
  const jsonPlans = plans.filter((plan) => plan.source === 'json');
  const statement = db.$client.prepare(
    `SELECT r.rowid, ${FIXED_COLUMNS.map((name) => `r.${name}`).join(', ')}, v.answer_values, ` +
    `CASE WHEN v.answer_values IS NULL THEN r.answers END${jsonPlans.map(() => ', json_extract(r.answers, ?)').join('')} ` +
    'FROM responses r LEFT JOIN response_values v ON v.response_id = r.id ' +
    `WHERE r.survey_id = ? AND r.version = ? AND r.rowid > ?${waves.length > 0 ? ` AND r.wave IN (${waves.map(() => '?').join(',')})` : ''} ` +
    'ORDER BY r.rowid LIMIT ?',
  ).raw();
  const paths = jsonPlans.map((plan) => plan.path);
  const versions = survey.versions.map((entry) => entry.version);
  const build = rowBuilder(request.columns, plans, request.values);
  for (const version of versions) {
    let last = 0;
    for (;;) {
      const rows = statement.all(...paths, request.surveyId, version, last, ...waves, request.pageSize ?? 2000) as Stored[];
      if (rows.length === 0) break;
      last = rows[rows.length - 1]![0];
      yield rows.map(build);
    }
  }
}

/** Turns a stored row into the export's cells, reusing one aligned buffer to read packed values. */
function rowBuilder(columns: MicrodataColumn[], plans: ColumnPlan[], values: 'codes' | 'labels'): (row: Stored) => Cell[] {
  let scratch = new Float64Array(64);
  let scratchBytes = new Uint8Array(scratch.buffer);
  const jsonLabels = columns.map((column) => columnLabels(column, values));
  return (row) => {
    const cells = row.slice(1, PACKED) as Cell[];
    const version = row[2] as number;
    const packed = row[PACKED] as unknown as Buffer | null;
    if (packed === null) return [...cells, ...columns.map((column, index) => jsonCell(column, JSON.parse(row[PACKED + 1] as string) as Record<string, unknown>, version, jsonLabels[index]!))];
    if (packed.length > scratchBytes.length) {
      scratch = new Float64Array(Math.ceil(packed.length / 8));
      scratchBytes = new Uint8Array(scratch.buffer);
    }
    packed.copy(scratchBytes);
    const filled = packed.length >> 3;
    let json = PACKED + 2;
    for (const plan of plans) {
      if (plan.source === 'json') {
        const value = row[json++] as Cell;
        cells.push(value === null ? null : (plan.labels?.get(String(value)) ?? value));
        continue;
      }
      const value = plan.position < filled ? scratch[plan.position]! : NaN;
      if (value !== value || (plan.member && !plan.versions.has(version))) cells.push(null);
      else if (plan.codes) cells.push(plan.codes[value] ?? null);
      else cells.push(plan.labels ? (plan.labels.get(String(value)) ?? value) : value);
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

export function microdataHeader(columns: MicrodataColumn[]): string[] {
  return [...FIXED_COLUMNS, ...columns.map((column) => column.name)];
}
