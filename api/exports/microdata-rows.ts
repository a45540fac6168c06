import type { Db } from '../db/open.ts';
import type { Cell } from './csv-stream.ts';
import { FIXED_COLUMNS, valueLabels, type MicrodataColumn } from './microdata-columns.ts';

export interface MicrodataRequest {
  surveyId: number;
  columns: MicrodataColumn[];
  values: 'codes' | 'labels';
  waves?: number[];
  pageSize?: number;
}

type Stored = [number, string, number, string, string, number | null, string | null, string | null, number | null, string | null, string | null, string, string];

/**
 * The microdata as pages of rows, read by keyset paging on (version, rowid) (never one long-running query,
 * so other requests use the connection between pages; memory is one page).
 */
export function* microdataPages(db: Db, request: MicrodataRequest): Generator<Cell[][]> {
  const waves = request.waves ?? [];
  const statement = db.$client.prepare(
    'SELECT rowid, id, version, language, mode, wave, stratum, psu, weight, started_at, completed_at, received_at, answers FROM responses ' +
    `WHERE survey_id = ? AND (version, rowid) > (?, ?)${waves.length > 0 ? ` AND wave IN (${waves.map(() => '?').join(',')})` : ''} ORDER BY version, rowid LIMIT ?`,
  ).raw();
  const labels = request.values === 'labels'
    ? request.columns.map((column) => (column.kind === 'member' || !Array.isArray(column.json.choices) ? null : new Map(valueLabels(column).map(({ value, label }) => [String(value), label]))))
    : null;
  // Keyset paging in the order of the (survey_id, version) index: each page is a seek, not a sort.
  let last: [number, number] = [0, 0];
  for (;;) {
    const rows = statement.all(request.surveyId, ...last, ...waves, request.pageSize ?? 2000) as Stored[];
    if (rows.length === 0) return;
    const end = rows[rows.length - 1]!;
    last = [end[2], end[0]];
    yield rows.map((row) => {
      const answers = JSON.parse(row[12]) as Record<string, unknown>;
      const version = row[2];
      const cells: Cell[] = row.slice(1, 1 + FIXED_COLUMNS.length) as Cell[];
      request.columns.forEach((column, index) => {
        const answer = answers[column.question];
        if (column.kind === 'member') {
          cells.push(Array.isArray(answer) && column.versions.includes(version) ? (answer.map(String).includes(String(column.choice)) ? 1 : 0) : null);
          return;
        }
        if (answer === undefined || answer === null) return cells.push(null);
        if (typeof answer === 'object') return cells.push(JSON.stringify(answer));
        const value = typeof answer === 'boolean' ? (answer ? 1 : 0) : answer as string | number;
        cells.push(labels?.[index]?.get(String(value)) ?? value);
      });
      return cells;
    });
  }
}

export function microdataHeader(columns: MicrodataColumn[]): string[] {
  return [...FIXED_COLUMNS, ...columns.map((column) => column.name)];
}
