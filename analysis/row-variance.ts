import type { Prepared } from './prepared.ts';
import { influenceVariance } from './domain-estimate.ts';
import type { Influence } from './domain-estimate.ts';

/**
 * The influence of an estimate given per row (R's `svyrecvar` input: x_i, already weighted),
 * summed by PSU over the rows listed, with the calibration group sums a calibrated design needs
 * and, per PSU, the Σ w of the listed rows (to drop strata a domain does not reach).
 *
 * @example
 * rowInfluence(prepared, rows, (row) => w[row] * (y[row] - mean) / sumWeights);
 */
export function rowInfluence(prepared: Prepared, rows: Int32Array, influenceOf: (row: number, at: number) => number): { influence: Influence; presence: Float64Array } {
  const { design, calibration } = prepared;
  const position = new Map<number, number>();
  const psus: number[] = [];
  const totals: number[] = [];
  const presence: number[] = [];
  const steps = calibration?.steps ?? [];
  const stepSums = steps.map((step) => new Float64Array(step.groupCount));
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] as number;
    const psu = design.psuOfRow[row] as number;
    let entry = position.get(psu);
    if (entry === undefined) {
      entry = psus.length;
      position.set(psu, entry);
      psus.push(psu);
      totals.push(0);
      presence.push(0);
    }
    const x = influenceOf(row, at);
    totals[entry] = (totals[entry] as number) + x;
    presence[entry] = (presence[entry] as number) + (design.weights[row] as number);
    steps.forEach((step, s) => {
      const sums = stepSums[s] as Float64Array;
      const group = step.groups[row] as number;
      sums[group] = (sums[group] as number) + (step.factor[row] as number) * x;
    });
  }
  return {
    influence: { psus: Int32Array.from(psus), psuTotals: Float64Array.from(totals), stepSums },
    presence: Float64Array.from(presence),
  };
}

/**
 * Taylor-linearised variance of an estimate from its per-row influence values over the listed
 * rows (zero elsewhere), over the full design: calibration residuals, lonely PSUs and the finite
 * population correction as for every other estimate.
 *
 * Reference: R `survey:::svyrecvar`; Binder (1983) for influence functions of estimating equations.
 *
 * @example
 * rowsVariance(prepared, rows, (row) => w[row] * y[row]); // variance of a domain total
 */
export function rowsVariance(prepared: Prepared, rows: Int32Array, influenceOf: (row: number, at: number) => number): number {
  const { influence, presence } = rowInfluence(prepared, rows, influenceOf);
  return influenceVariance(prepared.design, prepared.calibration, influence, prepared.calibration === null ? presence : null);
}

/**
 * R's `degf()` of a domain: PSUs with a listed row minus strata with a listed row (the rows are
 * of nonzero weight: zero-weight rows are outside every domain).
 *
 * @example
 * domainDegf(prepared, rows); // => 21
 */
export function domainDegf(prepared: Prepared, rows: Int32Array): number {
  const { design } = prepared;
  const psus = new Set<number>();
  const strata = new Set<number>();
  for (const row of rows) {
    psus.add(design.psuOfRow[row] as number);
    strata.add(design.stratumOfRow[row] as number);
  }
  return psus.size - strata.size;
}
