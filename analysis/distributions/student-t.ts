import { betaQuantile } from './beta-quantile.ts';
import { incompleteBeta } from './incomplete-beta.ts';
import { normalQuantile } from './normal-quantile.ts';

/**
 * Quantile of Student's t distribution with `degreesOfFreedom` (may be fractional; Infinity gives
 * the normal quantile).
 *
 * Why: confidence intervals for design-based means use t with the design's degrees of freedom
 * (PSUs minus strata), as R's `confint(..., df = degf(design))` and `svyciprop` do.
 * Uses P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2), solved for t²/(ν+t²) as an upper beta tail.
 *
 * Reference: Abramowitz & Stegun 26.7.1; R's `qt`.
 *
 * @example
 * studentTQuantile(0.975, 10); // => 2.2281388519649385 (R: qt(0.975, 10))
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  const key = `${probability}|${degreesOfFreedom}`;
  let quantile = known.get(key);
  if (quantile === undefined) {
    // A table's rows share a few degrees of freedom: each quantile is solved once.
    if (known.size >= 10_000) known.clear();
    known.set(key, (quantile = solveStudentTQuantile(probability, degreesOfFreedom)));
  }
  return quantile;
}

const known = new Map<string, number>();

function solveStudentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) return NaN;
  if (degreesOfFreedom === Infinity) return normalQuantile(probability);
  if (probability === 0.5) return 0;
  const tail = probability < 0.5 ? probability : 1 - probability;
  // y = t²/(ν + t²) has 1 − I_y(1/2, ν/2) = 2·tail.
  const y = betaQuantile(2 * tail, 0.5, degreesOfFreedom / 2, true);
  const t = Math.sqrt((degreesOfFreedom * y) / (1 - y));
  return probability < 0.5 ? -t : t;
}

/**
 * Two-sided p-value of a t statistic: P(|T| ≥ |statistic|) with the given degrees of freedom.
 *
 * Why: tests of a difference between two design-based estimates (R: 2 * pt(-abs(t), df)).
 *
 * Reference: Abramowitz & Stegun 26.7.1; R's `pt`.
 *
 * @example
 * studentTTwoSidedP(2.2281388519649385, 10); // => 0.05
 */
export function studentTTwoSidedP(statistic: number, degreesOfFreedom: number): number {
  if (Number.isNaN(statistic) || !(degreesOfFreedom > 0)) return NaN;
  const squared = statistic * statistic;
  if (degreesOfFreedom === Infinity) {
    return 2 * normalUpperTail(Math.abs(statistic));
  }
  const x = degreesOfFreedom / (degreesOfFreedom + squared);
  return incompleteBeta(x, degreesOfFreedom / 2, 0.5).lower;
}

/** Upper tail of the standard normal, via the incomplete gamma's relation to erfc (Infinity df only). */
function normalUpperTail(z: number): number {
  // Limit of the t tail: use a very large df, accurate far beyond what a p-value needs.
  const large = 1e12;
  return 0.5 * incompleteBeta(large / (large + z * z), large / 2, 0.5).lower;
}
