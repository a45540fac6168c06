import { betaDensity, incompleteBeta } from './incomplete-beta.ts';

/**
 * Quantile of the beta distribution: the x with I_x(a, b) = probability (or, with `upperTail`,
 * with 1 − I_x(a, b) = probability).
 *
 * Why: the Korn–Graubard ("beta") interval for a proportion from a complex sample is a pair of
 * beta quantiles (R's `svyciprop(method = "beta")`), and Student's t quantiles are derived from it.
 * Solved by Newton steps kept inside a shrinking bisection bracket, to about 1e-15 relative.
 *
 * Reference: R's `qbeta`; Press et al., Numerical Recipes §6.14.
 *
 * @example
 * betaQuantile(0.025, 5, 10); // => 0.1189... (R: qbeta(0.025, 5, 10))
 */
export function betaQuantile(probability: number, a: number, b: number, upperTail = false): number {
  if (Number.isNaN(probability) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0) return 0;
  if (b === 0) return 1;
  if (probability <= 0) return upperTail ? 1 : 0;
  if (probability >= 1) return upperTail ? 0 : 1;
  const sign = upperTail ? -1 : 1;
  const target = (x: number): number => {
    const tails = incompleteBeta(x, a, b);
    return upperTail ? probability - tails.upper : tails.lower - probability;
  };
  let low = 0;
  let high = 1;
  let x = a / (a + b);
  for (let iteration = 0; iteration < 400; iteration++) {
    const difference = target(x);
    if (difference === 0) return x;
    if (difference > 0) high = x;
    else low = x;
    const density = betaDensity(x, a, b);
    let next = density > 0 ? x - (sign * difference) / density : NaN;
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (Math.abs(next - x) <= 1e-16 * Math.max(x, 1e-300) || high - low <= 1e-17 * high) return next;
    x = next;
  }
  return x;
}
