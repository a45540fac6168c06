import { cronbachAlphaByGroup, scaleRows } from './alpha-groups.ts';
import type { AlphaResult } from './alpha-result.ts';

export type { AlphaResult } from './alpha-result.ts';

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
export function cronbachAlpha(names: readonly string[], columns: readonly Float64Array[]): AlphaResult {
  const scale = scaleRows(columns.map((column) => ({ column, missing: [], mirror: null })));
  return cronbachAlphaByGroup(names, scale, [null], 1)[0] as AlphaResult;
}
