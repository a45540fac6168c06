import type { Columns } from '../types.ts';
import { AnalysisError, dataError } from '../errors.ts';
import { labelColumn } from '../columns.ts';
import type { CalibrationStep } from './calibration.ts';

/** Codes of a margin column, with an error naming the row when a value is missing. */
export function marginCodes(data: Columns, column: string): { codes: Int32Array; labels: string[] } {
  const margin = labelColumn(data, column, 'weighting margin');
  const missing = margin.codes.indexOf(-1);
  if (missing >= 0) throw dataError(column, missing, 'weighting margin value is missing');
  return margin;
}

/**
 * One post-stratification step: multiplies every weight by N_g / Σ_g w so that the weights sum
 * to the population total of each category of `column`, and records what the variance needs.
 *
 * Why: post-stratification to census counts corrects for unequal response across groups and,
 * because group totals are then known, removes their sampling variance.
 *
 * Reference: R `postStratify(design, ~column, population)` (survey 4.1); Lumley (2010) §7.3.
 *
 * @example
 * const { weights } = postStratifyStep({ sex: ['f', 'm', 'm'] }, new Float64Array([1, 1, 1]),
 *   'sex', { f: 10, m: 10 });
 * // weights => [10, 5, 5]
 */
export function postStratifyStep(
  data: Columns,
  weights: Float64Array,
  column: string,
  population: Record<string, number>,
  margin = marginCodes(data, column),
): { weights: Float64Array; step: CalibrationStep } {
  const { codes, labels } = margin;
  const groupCount = labels.length;
  const sampleTotals = new Float64Array(groupCount);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    sampleTotals[code] = (sampleTotals[code] as number) + (weights[row] as number);
  }
  const ratio = new Float64Array(groupCount);
  labels.forEach((label, code) => {
    const total = population[label];
    if (total === undefined || !(total > 0)) {
      throw new AnalysisError(`weighting margin "${column}": category "${label}" is in the data but has no population total`, { column });
    }
    ratio[code] = total / (sampleTotals[code] as number);
  });
  const inData = new Set(labels);
  for (const label of Object.keys(population)) {
    if (!inData.has(label) && (population[label] ?? 0) > 0) {
      throw new AnalysisError(`weighting margin "${column}": category "${label}" has a population total but no respondents`, { column });
    }
  }
  const after = new Float64Array(codes.length);
  const factor = new Float64Array(codes.length);
  const denominator = new Float64Array(groupCount);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    const before = weights[row] as number;
    const adjusted = 1 / (1 / before / (ratio[code] as number));
    after[row] = adjusted;
    factor[row] = before / adjusted;
    denominator[code] = (denominator[code] as number) + before;
  }
  return { weights: after, step: { column, groups: codes, groupCount, after, factor, denominator } };
}
