import { logBeta } from './log-gamma.ts';

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 100000; m++) {
    const twoM = 2 * m;
    let term = (m * (b - m) * x) / ((a + twoM - 1) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = (-(a + m) * (a + b + m) * x) / ((a + twoM) * (a + twoM + 1));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return result;
}

/**
 * The regularised incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b), each
 * computed directly so that small tails keep their relative precision.
 *
 * Why: it is the distribution function of the beta distribution (Korn–Graubard intervals) and,
 * through a change of variable, of Student's t (intervals and p-values with design degrees of
 * freedom).
 *
 * Reference: Press et al., Numerical Recipes (3rd ed.) §6.4; R's `pbeta`.
 *
 * @example
 * incompleteBeta(0.5, 2, 3).lower; // => 0.6875 (R: pbeta(0.5, 2, 3))
 */
export function incompleteBeta(x: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * Density of the beta distribution at x.
 *
 * @example
 * betaDensity(0.5, 2, 2); // => 1.5
 */
export function betaDensity(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}
