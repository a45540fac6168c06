import type { Prepared } from './prepared.ts';
import { domainDegf, rowsVariance } from './row-variance.ts';
import { replicateDegf, replicateVariance } from './replicates.ts';
import type { Replicates } from './replicates.ts';

/** One domain's estimate of a total or a ratio, with what its row needs. */
export interface Statistic {
  estimate: number;
  variance: number;
  /** Degrees of freedom of the domain (R's degf() of the subset design). */
  df: number;
  /** Rows in the domain with a valid value (and a nonzero weight). */
  n: number;
  /** Design effect as R's deff = TRUE gives it; NaN where undefined. */
  deff: number;
  /** Replicate designs: the variance of logit(estimate) from the replicates (R's svyciprop logit interval). */
  logitVariance?: number;
}

/** Σ w_r·a / Σ w_r·b (or Σ w_r·a without b) over the rows, for every replicate r. */
function replicateEstimates(replicates: Replicates, rows: Int32Array, a: (row: number) => number, b: ((row: number) => number) | null): Float64Array {
  return Float64Array.from(replicates.weights, (weights) => {
    let top = 0;
    let bottom = 0;
    for (const row of rows) {
      const weight = weights[row] as number;
      top += weight * a(row);
      if (b !== null) bottom += weight * b(row);
    }
    return b === null ? top : top / bottom;
  });
}

/** The replicate variance and degrees of freedom of a domain statistic (R: svyby on a svrepdesign subsets it). */
function replicateParts(replicates: Replicates, rows: Int32Array, estimate: number, a: (row: number) => number, b: ((row: number) => number) | null) {
  const thetas = replicateEstimates(replicates, rows, a, b);
  return { thetas, variance: replicateVariance(replicates, thetas, estimate), df: replicateDegf(replicates, rows) };
}

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * The variance of the same statistic under simple random sampling of n from a population of Σw
 * (without replacement when Σw > n, else with, as the engine's means do), from the weighted
 * variance of the linearised values with R's n/(n − 1): the design effect's denominator.
 *
 * Reference: R `svytotal(deff = TRUE)`: `svyvar(x) * N^2 * (N - n) / (N * n)`.
 */
function srsVarianceOfTotal(prepared: Prepared, rows: Int32Array, valueOf: (row: number) => number): number {
  const { weights } = prepared.design;
  let sumWeights = 0;
  let sumValues = 0;
  for (const row of rows) {
    sumWeights += weights[row] as number;
    sumValues += (weights[row] as number) * valueOf(row);
  }
  const mean = sumValues / sumWeights;
  let squares = 0;
  for (const row of rows) {
    const deviation = valueOf(row) - mean;
    squares += (weights[row] as number) * deviation * deviation;
  }
  const n = rows.length;
  const sampleVariance = ((squares / sumWeights) * n) / (n - 1);
  const scaled = sampleVariance * sumWeights * sumWeights;
  return sumWeights > n ? (scaled * (sumWeights - n)) / (sumWeights * n) : scaled / n;
}

/**
 * The weighted total Σ w·y of a domain's rows (valid values only), its linearised variance over
 * the full design (influence w·y), design effect and degrees of freedom. With a 0/1 variable it
 * is the estimated number of people with the attribute.
 *
 * Reference: R `svyby(~y, ~g, subset(des, !is.na(y)), svytotal, deff = TRUE)`.
 *
 * @example
 * domainTotal(prepared, rows, victimisations).estimate; // estimated crimes experienced
 */
export function domainTotal(prepared: Prepared, rows: Int32Array, values: Float64Array): Statistic {
  const { weights } = prepared.design;
  let estimate = 0;
  for (const row of rows) estimate += (weights[row] as number) * (values[row] as number);
  const srs = srsVarianceOfTotal(prepared, rows, (row) => values[row] as number);
  const { replicates } = prepared.design;
  if (replicates !== null) {
    const { variance, df } = replicateParts(replicates, rows, estimate, (row) => values[row] as number, null);
    return { estimate, variance, df, n: rows.length, deff: variance / srs };
  }
  const variance = rowsVariance(prepared, rows, (row) => (weights[row] as number) * (values[row] as number));
  return { estimate, variance, df: domainDegf(prepared, rows), n: rows.length, deff: variance / srs };
}

/**
 * The ratio Σ w·y / Σ w·x of a domain's rows valid in both, its linearised variance (influence
 * w(y − R·x)/Σ w·x), the design effect R gives (that of the total of the linearised values) and
 * the domain's degrees of freedom. On a replicate design the variance is the replicates' (and a
 * ratio has no design effect, as R's `svyratio(deff = TRUE)` cannot give one there).
 *
 * Reference: R `svyratio(~y, ~x, des, deff = TRUE)`; Cochran (1977) §6.
 *
 * @example
 * domainRatio(prepared, rows, crimesReported, victimisations).estimate; // share of crimes reported
 */
export function domainRatio(prepared: Prepared, rows: Int32Array, numerator: Float64Array, denominator: Float64Array, isMean = false): Statistic {
  const { weights } = prepared.design;
  let top = 0;
  let bottom = 0;
  for (const row of rows) {
    top += (weights[row] as number) * (numerator[row] as number);
    bottom += (weights[row] as number) * (denominator[row] as number);
  }
  const estimate = top / bottom;
  const linearised = (row: number): number => ((numerator[row] as number) - estimate * (denominator[row] as number)) / bottom;
  const srs = srsVarianceOfTotal(prepared, rows, linearised);
  const { replicates } = prepared.design;
  if (replicates !== null) {
    const { thetas, variance, df } = replicateParts(replicates, rows, estimate, (row) => numerator[row] as number, (row) => denominator[row] as number);
    const logitVariance = replicateVariance(replicates, thetas.map(logit), logit(estimate));
    // R's svyratio(deff = TRUE) fails on replicate designs: a ratio has no design effect there.
    return { estimate, variance, df, n: rows.length, deff: isMean ? variance / srs : NaN, logitVariance };
  }
  const variance = rowsVariance(prepared, rows, (row) => (weights[row] as number) * linearised(row));
  return { estimate, variance, df: domainDegf(prepared, rows), n: rows.length, deff: variance / srs };
}

/**
 * The weighted mean Σ w·y / Σ w of a domain's rows: `domainRatio` with a denominator of 1.
 *
 * @example
 * domainMean(prepared, rows, below).estimate; // share of the domain at or below a quantile
 */
export function domainMean(prepared: Prepared, rows: Int32Array, values: Float64Array): Statistic {
  return domainRatio(prepared, rows, values, ones(prepared.design.rowCount), true);
}

const onesCache = new Map<number, Float64Array>();
function ones(length: number): Float64Array {
  let cached = onesCache.get(length);
  if (cached === undefined) {
    cached = new Float64Array(length).fill(1);
    onesCache.clear();
    onesCache.set(length, cached);
  }
  return cached;
}
