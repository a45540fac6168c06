import { describe, expect, it } from 'vitest';
import { allocateShared, appendRows, firstRows, hasRoom, roomyColumn, roomyCopy } from '../../analysis/growable.ts';

// Cached columns, and a prepared design's values and dimensions, grow with each new response;
// earlier views (held by a table being computed, or a kept design) must never see another value
// or length.
describe('growable columns', () => {
  it('append in place, leaving every earlier view as it was', () => {
    const first = roomyColumn(3);
    first.set([1, 2, 3]);
    const second = appendRows(first, Float64Array.from([4]));
    const third = appendRows(second, Float64Array.from([5, 6]));
    expect([...first]).toEqual([1, 2, 3]);
    expect([...second]).toEqual([1, 2, 3, 4]);
    expect([...third]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(third.buffer).toBe(first.buffer); // not copied
  });

  it('copy when appending to a view that was already extended, so the other branch keeps its rows', () => {
    const first = roomyColumn(2);
    first.set([1, 2]);
    const kept = appendRows(first, Float64Array.from([3]));
    const branch = appendRows(first, Float64Array.from([9]));
    expect([...kept]).toEqual([1, 2, 3]);
    expect([...branch]).toEqual([1, 2, 9]);
    expect(branch.buffer).not.toBe(first.buffer);
  });

  it('copy into a larger column when the room runs out, and after a scan ended short', () => {
    let column = roomyColumn(0);
    for (let row = 0; row < 5000; row++) column = appendRows(column, Float64Array.from([row]));
    expect(column.length).toBe(5000);
    expect(column.every((value, row) => value === row)).toBe(true);
    const scanned = roomyColumn(10);
    scanned.set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const short = firstRows(scanned, 4);
    expect([...appendRows(short, Float64Array.from([40]))]).toEqual([0, 1, 2, 3, 40]);
    expect([...short]).toEqual([0, 1, 2, 3]);
  });

  it('grow code arrays (Int32) in place too, from a roomy copy, and a shared one stays shared', () => {
    const codes = roomyCopy(Int32Array.from([3, -1, 2]));
    const longer = appendRows(codes, Int32Array.from([7]));
    expect([...codes]).toEqual([3, -1, 2]);
    expect([...longer]).toEqual([3, -1, 2, 7]);
    expect(longer.buffer).toBe(codes.buffer);
    // An array made exactly (no room) is copied the first time, into a roomy one.
    const exact = Int32Array.from([1]);
    expect(hasRoom(exact)).toBe(false);
    const grown = appendRows(exact, Int32Array.from([2]));
    expect([...grown]).toEqual([1, 2]);
    expect(hasRoom(grown)).toBe(true);
    // Another thread reads shared arrays: one copied when its room runs out stays in shared memory.
    let shared: Float64Array = roomyCopy(Float64Array.from([1]), true);
    for (let row = 0; row < 3000; row++) shared = appendRows(shared, Float64Array.from([row]));
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared[3000]).toBe(2999);
    allocateShared(true);
    try {
      expect(roomyColumn(4).buffer).toBeInstanceOf(SharedArrayBuffer);
    } finally {
      allocateShared(false);
    }
    expect(roomyColumn(4).buffer).toBeInstanceOf(ArrayBuffer);
  });
});
