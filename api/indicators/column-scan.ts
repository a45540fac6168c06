import type { Column } from '../../analysis/index.ts';
import type { Db } from '../db/open.ts';
import { firstRows, roomyColumn } from '../../analysis/growable.ts';
import type { Layout, Variable } from './layout.ts';

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

type Stored = [number | null, number | null, string | null, string | null, string, string, Buffer, number];

/**
 * One synchronous pass over a survey's response_values rows (optionally some waves), decoding the
 * asked-for positions of each packed blob straight into preallocated Float64Arrays (text-coded
 * variables into their texts). Nothing per row survives but the values: the blob is copied once
 * into an aligned scratch buffer, and repeated texts (stratum, PSU, language, mode) are interned
 * so a cached copy holds one string per distinct value rather than one per row.
 * The same SQL text serves every scan of a survey and wave filter, so the row order is the same
 * each time and variables scanned later line up with fields scanned earlier. `afterRowid` reads
 * only rows inserted after an earlier scan (their rowids are higher).
 */
export function scanColumns(db: Db, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid = 0): Scan {
  // One read transaction: the count and the rows come from the same snapshot while the writer
  // thread commits (WAL), so no row is left out below a highest rowid that was read.
  return db.$client.transaction(() => scanSnapshot(db, layout, surveyId, waves, wanted, withFields, afterRowid))();
}

function scanSnapshot(db: Db, layout: Layout, surveyId: number, waves: readonly number[] | undefined, wanted: readonly Variable[], withFields: boolean, afterRowid: number): Scan {
  const where = `survey_id = ?${waves ? ` AND wave IN (${waves.map(() => '?').join(',')})` : ''} AND rowid > ?`;
  const parameters = [surveyId, ...(waves ?? []), afterRowid];
  const capacity = (db.$client.prepare(`SELECT count(*) FROM response_values WHERE ${where}`).pluck().get(...parameters) as number) ?? 0;
  const numbers = wanted.map((variable) => (variable.kind === 'code' ? null : roomyColumn(capacity)));
  const labels = wanted.map((variable) => (variable.kind === 'code' ? new Array<string | null>(capacity).fill(null) : null));
  const fields: ScannedFields | undefined = withFields
    ? { wave: roomyColumn(capacity), weight: roomyColumn(capacity), stratum: new Array(capacity), psu: new Array(capacity), language: new Array(capacity), mode: new Array(capacity) }
    : undefined;
  const intern = new Map<string, string>();
  const shared = (text: string | null): string | null => {
    if (text === null) return null;
    const found = intern.get(text);
    if (found !== undefined) return found;
    intern.set(text, text);
    return text;
  };
  const statement = db.$client.prepare(`SELECT wave, weight, stratum, psu, language, mode, answer_values, rowid FROM response_values WHERE ${where}`).raw();
  const scratch = new Float64Array(layout.variables.length);
  const scratchBytes = new Uint8Array(scratch.buffer);
  const positions = Int32Array.from(wanted.map((variable) => variable.position));
  const count = positions.length;
  let row = 0;
  let maxRowid = afterRowid;
  for (const stored of statement.iterate(...parameters) as IterableIterator<Stored>) {
    if (stored[7] > maxRowid) maxRowid = stored[7];
    if (fields) {
      fields.wave[row] = stored[0] ?? NaN;
      fields.weight[row] = stored[1] ?? NaN;
      fields.stratum[row] = shared(stored[2]);
      fields.psu[row] = shared(stored[3]);
      fields.language[row] = shared(stored[4])!;
      fields.mode[row] = shared(stored[5])!;
    }
    const packed = stored[6];
    const length = Math.min(packed.length, scratchBytes.length);
    packed.copy(scratchBytes, 0, 0, length);
    const filled = length >> 3;
    for (let index = 0; index < count; index++) {
      const position = positions[index]!;
      const value = position < filled ? scratch[position]! : NaN;
      const numeric = numbers[index];
      if (numeric) numeric[row] = value;
      else if (value === value) labels[index]![row] = wanted[index]!.codes[value] ?? null;
    }
    row++;
  }
  const variables = new Map<string, Column>();
  wanted.forEach((variable, index) => {
    const numeric = numbers[index];
    const text = labels[index]!;
    if (!numeric) text.length = row; // rows deleted between the count and the scan
    variables.set(variable.name, numeric ? firstRows(numeric, row) : text);
  });
  if (fields && row < capacity) {
    fields.wave = firstRows(fields.wave, row);
    fields.weight = firstRows(fields.weight, row);
    for (const list of [fields.stratum, fields.psu, fields.language, fields.mode]) list.length = row;
  }
  return { rows: row, maxRowid, ...(fields ? { fields } : {}), variables };
}
