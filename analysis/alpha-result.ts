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
export function alphaResult(names: readonly string[], n: number, covariance: Float64Array): AlphaResult {
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
