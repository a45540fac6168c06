import type { Column } from './types.ts';
import { appendRows } from './growable.ts';
import { isNumberColumn } from './columns.ts';

/**
 * Label codes (as `labelColumn` makes them) of a column whose first rows were coded before:
 * what a design updated for appended rows (new responses) needs for its strata and calibration
 * margins, without looking up every earlier row's label again.
 */

function isBlank(value: string | number | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'string' && value.trim().toUpperCase() === 'NA');
}

/** The label `labelColumn` gives a row's value, '' when it is missing. */
export function labelOf(column: Column, row: number): string {
  if (isNumberColumn(column)) {
    const value = column[row] as number;
    return value !== value ? '' : String(value);
  }
  const value = column[row];
  if (isBlank(value)) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** Labels sorted as `labelColumn` sorts them (numerically for a number column or when every label is a number). */
function sortLabels(labels: string[], numberColumn: boolean): string[] {
  const allNumeric = numberColumn || labels.every((label) => label !== '' && Number.isFinite(Number(label)));
  return labels.sort(allNumeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * For each code, the label of the first row that has it (the labels of codes `labelColumn` made
 * of `column`'s first rows, when only the codes were kept: a calibration step's groups). Stops
 * at the row where the last code is first met.
 */
export function labelsOfCodes(codes: Int32Array, count: number, column: Column): string[] {
  const labels = new Array<string>(count);
  let found = 0;
  for (let row = 0; row < codes.length && found < count; row++) {
    const code = codes[row] as number;
    if (code < 0 || labels[code] !== undefined) continue;
    labels[code] = labelOf(column, row);
    found++;
  }
  return labels;
}

export interface AppendedLabels {
  /** Codes of every row (−1 missing), equal to `labelColumn`'s. */
  codes: Int32Array;
  labels: string[];
  /** Old code → new code when a new label sorted before earlier ones; null when the old codes stand. */
  remap: Int32Array | null;
}

/**
 * `labelColumn(column)` for a column whose first `previous.length` rows had the codes `previous`
 * with `labels`: the appended rows are looked up in those labels; a label they bring is sorted in
 * with the earlier ones (ties of numeric text labels such as "1" and "01" keep the order of first
 * appearance, as there: the earlier labels come first), and the earlier codes are renumbered only
 * if it sorts before one of them. Codes are written after the earlier ones in place when there is
 * room (growable.ts).
 */
export function appendLabelCodes(previous: Int32Array, labels: readonly string[], column: Column): AppendedLabels {
  const from = previous.length;
  const codeOf = new Map<string, number>();
  labels.forEach((label, code) => codeOf.set(label, code));
  const tail = new Int32Array(column.length - from);
  const added: string[] = [];
  for (let row = from; row < column.length; row++) {
    const label = labelOf(column, row);
    if (label === '') {
      tail[row - from] = -1;
      continue;
    }
    let code = codeOf.get(label);
    if (code === undefined) {
      code = labels.length + added.length;
      codeOf.set(label, code);
      added.push(label);
    }
    tail[row - from] = code;
  }
  if (added.length === 0) return { codes: appendRows(previous, tail), labels: [...labels], remap: null };
  const sorted = sortLabels([...labels, ...added], isNumberColumn(column));
  // Codes so far are positions in labels then added; position in the sorted labels instead.
  const position = new Int32Array(sorted.length);
  sorted.forEach((label, code) => {
    position[codeOf.get(label) as number] = code;
  });
  for (let index = 0; index < tail.length; index++) {
    const code = tail[index] as number;
    if (code >= 0) tail[index] = position[code] as number;
  }
  let moved = false;
  for (let code = 0; code < labels.length; code++) if (position[code] !== code) moved = true;
  if (!moved) return { codes: appendRows(previous, tail), labels: sorted, remap: null };
  const codes = new Int32Array(column.length);
  for (let row = 0; row < from; row++) {
    const code = previous[row] as number;
    codes[row] = code < 0 ? code : (position[code] as number);
  }
  codes.set(tail, from);
  return { codes, labels: sorted, remap: position.subarray(0, labels.length) };
}
