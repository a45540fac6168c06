import { betaQuantile } from './distributions/beta-quantile.ts';
import { normalQuantile } from './distributions/normal-quantile.ts';
import { studentTQuantile } from './distributions/student-t.ts';

export type Interval = [number, number] | null;

/**
 * Symmetric t interval: estimate ± t(1 − α/2, df) · se.
 *
 * Why: for design-based means the reference distribution is t with the design's degrees of freedom.
 *
 * Reference: R `confint(svymean(~y, design), df = degf(design))`.
 *
 * @example
 * tInterval(10, 1, 10, 0.95); // => [7.771861148, 12.228138852]
 */
export function tInterval(estimate: number, se: number, df: number, level: number): Interval {
  if (!(df >= 1) || !Number.isFinite(se)) return null;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return [estimate - t * se, estimate + t * se];
}

/**
 * Logit interval for a proportion: expit(logit p ± t · se/(p(1 − p))), the Wald interval of
 * the intercept of a survey-weighted logistic regression.
 *
 * Why: it stays within (0, 1) and is R's default for survey proportions.
 *
 * Reference: R `svyciprop(~I(y), design, method = "logit", df = degf(design))`.
 *
 * @example
 * logitInterval(0.3, 0.05, 20, 0.95);
 */
export function logitInterval(proportion: number, se: number, df: number, level: number): Interval {
  if (!(proportion > 0 && proportion < 1) || !(df >= 1) || !Number.isFinite(se)) return null;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  const centre = Math.log(proportion / (1 - proportion));
  const halfWidth = (t * se) / (proportion * (1 - proportion));
  const expit = (value: number): number => 1 / (1 + Math.exp(-value));
  return [expit(centre - halfWidth), expit(centre + halfWidth)];
}

/**
 * Korn–Graubard interval: a Clopper–Pearson interval on the effective sample size
 * p(1 − p)/var, adjusted by (t(α/2, rows − 1)/t(α/2, df))².
 *
 * Why: it keeps good coverage for rare proportions and small domains. When p is 0 or 1 the
 * variance is 0 and R returns NaN; here the effective size is then the row count (the exact
 * binomial interval), so the table always has an interval.
 *
 * Reference: Korn & Graubard (1998), Survey Methodology 24:193–201;
 * R `svyciprop(~I(y), design, method = "beta")`.
 *
 * @example
 * betaInterval(0.3, 0.0025, 100, 20, 0.95);
 */
export function betaInterval(proportion: number, variance: number, rows: number, df: number, level: number): Interval {
  if (!(df >= 1) || !(rows > 1)) return null;
  const alpha = 1 - level;
  let effective: number;
  if (variance > 0 && proportion > 0 && proportion < 1) {
    const ratio = studentTQuantile(alpha / 2, rows - 1) / studentTQuantile(alpha / 2, df);
    effective = ((proportion * (1 - proportion)) / variance) * ratio * ratio;
  } else {
    effective = rows;
  }
  const low = betaQuantile(alpha / 2, effective * proportion, effective * (1 - proportion) + 1);
  const high = betaQuantile(1 - alpha / 2, effective * proportion + 1, effective * (1 - proportion));
  return [low, high];
}

/**
 * Wilson score interval for a proportion from n unweighted observations.
 *
 * Why: for unweighted simple random samples it has far better coverage than p ± z·se near 0
 * and 1 and in small groups.
 *
 * Reference: Wilson (1927) JASA 22:209; R `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 * @example
 * wilsonInterval(0.2, 50, 0.95); // => [0.1124..., 0.3304...]
 */
export function wilsonInterval(proportion: number, n: number, level: number): Interval {
  if (!(n > 0)) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  const zSquared = z * z;
  const denominator = 1 + zSquared / n;
  const centre = (proportion + zSquared / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((proportion * (1 - proportion)) / n + zSquared / (4 * n * n))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
