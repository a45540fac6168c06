import type { ReliabilityItemRow } from './types.ts';

/** Cronbach's alpha and its item statistics for one set of complete cases. */
export interface AlphaResult {
  n: number;
  alpha: number | null;
  items: ReliabilityItemRow[];
}

function alphaFromCovariance(covariance: Float64Array, k: number, keep: number[]): number | null {
  if (keep.length < 2) return null;
  let trace = 0;
  let total = 0;
  for (const i of keep) {
    trace += covariance[i * k + i]!;
    for (const j of keep) total += covariance[i * k + j]!;
  }
  if (!(total > 0)) return null;
  return (1 - trace / total) * (keep.length / (keep.length - 1));
}

/** Alpha, item-rest correlations and alpha-if-deleted from n complete cases' k × k covariance. */
function alphaResult(names: readonly string[], n: number, covariance: Float64Array): AlphaResult {
  const k = names.length;
  const all = Array.from({ length: k }, (_, i) => i);
  const finite = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : value);
  const items = names.map((item, i) => {
    const rest = all.filter((j) => j !== i);
    let restCovariance = 0;
    let restVariance = 0;
    for (const j of rest) {
      restCovariance += covariance[i * k + j]!;
      for (const l of rest) restVariance += covariance[j * k + l]!;
    }
    return {
      item,
      itemRestCorrelation: n > 2 ? finite(restCovariance / Math.sqrt(covariance[i * k + i]! * restVariance)) : null,
      alphaIfDeleted: n > 2 ? finite(alphaFromCovariance(covariance, k, rest)) : null,
    };
  });
  return { n, alpha: n > 2 ? finite(alphaFromCovariance(covariance, k, all)) : null, items };
}

/**
 * The rows where every item has a valid (non-NaN) value: alpha's complete cases, R's `na.omit`.
 *
 * @example
 * completeRows([new Float64Array([1, NaN, 3]), new Float64Array([2, 2, 3])]); // => Int32Array [0, 2]
 */
export function completeRows(columns: readonly Float64Array[]): Int32Array {
  const rows = columns[0]?.length ?? 0;
  const complete = new Int32Array(rows);
  let n = 0;
  for (let row = 0; row < rows; row++) {
    let ok = true;
    for (const column of columns) {
      const value = column[row] as number;
      if (value !== value) { ok = false; break; }
    }
    if (ok) complete[n++] = row;
  }
  return complete.slice(0, n);
}

/**
 * Cronbach's alpha of each group of a dimension on its complete cases, in two passes over the
 * complete rows whatever the number of groups: group means, then the centred cross-products.
 * `layers` map a row to a group code or −1: one layer for a partition (region), one per group
 * for a multiple-response dimension (channels used), `[null]` for the whole sample. A group's
 * numbers are added in row order, exactly as `cronbachAlpha` on that group's rows would add them.
 *
 * Why: alpha per region and per channel of a million responses would otherwise read every row
 * once per group.
 *
 * @example
 * cronbachAlphaByGroup(['a', 'b'], columns, completeRows(columns), [regionCodes], 13)[0].alpha;
 */
export function cronbachAlphaByGroup(
  names: readonly string[],
  columns: readonly Float64Array[],
  complete: Int32Array,
  layers: readonly (Int32Array | null)[],
  groupCount: number,
): AlphaResult[] {
  const k = columns.length;
  const counts = new Float64Array(groupCount);
  const means = new Float64Array(groupCount * k);
  const products = new Float64Array(groupCount * k * k);
  const deviations = new Float64Array(k);
  for (let pass = 0; pass < 2; pass++) {
    for (let index = 0; index < complete.length; index++) {
      const row = complete[index] as number;
      for (const layer of layers) {
        const group = layer === null ? 0 : (layer[row] as number);
        if (group < 0) continue;
        if (pass === 0) {
          counts[group] = (counts[group] as number) + 1;
          for (let i = 0; i < k; i++) means[group * k + i] = (means[group * k + i] as number) + ((columns[i] as Float64Array)[row] as number);
          continue;
        }
        for (let i = 0; i < k; i++) deviations[i] = ((columns[i] as Float64Array)[row] as number) - (means[group * k + i] as number);
        const base = group * k * k;
        for (let i = 0; i < k; i++) {
          const left = deviations[i] as number;
          for (let j = i; j < k; j++) products[base + i * k + j] = (products[base + i * k + j] as number) + left * (deviations[j] as number);
        }
      }
    }
    if (pass === 0) {
      for (let group = 0; group < groupCount; group++) {
        for (let i = 0; i < k; i++) means[group * k + i] = (means[group * k + i] as number) / (counts[group] as number);
      }
    }
  }
  return Array.from({ length: groupCount }, (_, group) => {
    const n = counts[group] as number;
    const covariance = new Float64Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++) {
        const value = (products[group * k * k + i * k + j] as number) / (n - 1);
        covariance[i * k + j] = value;
        covariance[j * k + i] = value;
      }
    }
    return alphaResult(names, n, covariance);
  });
}

/**
 * Cronbach's alpha of a set of items on the rows where all are valid, with each item's
 * item-rest correlation (with the sum of the other items) and the alpha the scale would have
 * without it.
 *
 * Why: alpha shows whether the items of a construct (procedural fairness, effectiveness, …)
 * measure one thing well enough to be averaged into a scale score; computed per language and per
 * region it shows whether the scale holds up in each.
 *
 * Formula: α = k/(k−1) · (1 − Σ var(item) / var(total)) from the item covariance matrix C;
 * item-rest r_i = Σ_{j≠i} C_ij / √(C_ii · Σ_{j,l≠i} C_jl).
 *
 * Reference: Cronbach (1951) Psychometrika 16:297; R `psych::alpha(na.omit(items))`:
 * `total$raw_alpha`, `item.stats$r.drop`, `alpha.drop$raw_alpha`.
 *
 * @example
 * cronbachAlpha(['a', 'b', 'c'], [new Float64Array([1, 2, 3, 4]), new Float64Array([2, 2, 3, 5]),
 *   new Float64Array([1, 3, 3, 4])]).alpha; // => 0.9...
 */
export function cronbachAlpha(names: readonly string[], columns: readonly Float64Array[], rowFilter?: (row: number) => boolean): AlphaResult {
  let complete = completeRows(columns);
  if (rowFilter) complete = complete.filter((row) => rowFilter(row));
  return cronbachAlphaByGroup(names, columns, complete, [null], 1)[0] as AlphaResult;
}
