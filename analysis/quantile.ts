import type { Prepared } from './prepared.ts';
import { domainMean } from './linear-statistic.ts';
import { studentTQuantile } from './distributions/student-t.ts';

/** A domain's quantile with its Woodruff interval. */
export interface QuantileStatistic {
  estimate: number;
  /** R's SE: the interval's width over 2·t; NaN when a bound is NaN. */
  se: number;
  /** NaN where the Woodruff probability falls outside [0, 1] (R gives NaN). */
  ciLow: number;
  ciHigh: number;
  df: number;
  n: number;
}

/** The domain's values sorted (ties in row order) with their cumulative weights. */
export interface SortedValues {
  values: Float64Array;
  cumulative: Float64Array;
  total: number;
}

/**
 * Sorts a domain's valid values and accumulates their weights (compensated, so the cumulative
 * sums are as close to R's long-double `cumsum` as doubles allow).
 *
 * @example
 * sortValues(Int32Array.of(0, 1), new Float64Array([3, 1]), new Float64Array([1, 1]));
 */
export function sortValues(rows: Int32Array, values: Float64Array, weights: Float64Array): SortedValues {
  const order = Array.from(rows).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const sorted = new Float64Array(order.length);
  const cumulative = new Float64Array(order.length);
  let sum = 0;
  let compensation = 0;
  order.forEach((row, index) => {
    sorted[index] = values[row] as number;
    const weight = weights[row] as number;
    const next = sum + weight;
    compensation += Math.abs(sum) >= Math.abs(weight) ? sum - next + weight : weight - next + sum;
    sum = next;
    cumulative[index] = sum + compensation;
  });
  return { values: sorted, cumulative, total: sum + compensation };
}

/**
 * R's `qrule_math`: the smallest value whose cumulative weight share reaches p; where the share
 * equals p exactly, that value (the lower of the two). The inverse of the weighted empirical CDF.
 *
 * Reference: R `survey:::qrule_math` and `survey:::qs` (survey ≥ 4.1, the default `qrule`).
 *
 * @example
 * mathQuantile(sortValues(rows, values, weights), 0.5);
 */
export function mathQuantile(sorted: SortedValues, p: number): number {
  const { values, cumulative, total } = sorted;
  const limit = p * total;
  // The last position whose cumulative weight is at most p·Σw (R: last(cumw <= p * sum(w)), 1 if none).
  let low = 0;
  let high = values.length - 1;
  let position = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] as number) <= limit) {
      position = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (position < 0) position = 0;
  const next = position === values.length - 1 ? position : position + 1;
  return p - (cumulative[position] as number) / total === 0 ? (values[position] as number) : (values[next] as number);
}

/**
 * A domain's quantile by R's default rule, with the Woodruff interval: the interval of the
 * domain's share at or below the estimate, P(y ≤ q̂), from the design (a t interval on the
 * domain's degrees of freedom), mapped back through the quantile function; SE is the interval's
 * width over 2·t, as R reports it.
 *
 * Why: a quantile is not a smooth function of totals, so it has no linearisation of its own;
 * Woodruff (1952) carries the CDF's interval over, which is what `svyquantile` does by default.
 *
 * Reference: R `svyquantile(~y, des, quantiles = p, ci = TRUE)` (qrule = "math",
 * interval.type = "mean"); `survey:::woodruffCI`.
 *
 * @example
 * domainQuantile(prepared, rows, minutes, 0.5, 0.95).estimate; // the domain's median
 */
export function domainQuantile(prepared: Prepared, rows: Int32Array, values: Float64Array, p: number, level: number): QuantileStatistic {
  const sorted = sortValues(rows, values, prepared.design.weights);
  const estimate = mathQuantile(sorted, p);
  const below = new Float64Array(prepared.design.rowCount);
  for (const row of rows) below[row] = (values[row] as number) <= estimate ? 1 : 0;
  const share = domainMean(prepared, rows, below);
  const t = studentTQuantile(1 - (1 - level) / 2, share.df);
  const halfWidth = t * Math.sqrt(share.variance);
  const pLow = share.estimate - halfWidth;
  const pHigh = share.estimate + halfWidth;
  const ciLow = Number.isNaN(pLow) || pLow < 0 ? NaN : mathQuantile(sorted, pLow);
  const ciHigh = Number.isNaN(pHigh) || pHigh > 1 ? NaN : mathQuantile(sorted, pHigh);
  return { estimate, se: (ciHigh - ciLow) / (2 * t), ciLow, ciHigh, df: share.df, n: rows.length };
}
