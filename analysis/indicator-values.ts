import type { Columns, IndicatorSpec } from './types.ts';
import { AnalysisError } from './errors.ts';
import { rescale, scaleScores, validValues } from './recode.ts';

function requireItem(indicator: IndicatorSpec): string {
  if (indicator.item === undefined) {
    throw new AnalysisError(`indicator "${indicator.id}" (${indicator.type}) needs an "item"`);
  }
  return indicator.item;
}

function categories(indicator: IndicatorSpec, key: 'favourable' | 'unfavourable'): Set<number> {
  const list = indicator[key];
  if (list === undefined || list.length === 0) {
    throw new AnalysisError(`indicator "${indicator.id}" (${indicator.type}) needs "${key}" categories`);
  }
  return new Set(list);
}

/**
 * The per-respondent variable whose weighted mean is the indicator, NaN outside its domain:
 * `share` 1/0 (favourable or not), `net` 1/−1/0 (favourable, unfavourable, neither), `mean` the
 * valid value, `scale` the scale score; `mean` and `scale` are rescaled when the spec says so.
 *
 * Why: every indicator is then a ratio mean Σwy/Σw over its domain, so one estimator and one
 * linearised variance serve all four. A net score as the mean of a 1/0/−1 variable is exactly
 * share favourable − share unfavourable, and its linearised variance is that of the difference.
 *
 * `itemValues` lets a caller share one item's valid values among the indicators built on it
 * (trust_fav and trust_mean both read trust_police); by default they are made afresh.
 *
 * Reference: R `svymean(~I(trust %in% 4:5), design)`; for net,
 * `svycontrast(svymean(~fav + unfav, design), c(1, -1))`.
 *
 * @example
 * indicatorValues({ q: new Float64Array([5, 2, 99]) },
 *   { id: 'fav', type: 'share', item: 'q', favourable: [4, 5], missing: [99] });
 * // => Float64Array [1, 0, NaN]
 */
export function indicatorValues(
  data: Columns,
  indicator: IndicatorSpec,
  itemValues: (item: string, missing: readonly number[] | undefined) => Float64Array = (item, missing) => validValues(data, item, missing),
): Float64Array {
  if (indicator.type === 'scale') {
    const scores = scaleScores(data, indicator);
    return indicator.rescale ? rescaleAll(scores, indicator.rescale) : scores;
  }
  const values = itemValues(requireItem(indicator), indicator.missing);
  if (indicator.type === 'mean') {
    return indicator.rescale ? rescaleAll(values, indicator.rescale) : values;
  }
  const favourable = categories(indicator, 'favourable');
  const unfavourable = indicator.type === 'net' ? categories(indicator, 'unfavourable') : new Set<number>();
  if (indicator.type !== 'share' && indicator.type !== 'net') {
    throw new AnalysisError(`indicator "${indicator.id}" has unknown type "${String(indicator.type)}"`);
  }
  // Plain arrays scanned per row: a handful of codes is faster to compare than a Set to hash.
  const favourableCodes = Float64Array.from(favourable);
  const unfavourableCodes = Float64Array.from(unfavourable);
  const result = new Float64Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    let coded = value !== value ? NaN : 0;
    if (coded === 0) {
      for (let k = 0; k < favourableCodes.length; k++) if (favourableCodes[k] === value) coded = 1;
      if (coded === 0) for (let k = 0; k < unfavourableCodes.length; k++) if (unfavourableCodes[k] === value) coded = -1;
    }
    result[row] = coded;
  }
  return result;
}

function rescaleAll(values: Float64Array, range: { from: [number, number]; to: [number, number] }): Float64Array {
  const result = new Float64Array(values.length);
  for (let row = 0; row < values.length; row++) result[row] = rescale(values[row] as number, range.from, range.to);
  return result;
}
