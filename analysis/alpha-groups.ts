import type { NumberColumn } from './types.ts';
import type { DomainLayer } from './domains.ts';
import { alphaResult, type AlphaResult } from './alpha-result.ts';

/** How one item of a scale is read: its stored values, its missing codes, the range it is mirrored in (reversed items). */
export interface ItemReading {
  column: NumberColumn;
  missing: readonly number[];
  mirror: readonly [number, number] | null;
}

/** Items of one scale, row-aligned, with what alpha needs to know of each row. */
export interface ScaleRows {
  /** Number of items. */
  k: number;
  /**
   * When every item takes whole values in a short range (a 1–5 scale): each row's combination of
   * values as one number, Σ (value_i − minimum_i) · stride_i, or −1 when an item is missing.
   */
  patterns: { code: Int32Array; minimum: Float64Array; stride: Int32Array; span: Int32Array; count: number } | null;
  /** Otherwise the items' values as read (NaN when missing). */
  columns: Float64Array[] | null;
  /** 1 for complete rows (every item valid): alpha's complete cases, R's `na.omit`. */
  complete: Uint8Array;
}

/** Combinations of item values beyond which the row-by-row sums are used instead of counts. */
const maxPatterns = 1 << 16;

/** An item's value in a row as read: NaN when missing or a missing code, mirrored when reversed. */
function itemValue(item: ItemReading, row: number): number {
  const raw = item.column[row] as number;
  if (raw !== raw) return NaN;
  for (const code of item.missing) if (code === raw) return NaN;
  return item.mirror === null ? raw : item.mirror[0] + item.mirror[1] - raw;
}

/**
 * Reads a scale's items once: complete rows, and each row's value pattern when the items are
 * whole numbers in a short range, so that groups are summarised by counting patterns (no column
 * of read values is kept then).
 *
 * @example
 * scaleRows([new Float64Array([1, NaN, 3]), new Float64Array([2, 2, 3])].map((column) => ({ column, missing: [], mirror: null }))).complete;
 * // => Uint8Array [1, 0, 1]
 */
export function scaleRows(items: readonly ItemReading[]): ScaleRows {
  const rows = items[0]?.column.length ?? 0;
  const complete = new Uint8Array(rows).fill(1);
  const k = items.length;
  const minimum = new Float64Array(k).fill(Infinity);
  const span = new Int32Array(k);
  let whole = true;
  items.forEach((item, i) => {
    let low = Infinity;
    let high = -Infinity;
    for (let row = 0; row < rows; row++) {
      const value = itemValue(item, row);
      if (value !== value) { complete[row] = 0; continue; }
      if (value < low) low = value;
      if (value > high) high = value;
      if (value !== Math.floor(value)) whole = false;
    }
    minimum[i] = low === Infinity ? 0 : low;
    span[i] = low === Infinity ? 1 : high - low + 1;
  });
  const stride = new Int32Array(k);
  let count = 1;
  for (let i = 0; i < k && whole; i++) {
    stride[i] = count;
    count *= span[i] as number;
    if (count > maxPatterns) whole = false;
  }
  if (!whole) {
    const columns = items.map((item) => Float64Array.from({ length: rows }, (_, row) => itemValue(item, row)));
    return { k, patterns: null, columns, complete };
  }
  const code = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    if (complete[row] === 0) { code[row] = -1; continue; }
    let pattern = 0;
    for (let i = 0; i < k; i++) pattern += (itemValue(items[i]!, row) - minimum[i]!) * stride[i]!;
    code[row] = pattern;
  }
  return { k, patterns: { code, minimum, stride, span, count }, columns: null, complete };
}

/** Per group: complete cases, item means and centred cross-products (upper triangle of k × k). */
interface GroupMoments { counts: Float64Array; means: Float64Array; products: Float64Array }

/** Moments from the counts of each value pattern per group: exact counts, then two passes over the patterns. */
function momentsFromPatterns(scale: ScaleRows, layers: readonly (DomainLayer | null)[], groupCount: number, k: number): GroupMoments {
  const { code, minimum, stride, span, count } = scale.patterns!;
  const tallies = new Float64Array(groupCount * count);
  for (const layer of layers) {
    if (layer === null) {
      for (let row = 0; row < code.length; row++) if ((code[row] as number) >= 0) tallies[code[row] as number]! += 1;
      continue;
    }
    const { rows, codes } = layer;
    for (let index = 0; index < rows.length; index++) {
      const pattern = code[rows[index] as number] as number;
      const group = codes[index] as number;
      if (pattern >= 0 && group >= 0) tallies[group * count + pattern]! += 1;
    }
  }
  const value = (pattern: number, i: number): number => minimum[i]! + (Math.floor(pattern / stride[i]!) % span[i]!);
  const counts = new Float64Array(groupCount);
  const means = new Float64Array(groupCount * k);
  const products = new Float64Array(groupCount * k * k);
  const deviations = new Float64Array(k);
  for (let group = 0; group < groupCount; group++) {
    const base = group * count;
    for (let pattern = 0; pattern < count; pattern++) {
      const tally = tallies[base + pattern]!;
      if (tally === 0) continue;
      counts[group]! += tally;
      for (let i = 0; i < k; i++) means[group * k + i]! += tally * value(pattern, i);
    }
    for (let i = 0; i < k; i++) means[group * k + i]! /= counts[group]!;
    for (let pattern = 0; pattern < count; pattern++) {
      const tally = tallies[base + pattern]!;
      if (tally === 0) continue;
      for (let i = 0; i < k; i++) deviations[i] = value(pattern, i) - means[group * k + i]!;
      for (let i = 0; i < k; i++) {
        for (let j = i; j < k; j++) products[(group * k + i) * k + j]! += tally * deviations[i]! * deviations[j]!;
      }
    }
  }
  return { counts, means, products };
}

