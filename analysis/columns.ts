import type { Column, Columns, NumberColumn } from './types.ts';
import { AnalysisError, dataError } from './errors.ts';

/**
 * Number of rows in a set of columns; every column must have the same length.
 *
 * @example
 * rowCount({ a: new Float64Array(3), b: ['x', 'y', null] }); // => 3
 */
export function rowCount(data: Columns): number {
  let count: number | undefined;
  for (const [name, column] of Object.entries(data)) {
    if (count === undefined) count = column.length;
    else if (column.length !== count) {
      throw new AnalysisError(`column "${name}" has ${column.length} rows, expected ${count}`, { column: name });
    }
  }
  return count ?? 0;
}

/** The named column, or a one-line error that names it. */
export function requireColumn(data: Columns, name: string, purpose: string): Column {
  const column = data[name];
  if (column === undefined) {
    throw new AnalysisError(`column "${name}" (${purpose}) is not in the data`, { column: name });
  }
  return column;
}

function isBlank(value: string | number | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'string' && value.trim().toUpperCase() === 'NA');
}

/**
 * A column as numbers: a Float64Array is returned as is, a Float32Array as float64s; labels are parsed, blanks and "NA" become
 * NaN, anything else that is not a number is an error naming the column and the row.
 *
 * @example
 * numericColumn({ x: ['1', '', '2.5'] }, 'x', 'item'); // => Float64Array [1, NaN, 2.5]
 */
export function numericColumn(data: Columns, name: string, purpose: string): Float64Array {
  const column = requireColumn(data, name, purpose);
  if (column instanceof Float64Array) return column;
  // The same numbers, as float64s (for a caller that keeps them, such as weights).
  if (column instanceof Float32Array) return Float64Array.from(column);
  return labelsAsNumbers(column, name, purpose);
}

/**
 * `numericColumn` without a copy of a Float32Array column: for a caller that only reads the
 * numbers (an indicator's items, a dimension's members), each read being the same double.
 *
 * @example
 * numberColumn({ x: new Float32Array([1, NaN]) }, 'x', 'item'); // => Float32Array [1, NaN]
 */
export function numberColumn(data: Columns, name: string, purpose: string): NumberColumn {
  const column = requireColumn(data, name, purpose);
  return isNumberColumn(column) ? column : labelsAsNumbers(column, name, purpose);
}

/** Whether a column holds numbers (a Float64Array or Float32Array) rather than labels. */
export function isNumberColumn(column: Column): column is NumberColumn {
  return column instanceof Float64Array || column instanceof Float32Array;
}

/** Whether every value of `values` is exactly a float32 (NaN counts as one): a Float32Array then holds them all. */
export function fitsFloat32(values: ArrayLike<number>): boolean {
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (Math.fround(value) !== value && value === value) return false;
  }
  return true;
}

function labelsAsNumbers(column: readonly (string | number | null)[], name: string, purpose: string): Float64Array {
  const values = new Float64Array(column.length);
  for (let row = 0; row < column.length; row++) {
    const raw = column[row];
    if (isBlank(raw)) {
      values[row] = NaN;
      continue;
    }
    const parsed = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isFinite(parsed)) {
      throw dataError(name, row, `${purpose} needs a number, got "${String(raw)}"`);
    }
    values[row] = parsed;
  }
  return values;
}

/**
 * A column as category codes 0..k−1 (−1 = missing) with the labels in sorted order (numerically
 * when every label is a number, as R sorts a factor of numbers).
 *
 * @example
 * labelColumn({ r: ['b', 'a', null, 'b'] }, 'r', 'dimension');
 * // => { codes: Int32Array [1, 0, -1, 1], labels: ['a', 'b'] }
 */
export function labelColumn(data: Columns, name: string, purpose: string): { codes: Int32Array; labels: string[] } {
  const column = requireColumn(data, name, purpose);
  return isNumberColumn(column) ? numericLabels(column) : textLabels(column);
}

/** Category codes of a numeric column, labels sorted numerically (no string work per row). */
function numericLabels(column: NumberColumn): { codes: Int32Array; labels: string[] } {
  const seen = new Map<number, number>();
  const firstCodes = new Int32Array(column.length);
  for (let row = 0; row < column.length; row++) {
    const value = column[row] as number;
    if (value !== value) {
      firstCodes[row] = -1;
      continue;
    }
    let code = seen.get(value);
    if (code === undefined) {
      code = seen.size;
      seen.set(value, code);
    }
    firstCodes[row] = code;
  }
  const values = [...seen.keys()].sort((a, b) => a - b);
  const remap = new Int32Array(values.length);
  values.forEach((value, position) => {
    remap[seen.get(value) as number] = position;
  });
  for (let row = 0; row < column.length; row++) {
    const code = firstCodes[row] as number;
    if (code >= 0) firstCodes[row] = remap[code] as number;
  }
  return { codes: firstCodes, labels: values.map(String) };
}

/** Category codes of a label column, sorted numerically when every label is a number. */
function textLabels(column: readonly (string | number | null)[]): { codes: Int32Array; labels: string[] } {
  const raw: string[] = new Array<string>(column.length);
  const seen = new Map<string, number>();
  for (let row = 0; row < column.length; row++) {
    const value = column[row];
    if (isBlank(value)) {
      raw[row] = '';
      continue;
    }
    const label = typeof value === 'string' ? value.trim() : String(value);
    raw[row] = label;
    if (!seen.has(label)) seen.set(label, seen.size);
  }
  const labels = [...seen.keys()];
  const allNumeric = labels.every((label) => label !== '' && Number.isFinite(Number(label)));
  labels.sort(allNumeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((label, position) => [label, position]));
  const codes = new Int32Array(column.length);
  for (let row = 0; row < column.length; row++) {
    const label = raw[row] ?? '';
    codes[row] = label === '' ? -1 : (index.get(label) ?? -1);
  }
  return { codes, labels };
}

/**
 * The rows from `from` on of every column (number columns as views, not copies), so what is
 * derived row by row can be made for appended rows alone (see `appendPrepared`).
 *
 * @example
 * tailColumns({ a: new Float64Array([1, 2, 3]), b: ['x', 'y', 'z'] }, 2); // => { a: [3], b: ['z'] }
 */
export function tailColumns(data: Columns, from: number): Columns {
  const tail: Record<string, Column> = {};
  for (const [name, column] of Object.entries(data)) tail[name] = isNumberColumn(column) ? column.subarray(from) : column.slice(from);
  return tail;
}
