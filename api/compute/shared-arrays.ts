import { hasRoom, roomyCopy } from '../../analysis/growable.ts';

/** Typed arrays smaller than this are copied to the other thread; a copy costs less than sharing them. */
const SHARE_FROM_BYTES = 64 * 1024;

export type View = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

function sharedCopy(view: View): View {
  // A growable array (a design's indicator values) keeps its room, so rows appended later are
  // still written in place, in the shared buffer.
  if ((view instanceof Float64Array || view instanceof Float32Array || view instanceof Int32Array) && hasRoom(view)) return roomyCopy(view, true);
  const copy = new (view.constructor as new (buffer: SharedArrayBuffer) => View)(new SharedArrayBuffer(view.byteLength));
  copy.set(view);
  return copy;
}

const isBig = (value: unknown): value is View =>
  ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value.buffer instanceof SharedArrayBuffer) && value.byteLength >= SHARE_FROM_BYTES;

/**
 * Moves every large typed array inside `value` (objects, arrays, Maps, at any depth) to shared
 * memory, in place: the object then reaches the copies, the old arrays can be collected, so the
 * memory used does not grow. Posting it to another thread afterwards shares those arrays instead
 * of copying them (structured clone keeps a SharedArrayBuffer shared).
 *
 * `copies` (original → shared copy) is kept across calls, so an array reached from several places
 * is copied once and every place then reaches that one copy (else the original stays alive beside
 * it). With `only`, just the arrays it accepts are copied; others already in `copies` are still
 * replaced by their copy.
 *
 * Why: the compute thread's prepared design (hundreds of MB at a million responses) is read by a
 * second thread that sums half of a table's indicators (estimate-helper.ts); a copy per request
 * would cost more than the sums, and a copy kept there would double the memory.
 */
export function shareArrays<T>(value: T, copies = new Map<View, View>(), only: (view: View) => boolean = () => true, seen = new Set<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  const shared = (item: View): View | undefined => {
    let copy = copies.get(item);
    if (copy === undefined && only(item)) copies.set(item, (copy = sharedCopy(item)));
    return copy;
  };
  if (value instanceof Map) {
    for (const [key, item] of value) {
      if (!isBig(item)) shareArrays(item, copies, only, seen);
      else {
        const copy = shared(item);
        if (copy) value.set(key, copy);
      }
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (!isBig(item)) shareArrays(item, copies, only, seen);
    else {
      const copy = shared(item);
      if (copy) record[key] = copy;
    }
  }
  return value;
}
