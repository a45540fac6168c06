import type { Columns } from './types.ts';
import { AnalysisError, dataError } from './errors.ts';
import { numericColumn } from './columns.ts';

/**
 * The finite population correction of each stratum, as the factor (N_h − n_h)/N_h that R's
 * `survey:::onestrat` multiplies the stratum's variance by (1 where no correction applies).
 *
 * Why: read from `design.fpc` exactly as `svydesign(fpc = ~column)` reads it (`survey:::as.fpc`):
 * if any value is above 1 the column holds population numbers of PSUs, else sampling fractions
 * (population = sampled PSUs / fraction; a fraction of 0 is an infinite population). A column
 * mixing both (R: "Must have all fpc>=1 or all fpc<=1"), one implying more PSUs sampled than
 * exist, or one that varies within a stratum (R only warns and then mixes them) is refused.
 *
 * Reference: R `survey:::as.fpc`, `survey:::onestrat`; Cochran (1977) §5.3.
 *
 * @example
 * // two strata of 2 PSUs each, 10 and 4 PSUs in the population:
 * stratumFpc({ N: new Float64Array([10, 10, 4, 4]) }, 'N', Int32Array.of(0, 0, 1, 1), Int32Array.of(2, 2), ['a', 'b']);
 * // => Float64Array [0.8, 0.5]
 */
export function stratumFpc(
  data: Columns,
  column: string,
  stratumOfRow: Int32Array,
  psusInStratum: Int32Array,
  stratumLabels: readonly string[],
): Float64Array {
  const values = numericColumn(data, column, 'fpc');
  const byStratum = new Float64Array(psusInStratum.length).fill(NaN);
  let anyAbove = false;
  let allAtLeastOne = true;
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (Number.isNaN(value)) throw dataError(column, row, 'fpc is missing');
    if (value < 0) throw dataError(column, row, `fpc must not be negative, got ${value}`);
    const stratum = stratumOfRow[row] as number;
    const seen = byStratum[stratum] as number;
    if (Number.isNaN(seen)) byStratum[stratum] = value;
    else if (seen !== value) {
      throw dataError(column, row, `fpc varies within stratum "${stratumLabels[stratum]}" (${seen} and ${value})`);
    }
    if (value > 1) anyAbove = true;
    if (value < 1) allAtLeastOne = false;
  }
  if (anyAbove !== allAtLeastOne) {
    const row = anyAbove ? values.findIndex((value) => value < 1) : 0;
    throw dataError(column, Math.max(row, 0),
      'fpc must be all population sizes (above 1) or all sampling fractions (at most 1), as R requires');
  }
  return byStratum.map((value, stratum) => {
    const sampled = psusInStratum[stratum] as number;
    const population = anyAbove ? value : sampled / value;
    if (population < sampled) {
      const row = stratumOfRow.indexOf(stratum);
      throw new AnalysisError(
        `column "${column}", row ${row + 1}: fpc implies more than 100% sampling in stratum "${stratumLabels[stratum]}" ` +
          `(${sampled} PSUs sampled of ${population})`,
        { column, row: row + 1 },
      );
    }
    return population === Infinity ? 1 : (population - sampled) / population;
  });
}
