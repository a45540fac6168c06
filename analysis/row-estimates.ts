import type { EstimateRow, IndicatorSpec } from './types.ts';
import type { Prepared } from './prepared.ts';
import { crossDimensions, domainGroups } from './domains.ts';
import { domainRows, validRows } from './domain-rows.ts';
import { domainMean, domainRatio, domainTotal } from './linear-statistic.ts';
import { domainQuantile } from './quantile.ts';
import { betaInterval, tInterval, wilsonInterval } from './intervals.ts';
import type { Interval } from './intervals.ts';
import type { IntervalMethod } from './types.ts';
import { suppressionFlag } from './suppression.ts';
import { finiteOrNull, intervalMethod } from './estimate-row.ts';

/** Indicator types estimated row by row (not as one ratio mean of cell sums). */
export const rowEstimatedTypes: ReadonlySet<IndicatorSpec['type']> = new Set(['total', 'ratio', 'quantile']);

interface RowNumbers {
  ciMethod?: IntervalMethod;
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  n: number;
  deff: number;
}

/** One domain's numbers for a total, ratio or quantile indicator. */
function domainNumbers(prepared: Prepared, indicator: IndicatorSpec, rows: Int32Array): RowNumbers {
  const level = prepared.spec.level ?? 0.95;
  const values = prepared.values.get(indicator.id) as Float64Array;
  if (indicator.type === 'quantile') {
    const result = domainQuantile(prepared, rows, values, indicator.quantile as number, level);
    return { ...result, deff: NaN };
  }
  if (!rowEstimatedTypes.has(indicator.type)) return meanNumbers(prepared, indicator, rows, values, level);
  const result = indicator.type === 'ratio'
    ? domainRatio(prepared, rows, values, prepared.denominators.get(indicator.id) as Float64Array)
    : domainTotal(prepared, rows, values);
  const se = Math.sqrt(result.variance);
  // R: confint(x, df = degf(design)) of the domain's design (or the whole design's, as asked).
  const interval = tInterval(result.estimate, se, prepared.spec.df === 'design' ? prepared.design.degf : result.df, level);
  return { estimate: result.estimate, se, ciLow: interval?.[0] ?? NaN, ciHigh: interval?.[1] ?? NaN, n: result.n, deff: result.deff };
}

/**
 * A share, mean, scale or net score of a domain estimated row by row (on a replicate design):
 * the interval by the indicator's method, logit on the replicates' logit scale as `svyciprop`
 * does for replicate designs, Korn–Graubard where a share is exactly 0 or 1.
 */
function meanNumbers(prepared: Prepared, indicator: IndicatorSpec, rows: Int32Array, values: Float64Array, level: number): RowNumbers {
  const result = domainMean(prepared, rows, values);
  const se = Math.sqrt(result.variance);
  const df = prepared.spec.df === 'design' ? prepared.design.degf : result.df;
  const asked = intervalMethod(indicator);
  const p = result.estimate;
  const method = asked === 'logit' && (p === 0 || p === 1) ? 'beta' : asked;
  let interval: Interval;
  if (method === 'logit') {
    const logitSe = Math.sqrt(result.logitVariance ?? NaN);
    const centre = tInterval(Math.log(p / (1 - p)), logitSe, df, level);
    interval = centre === null ? null : [1 / (1 + Math.exp(-centre[0])), 1 / (1 + Math.exp(-centre[1]))];
  } else if (method === 'beta') {
    const extra = prepared.zeroWeightRows.get(indicator.id)?.length ?? 0;
    interval = betaInterval(p, result.variance, rows.length + (extra > 0 ? zeroRowsIn(prepared, indicator, rows) : 0), df, level);
  } else if (method === 'wilson') interval = wilsonInterval(p, result.n, level);
  else interval = tInterval(p, se, df, level);
  return {
    estimate: p, se, ciLow: interval?.[0] ?? NaN, ciHigh: interval?.[1] ?? NaN, n: result.n, deff: result.deff,
    ...(indicator.type === 'share' ? { ciMethod: method } : {}),
  };
}

/** Zero-weight rows with a valid value among a domain's rows (R's nrow(design) counts them). */
function zeroRowsIn(prepared: Prepared, indicator: IndicatorSpec, rows: Int32Array): number {
  const inDomain = new Set(rows);
  let count = 0;
  for (const row of prepared.zeroWeightRows.get(indicator.id) ?? []) if (inDomain.has(row)) count++;
  return count;
}

/**
 * Estimate rows of total, ratio and quantile indicators for every domain of each breakdown, one
 * list per breakdown; empty domains are left out as `svyby` drops them.
 *
 * Reference: R `svyby(~y, ~g, des, svytotal | svyquantile, ...)`, `svyby(~y, ~g, des, svyratio,
 * denominator = ~x)`; see docs/methods.md.
 *
 * @example
 * rowEstimates(prepared, [victimTotal], [[], ['region']]);
 */
export function rowEstimates(prepared: Prepared, indicators: readonly IndicatorSpec[], breakdowns: readonly (readonly string[])[]): EstimateRow[][] {
  const { spec, design } = prepared;
  return breakdowns.map((names) => {
    const breakdown = crossDimensions(names.map((name) => prepared.dimension(name)));
    const lists = prepared.derived(`domain-rows:${JSON.stringify(names)}`, () => domainRows(breakdown, design.rowCount));
    const rows: EstimateRow[] = [];
    for (const indicator of indicators) {
      const values = prepared.values.get(indicator.id) as Float64Array;
      lists.forEach((list, domain) => {
        if (list.length === 0) return;
        const valid = validRows(list, values);
        const groups = domainGroups(breakdown, domain);
        const base = { indicator: indicator.id, groups, n: valid.length };
        if (valid.length === 0) {
          rows.push({ ...base, estimate: null, se: null, ciLow: null, ciHigh: null, nEffective: null, deff: null, flag: spec.suppression ? 'suppressed' : null });
          return;
        }
        const numbers = domainNumbers(prepared, indicator, valid);
        const flag = suppressionFlag(numbers.n, numbers.estimate, numbers.se, spec.suppression);
        if (flag === 'suppressed') {
          rows.push({ ...base, estimate: null, se: null, ciLow: null, ciHigh: null, nEffective: null, deff: null, flag });
          return;
        }
        const deff = finiteOrNull(numbers.deff);
        rows.push({
          ...base,
          estimate: finiteOrNull(numbers.estimate),
          se: finiteOrNull(numbers.se),
          ciLow: finiteOrNull(numbers.ciLow),
          ciHigh: finiteOrNull(numbers.ciHigh),
          nEffective: deff !== null && deff > 0 ? numbers.n / deff : null,
          deff,
          flag,
          ...(numbers.ciMethod === undefined ? {} : { ciMethod: numbers.ciMethod }),
        });
      });
    }
    return rows;
  });
}