/** Moments row by row (items with fractional or widely spread values): group means, then centred cross-products. */
function momentsFromRows(scale: ScaleRows, layers: readonly (DomainLayer | null)[], groupCount: number, k: number): GroupMoments {
  const { complete } = scale;
  const columns = scale.columns!;
  const counts = new Float64Array(groupCount);
  const means = new Float64Array(groupCount * k);
  const products = new Float64Array(groupCount * k * k);
  const deviations = new Float64Array(k);
  for (let pass = 0; pass < 2; pass++) {
    for (const layer of layers) {
      const size = layer === null ? complete.length : layer.rows.length;
      for (let index = 0; index < size; index++) {
        const row = layer === null ? index : (layer.rows[index] as number);
        if (complete[row] === 0) continue;
        const group = layer === null ? 0 : (layer.codes[index] as number);
        if (group < 0) continue;
        if (pass === 0) {
          counts[group]! += 1;
          for (let i = 0; i < k; i++) means[group * k + i]! += columns[i]![row]!;
          continue;
        }
        for (let i = 0; i < k; i++) deviations[i] = columns[i]![row]! - means[group * k + i]!;
        for (let i = 0; i < k; i++) {
          for (let j = i; j < k; j++) products[(group * k + i) * k + j]! += deviations[i]! * deviations[j]!;
        }
      }
    }
    if (pass === 0) for (let group = 0; group < groupCount; group++) for (let i = 0; i < k; i++) means[group * k + i]! /= counts[group]!;
  }
  return { counts, means, products };
}

/**
 * Cronbach's alpha of each group of a dimension on its complete cases. Layers list rows
 * (ascending) with their group codes (−1: none): one layer for a partition (region), one per
 * group for a multiple-response dimension (channels used); `[null]` puts every row in group 0.
 *
 * Why: alpha per region and per channel of a million responses. Items on a short whole-number
 * scale (the usual case) cost one count per row and group: the k × k moments then come from
 * the tally of value patterns, the same numbers up to rounding in the last bits.
 *
 * Reference: R `psych::alpha(na.omit(items))` on each group's rows.
 *
 * @example
 * cronbachAlphaByGroup(['a', 'b'], scaleRows(columns), crossDimensions([region]).layers, 13)[0].alpha;
 */
export function cronbachAlphaByGroup(names: readonly string[], scale: ScaleRows, layers: readonly (DomainLayer | null)[], groupCount: number): AlphaResult[] {
  const { k } = scale;
  const { counts, products } = scale.patterns !== null
    ? momentsFromPatterns(scale, layers, groupCount, k)
    : momentsFromRows(scale, layers, groupCount, k);
  return Array.from({ length: groupCount }, (_, group) => {
    const n = counts[group] as number;
    const covariance = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const value = (products[(group * k + i) * k + j] as number) / (n - 1);
        covariance[i * k + j] = value;
        covariance[j * k + i] = value;
      }
    }
    return alphaResult(names, n, covariance);
  });
}

/**
 * `scaleRows` of items whose first `from` rows gave `previous`: the appended rows alone are read.
 * Undefined when one of them lies outside the value range the patterns were numbered in (or is
 * not a whole number there): read the scale again then.
 *
 * @example
 * appendScaleRows(scale, items, 1_000_000);
 */
export function appendScaleRows(previous: ScaleRows, items: readonly ItemReading[], from: number): ScaleRows | undefined {
  const rows = items[0]?.column.length ?? 0;
  const { k } = previous;
  const complete = new Uint8Array(rows);
  complete.set(previous.complete);
  const values = new Float64Array(k);
  const code = previous.patterns === null ? null : new Int32Array(rows);
  code?.set(previous.patterns!.code);
  const columns = previous.columns?.map((column) => {
    const grown = new Float64Array(rows);
    grown.set(column);
    return grown;
  });
  for (let row = from; row < rows; row++) {
    let valid = 1;
    for (let i = 0; i < k; i++) {
      values[i] = itemValue(items[i]!, row);
      if (values[i] !== values[i]) valid = 0;
      if (columns) columns[i]![row] = values[i]!;
    }
    complete[row] = valid;
    if (code === null) continue;
    const { minimum, stride, span } = previous.patterns!;
    // The first rows' patterns hold only while every value is one of the whole values they span.
    for (let i = 0; i < k; i++) {
      const offset = values[i]! - minimum[i]!;
      if (offset !== offset) continue;
      if (offset < 0 || offset >= span[i]! || offset !== Math.floor(offset)) return undefined;
    }
    if (valid === 0) { code[row] = -1; continue; }
    let pattern = 0;
    for (let i = 0; i < k; i++) pattern += (values[i]! - minimum[i]!) * stride[i]!;
    code[row] = pattern;
  }
  return { k, patterns: code === null ? null : { ...previous.patterns!, code }, columns: columns ?? null, complete };
}
