import type { AnalysisSpec, EstimateRow, IndicatorSpec, IntervalMethod } from './types.ts';
import type { Design } from './design.ts';
import type { DomainEstimate } from './domain-estimate.ts';
import { betaInterval, logitInterval, tInterval, wilsonInterval } from './intervals.ts';
import type { Interval } from './intervals.ts';
import { suppressionFlag } from './suppression.ts';

/** A finite number or null (JSON has no NaN or Infinity). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The interval method of an indicator: the spec's, else logit for shares and t otherwise. */
export function intervalMethod(indicator: IndicatorSpec): IntervalMethod {
  if (indicator.type !== 'share') return 't';
  return indicator.ci ?? 'logit';
}

/**
 * The confidence interval of one domain estimate by the indicator's method, with the domain's
 * degrees of freedom (or the design's when the spec says `"df": "design"`).
 *
 * @example
 * domainInterval(estimate, 'logit', design, spec, false);
 */
export function domainInterval(
  result: DomainEstimate,
  method: IntervalMethod,
  design: Design,
  spec: AnalysisSpec,
  calibrated: boolean,
): Interval {
  const level = spec.level ?? 0.95;
  const df = spec.df === 'design' ? design.degf : result.df;
  const se = Math.sqrt(result.variance);
  switch (method) {
    case 'logit':
      return logitInterval(result.estimate, se, df, level);
    case 'beta':
      return betaInterval(result.estimate, result.variance, calibrated ? design.rowCount : (result.rows ?? result.n), df, level);
    case 'wilson':
      return wilsonInterval(result.estimate, result.n, level);
    default:
      return tInterval(result.estimate, se, df, level);
  }
}

/**
 * One estimate row as shared/INDICATORS.md defines it, suppression applied.
 *
 * @example
 * estimateRow(indicator, { region: 'tuzla' }, estimate, design, spec, false);
 * // => { indicator: 'trust_fav', groups: { region: 'tuzla' }, estimate: 0.41, se: 0.03, … }
 */
export function estimateRow(
  indicator: IndicatorSpec,
  groups: Record<string, string>,
  result: DomainEstimate,
  design: Design,
  spec: AnalysisSpec,
  calibrated: boolean,
): EstimateRow {
  const se = Math.sqrt(result.variance);
  const flag = result.n === 0 ? (spec.suppression ? 'suppressed' : null) : suppressionFlag(result.n, result.estimate, se, spec.suppression);
  if (flag === 'suppressed' || result.n === 0) {
    return { indicator: indicator.id, groups, estimate: null, se: null, ciLow: null, ciHigh: null, n: result.n, nEffective: null, deff: null, flag };
  }
  // A share of exactly 0 or 1 has no logit interval: the Korn–Graubard one (exact there) instead.
  const asked = intervalMethod(indicator);
  const method = asked === 'logit' && (result.estimate === 0 || result.estimate === 1) ? 'beta' : asked;
  const interval = domainInterval(result, method, design, spec, calibrated);
  const deff = finiteOrNull(result.deff);
  return {
    indicator: indicator.id,
    groups,
    estimate: finiteOrNull(result.estimate),
    se: finiteOrNull(se),
    ciLow: interval ? finiteOrNull(interval[0]) : null,
    ciHigh: interval ? finiteOrNull(interval[1]) : null,
    n: result.n,
    nEffective: deff !== null && deff > 0 ? result.n / deff : null,
    deff,
    flag,
    ...(indicator.type === 'share' ? { ciMethod: method } : {}),
  };
}
