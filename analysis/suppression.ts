import type { SuppressionSpec } from './types.ts';

/**
 * Small-cell rule: "suppressed" when the unweighted n is below `minN`; "unreliable" when n is
 * below `flagBelowN` or the relative standard error se/|estimate| is at or above `flagRse`.
 *
 * Why: public statistics withhold estimates from very small groups and warn about imprecise
 * ones (e.g. n < 30 withheld, n 30–59 or RSE ≥ 30% flagged).
 *
 * Reference: shared/INDICATORS.md `suppression`; Eurostat/ONS small-cell conventions.
 *
 * @example
 * suppressionFlag(45, 0.4, 0.05, { minN: 30, flagBelowN: 60, flagRse: 0.3 }); // => 'unreliable'
 */
export function suppressionFlag(
  n: number,
  estimate: number,
  se: number,
  rule: SuppressionSpec | undefined,
): 'suppressed' | 'unreliable' | null {
  if (rule === undefined) return null;
  if (n < rule.minN) return 'suppressed';
  const relativeSe = se / Math.abs(estimate);
  if (n < rule.flagBelowN || !(relativeSe < rule.flagRse)) return 'unreliable';
  return null;
}
