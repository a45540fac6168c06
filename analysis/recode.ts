import type { Columns, IndicatorSpec, NumberColumn } from './types.ts';
import { AnalysisError } from './errors.ts';
import { numberColumn } from './columns.ts';

/**
 * Item values with the spec's missing codes turned into NaN.
 *
 * Why: codes such as 77/88/99 (refusal, don't know, no answer in ESS) are never values; a
 * respondent with no valid value is outside the indicator's domain.
 *
 * @example
 * validValues({ q: new Float64Array([1, 99, 3]) }, 'q', [99]); // => Float64Array [1, NaN, 3]
 */
export function validValues(data: Columns, item: string, missing: readonly number[] = []): Float64Array {
  const raw = numberColumn(data, item, 'item');
  if (missing.length === 0) return raw instanceof Float64Array ? raw : Float64Array.from(raw);
  const codes = Float64Array.from(missing);
  const values = new Float64Array(raw.length);
  for (let row = 0; row < raw.length; row++) {
    const value = raw[row] as number;
    let isMissing = false;
    for (let k = 0; k < codes.length; k++) if (codes[k] === value) isMissing = true;
    values[row] = isMissing ? NaN : value;
  }
  return values;
}

/**
 * Mirrors a value within its scale: min + max − value (on 1..5, 1 ↔ 5 and 2 ↔ 4).
 *
 * Why: negatively worded items must point the same way as the others before they are averaged.
 *
 * @example
 * reverseScore(2, 1, 5); // => 4
 */
export function reverseScore(value: number, minimum: number, maximum: number): number {
  return minimum + maximum - value;
}

/**
 * Linear rescaling from one range to another, e.g. a 1..4 mean to 0..100.
 *
 * @example
 * rescale(2.5, [1, 4], [0, 100]); // => 50
 */
export function rescale(value: number, from: readonly [number, number], to: readonly [number, number]): number {
  return to[0] + ((value - from[0]) * (to[1] - to[0])) / (from[1] - from[0]);
}

function itemRange(indicator: IndicatorSpec): [number, number] | undefined {
  return indicator.scale ?? indicator.rescale?.from;
}

/**
 * Per-respondent scale score: the mean of the valid items after reversing those listed in
 * `reverse`, kept when at least `minValid` items are valid (default: all of them), else NaN.
 *
 * Why: the usual construct score in the trust-in-justice literature (Jackson et al. 2011).
 *
 * @example
 * // items a = [1, 2], b = [4, NaN], reverse b on 1..4, minValid 1: scores [1, 2]
 */
export function scaleScores(data: Columns, indicator: IndicatorSpec): Float64Array {
  const items = indicator.items ?? [];
  if (items.length === 0) throw new AnalysisError(`indicator "${indicator.id}" (scale) lists no items`);
  const reverse = new Set(indicator.reverse ?? []);
  const range = itemRange(indicator);
  if (reverse.size > 0 && range === undefined) {
    throw new AnalysisError(`indicator "${indicator.id}" reverses items but gives no "scale" or "rescale.from" range`);
  }
  const minValid = indicator.minValid ?? items.length;
  // Raw columns with the missing codes checked inline: no intermediate column per item.
  const columns = items.map((item) => numberColumn(data, item, 'item'));
  const missingCodes = Float64Array.from(indicator.missing ?? []);
  const reversed = items.map((item) => range !== undefined && reverse.has(item));
  const rows = columns[0]?.length ?? 0;
  const scores = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    let valid = 0;
    for (let k = 0; k < items.length; k++) {
      let value = (columns[k] as NumberColumn)[row] as number;
      if (value !== value) continue;
      let isMissing = false;
      for (let m = 0; m < missingCodes.length; m++) if (missingCodes[m] === value) isMissing = true;
      if (isMissing) continue;
      if (reversed[k] === true) value = reverseScore(value, (range as [number, number])[0], (range as [number, number])[1]);
      sum += value;
      valid++;
    }
    scores[row] = valid >= minValid && valid > 0 ? sum / valid : NaN;
  }
  return scores;
}
