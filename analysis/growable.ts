import { fitsFloat32 } from './columns.ts';

/**
 * Number arrays that grow in place. A growable array is a view on a larger buffer; rows appended
 * later (new responses) are written after it and a longer view is handed out, so the arrays of a
 * million rows (cached columns, a prepared design's indicator values and dimensions) are not
 * copied for each new response. Views handed out before keep their length and values: a buffer's
 * rows are only ever written past the end of every view on it.
 */

export type GrowableArray = Float64Array | Float32Array | Int32Array;
type ArrayType<T extends GrowableArray> = { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number };

// Per buffer, how many of its rows some view already covers: only rows beyond are free.
const usedRows = new WeakMap<ArrayBufferLike, number>();

// Whether new buffers are SharedArrayBuffers (see allocateShared).
let shared = false;

/**
 * From now on, growable arrays of this thread are allocated in shared memory, so that another
 * thread can read them without a copy (the compute thread, whose helper reads a prepared design's
 * values: api/compute/estimate-helper.ts). Their rows are read as from any other array.
 */
export function allocateShared(on: boolean): void {
  shared = on;
}

/**
 * A zero-filled array of `length`, in shared memory when allocateShared is on: for the large
 * arrays of a design and a table's plan (cells, row entries, layers), which the compute thread's
 * helper reads, so that they are not copied for it.
 *
 * @example
 * const cellOfEntry = shareableArray(Int32Array, entries);
 */
export function shareableArray<T extends GrowableArray>(Type: ArrayType<T>, length: number): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
}

/**
 * Spare rows allocated with an array: a thirty-second more (≈ 3 %; 31,000 new responses at a
 * million), so appends copy once per ≈ 3 % of growth while the room held costs little (with an
 * eighth, the room of a million-row table's columns and values was ≈ 80 MB).
 */
function withRoom(rows: number): number {
  return rows + Math.ceil(rows / 32) + 1024;
}

function roomy<T extends GrowableArray>(Type: ArrayType<T>, rows: number, inShared: boolean): T {
  const bytes = withRoom(rows) * Type.BYTES_PER_ELEMENT;
  const array = new Type(inShared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, rows);
  usedRows.set(array.buffer, rows);
  return array;
}

/**
 * A zero-filled Float64 column of `rows` rows with room to grow.
 *
 * @example
 * const weights = roomyColumn(1000); // weights.length === 1000
 */
export function roomyColumn(rows: number): Float64Array {
  return roomy(Float64Array, rows, shared);
}

/**
 * A zero-filled array of `length` with room to grow (in shared memory when allocateShared is on).
 *
 * @example
 * const rows = roomyArray(Int32Array, count);
 */
export function roomyArray<T extends GrowableArray>(Type: ArrayType<T>, length: number): T {
  return roomy(Type, length, shared);
}

/**
 * A copy of `array` with room to grow (in shared memory when `inShared`, else as allocateShared
 * says), so that rows appended to it later are written in place.
 *
 * @example
 * const values = roomyCopy(indicatorValues(data, indicator));
 */
export function roomyCopy<T extends GrowableArray>(array: T, inShared = shared): T {
  const copy = roomy(array.constructor as ArrayType<T>, array.length, inShared);
  copy.set(array);
  return copy;
}

/** Whether rows can still be appended to `array` in place (it was made roomy and nothing was appended after it). */
export function hasRoom(array: GrowableArray): boolean {
  const end = array.byteOffset / array.BYTES_PER_ELEMENT + array.length;
  return usedRows.get(array.buffer) === end && end < array.buffer.byteLength / array.BYTES_PER_ELEMENT;
}

/**
 * The first `rows` rows of a column made by `roomyColumn` or `roomyArray` (fewer than asked: rows
 * deleted during a scan), leaving the rest free.
 */
export function firstRows<T extends GrowableArray>(column: T, rows: number): T {
  if (rows === column.length) return column;
  const view = column.subarray(0, rows) as T;
  const start = column.byteOffset / column.BYTES_PER_ELEMENT;
  if (usedRows.get(column.buffer) === start + column.length) usedRows.set(column.buffer, start + rows);
  return view;
}

/**
 * `first` followed by `second` (whose values `first`'s type must hold exactly): written in place after `first` when nothing was appended to it
 * yet and its buffer has room, else copied into a new roomy array (in shared memory if `first`
 * was, so an array another thread reads stays readable there).
 *
 * @example
 * const longer = appendRows(cached, newRows); // cached itself is unchanged
 */
export function appendRows<T extends GrowableArray>(first: T, second: GrowableArray): T {
  const size = first.BYTES_PER_ELEMENT;
  const start = first.byteOffset / size;
  const end = start + first.length;
  const capacity = first.buffer.byteLength / size;
  if (usedRows.get(first.buffer) === end && end + second.length <= capacity) {
    const longer = new (first.constructor as ArrayType<T>)(first.buffer, first.byteOffset, first.length + second.length);
    longer.set(second, first.length);
    usedRows.set(first.buffer, end + second.length);
    return longer;
  }
  const both = roomy(first.constructor as ArrayType<T>, first.length + second.length, shared || first.buffer instanceof SharedArrayBuffer);
  both.set(first);
  both.set(second, first.length);
  return both;
}

/**
 * Number column `first` followed by `second`, never rounding a value: `appendRows` when `first`'s
 * type holds every value of `second` exactly (a Float64Array always does; a Float32Array when each
 * value is a float32), else both copied into a new roomy Float64Array (widening a float32 is exact).
 *
 * @example
 * const longer = appendNumbers(new Float32Array([1, 2]), Float64Array.of(0.1)); // Float64Array [1, 2, 0.1]
 */
export function appendNumbers(first: Float64Array | Float32Array, second: Float64Array | Float32Array): Float64Array | Float32Array {
  if (!(first instanceof Float32Array) || second instanceof Float32Array || fitsFloat32(second)) return appendRows(first, second);
  const both = roomy(Float64Array, first.length + second.length, shared || first.buffer instanceof SharedArrayBuffer);
  both.set(first);
  both.set(second, first.length);
  return both;
}
