import type { ReliabilityItemRow } from './types.ts';

/** Cronbach's alpha and its item statistics for one set of complete cases. */
export interface AlphaResult {
  n: number;
  alpha: number | null;
  items: ReliabilityItemRow[];
}

function alphaFromCovariance(covariance: number[][], keep: number[]): number | null {
  const k = keep.length;
  if (k < 2) return null;
  let trace = 0;
  let total = 0;
  for (const i of keep) {
    trace += covariance[i]![i]!;
    for (const j of keep) total += covariance[i]![j]!;
  }
  if (!(total > 0)) return null;
  return (1 - trace / total) * (k / (k - 1));
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
  const k = columns.length;
  const rows = columns[0]?.length ?? 0;
  const sums = new Float64Array(k);
  const complete = new Int32Array(rows);
  let n = 0;
  for (let row = 0; row < rows; row++) {
    if (rowFilter && !rowFilter(row)) continue;
    let ok = true;
    for (let i = 0; i < k; i++) {
      const value = (columns[i] as Float64Array)[row] as number;
      if (value !== value) { ok = false; break; }
    }
    if (!ok) continue;
    complete[n++] = row;
    for (let i = 0; i < k; i++) sums[i] = (sums[i] as number) + ((columns[i] as Float64Array)[row] as number);
  }
  const means = Array.from(sums, (sum) => sum / n);
  const covariance: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const left = columns[i] as Float64Array;
    const leftMean = means[i] as number;
    for (let j = i; j < k; j++) {
      const right = columns[j] as Float64Array;
      const rightMean = means[j] as number;
      let total = 0;
      for (let index = 0; index < n; index++) {
        const row = complete[index] as number;
        total += ((left[row] as number) - leftMean) * ((right[row] as number) - rightMean);
      }
      covariance[i]![j] = total / (n - 1);
      covariance[j]![i] = total / (n - 1);
    }
  }
  const all = Array.from({ length: k }, (_, i) => i);
  const finite = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : value);
  const items = names.map((item, i) => {
    const rest = all.filter((j) => j !== i);
    let restCovariance = 0;
    let restVariance = 0;
    for (const j of rest) {
      restCovariance += covariance[i]![j]!;
      for (const l of rest) restVariance += covariance[j]![l]!;
    }
    return {
      item,
      itemRestCorrelation: n > 2 ? finite(restCovariance / Math.sqrt(covariance[i]![i]! * restVariance)) : null,
      alphaIfDeleted: n > 2 ? finite(alphaFromCovariance(covariance, rest)) : null,
    };
  });
  return { n, alpha: n > 2 ? finite(alphaFromCovariance(covariance, all)) : null, items };
}
