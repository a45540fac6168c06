/**
 * Float64 columns that grow in place. A cached column is a view on a larger buffer; rows appended
 * later (new responses) are written after it and a longer view is handed out, so the arrays of a
 * million rows are not copied for each new response. Views handed out before keep their length and
 * values: a buffer's rows are only ever written past the end of every view on it.
 */

// Per buffer, how many of its rows some view already covers: only rows beyond are free.
const usedRows = new WeakMap<ArrayBufferLike, number>();

/** Spare rows allocated with a column: an eighth more, so appends copy once per ~12 % of growth. */
function withRoom(rows: number): number {
  return rows + Math.ceil(rows / 8) + 1024;
}

/**
 * A zero-filled column of `rows` rows with room to grow.
 *
 * @example
 * const weights = roomyColumn(1000); // weights.length === 1000
 */
export function roomyColumn(rows: number): Float64Array {
  const column = new Float64Array(withRoom(rows)).subarray(0, rows);
  usedRows.set(column.buffer, rows);
  return column;
}

/**
 * The first `rows` rows of a column made by `roomyColumn` (fewer than asked: rows deleted during
 * a scan), leaving the rest free.
 */
export function firstRows(column: Float64Array, rows: number): Float64Array {
  if (rows === column.length) return column;
  const view = column.subarray(0, rows);
  if (usedRows.get(column.buffer) === column.byteOffset / 8 + column.length) usedRows.set(column.buffer, column.byteOffset / 8 + rows);
  return view;
}

/**
 * `first` followed by `second`: written in place after `first` when nothing was appended to it
 * yet and its buffer has room, else copied into a new roomy column.
 *
 * @example
 * const longer = appendRows(cached, newRows); // cached itself is unchanged
 */
export function appendRows(first: Float64Array, second: Float64Array): Float64Array {
  const start = first.byteOffset / 8;
  const end = start + first.length;
  const capacity = first.buffer.byteLength / 8;
  if (usedRows.get(first.buffer) === end && end + second.length <= capacity) {
    const longer = new Float64Array(first.buffer, first.byteOffset, first.length + second.length);
    longer.set(second, first.length);
    usedRows.set(first.buffer, end + second.length);
    return longer;
  }
  const both = roomyColumn(first.length + second.length);
  both.set(first);
  both.set(second, first.length);
  return both;
}
