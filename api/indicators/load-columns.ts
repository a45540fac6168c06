import type { Column } from '../../analysis/index.ts';
import type { Db } from '../db/open.ts';
import type { Layout } from './layout.ts';

/** Response fields kept as typed columns of response_values (RESPONSE_COLUMNS of surveys/types.ts). */
export const RESPONSE_FIELDS = ['wave', 'weight', 'stratum', 'psu', 'language', 'mode'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export interface LoadRequest {
  surveyId: number;
  layout: Layout;
  /** Layout variables to load (question names or `<question>_<choice>`). */
  variables: readonly string[];
  /** Restrict to these waves (undefined: all). */
  waves?: readonly number[];
}

/** Loaded rows: the requested variables plus every typed response field, row-aligned. */
export interface LoadedColumns {
  rows: number;
  variables: Record<string, Column>;
  wave: Float64Array;
  weight: Float64Array;
  stratum: (string | null)[];
  psu: (string | null)[];
  language: string[];
  mode: string[];
}

/**
 * Loads only the named variables of a survey's responses from response_values, never the JSON
 * answers: one pass over the survey's rows reading the typed columns and, from each packed
 * blob, the positions asked for. Text-coded variables come back as their labels.
 */
export function loadColumns(db: Db, request: LoadRequest): LoadedColumns {
  const { layout, waves } = request;
  const where = `survey_id = ?${waves ? ` AND wave IN (${waves.map(() => '?').join(',')})` : ''}`;
  const parameters = [request.surveyId, ...(waves ?? [])];
  const rows = (db.$client.prepare(`SELECT count(*) FROM response_values WHERE ${where}`).pluck().get(...parameters) as number) ?? 0;
  const wanted = request.variables.map((name) => {
    const variable = layout.byName.get(name);
    if (!variable) throw new Error(`variable "${name}" is not in the survey's layout`);
    return variable;
  });
  const numbers = wanted.map((variable) => (variable.kind === 'code' ? null : new Float64Array(rows)));
  const labels = wanted.map((variable) => (variable.kind === 'code' ? new Array<string | null>(rows) : null));
  const loaded: LoadedColumns = {
    rows, variables: {}, wave: new Float64Array(rows), weight: new Float64Array(rows),
    stratum: new Array(rows), psu: new Array(rows), language: new Array(rows), mode: new Array(rows),
  };
  // One synchronous pass (nothing else can use the connection meanwhile, and nothing waits).
  // Each packed blob is copied once into an aligned buffer and read as a Float64Array.
  const statement = db.$client.prepare(
    `SELECT wave, weight, stratum, psu, language, mode, answer_values FROM response_values WHERE ${where}`,
  ).raw();
  const scratch = new Float64Array(layout.variables.length);
  const scratchBytes = new Uint8Array(scratch.buffer);
  const positions = Int32Array.from(wanted.map((variable) => variable.position));
  let row = 0;
  {
    for (const [wave, weight, stratum, psu, language, mode, packed] of statement.iterate(...parameters) as IterableIterator<[number | null, number | null, string | null, string | null, string, string, Buffer]>) {
      if (row >= rows) break; // rows added after the count: left for the next request
      loaded.wave[row] = wave ?? NaN;
      loaded.weight[row] = weight ?? NaN;
      loaded.stratum[row] = stratum;
      loaded.psu[row] = psu;
      loaded.language[row] = language;
      loaded.mode[row] = mode;
      const length = Math.min(packed.length, scratchBytes.length);
      packed.copy(scratchBytes, 0, 0, length);
      const filled = length >> 3;
      for (let index = 0; index < positions.length; index++) {
        const position = positions[index]!;
        const value = position < filled ? scratch[position]! : NaN;
        const numeric = numbers[index];
        if (numeric) numeric[row] = value;
        else labels[index]![row] = value === value ? (wanted[index]!.codes[value] ?? null) : null;
      }
      row++;
    }
  }
  wanted.forEach((variable, index) => {
    const numeric = numbers[index];
    const text = labels[index]!;
    if (!numeric) text.length = row;
    loaded.variables[variable.name] = numeric ? numeric.subarray(0, row) : text;
  });
  if (row < rows) truncate(loaded, row);
  return loaded;
}

/** Rows deleted between the count and the scan: drop the unused tail. */
function truncate(loaded: LoadedColumns, rows: number): void {
  loaded.rows = rows;
  loaded.wave = loaded.wave.subarray(0, rows);
  loaded.weight = loaded.weight.subarray(0, rows);
  loaded.stratum.length = rows;
  loaded.psu.length = rows;
  loaded.language.length = rows;
  loaded.mode.length = rows;
}
