import type { Calibration } from './calibration.ts';

/** Group-level cross sums a calibration's variance needs, computed once per calibration. */
export interface CalibrationProducts {
  /** cross[s][t][g * G_t + h] = Σ over rows in group g of step s and h of step t of factor_s · after_t. */
  cross: Float64Array[][];
  /** psuWeight[t][p * G_t + h] = Σ over rows of PSU p in group h of step t of after_t. */
  psuWeight: Float64Array[];
}

const cache = new WeakMap<Calibration, CalibrationProducts>();

/**
 * Precomputes the cross sums between calibration steps (once per design).
 *
 * @example
 * const products = calibrationProducts(calibration, design.psuOfRow, design.psuCount);
 */
export function calibrationProducts(calibration: Calibration, psuOfRow: Int32Array, psuCount: number): CalibrationProducts {
  const cached = cache.get(calibration);
  if (cached) return cached;
  const { steps } = calibration;
  const cross = steps.map((stepS) =>
    steps.map((stepT) => {
      const table = new Float64Array(stepS.groupCount * stepT.groupCount);
      for (let row = 0; row < psuOfRow.length; row++) {
        const cell = (stepS.groups[row] as number) * stepT.groupCount + (stepT.groups[row] as number);
        table[cell] = (table[cell] as number) + (stepS.factor[row] as number) * (stepT.after[row] as number);
      }
      return table;
    }),
  );
  const psuWeight = steps.map((step) => {
    const table = new Float64Array(psuCount * step.groupCount);
    for (let row = 0; row < psuOfRow.length; row++) {
      const cell = (psuOfRow[row] as number) * step.groupCount + (step.groups[row] as number);
      table[cell] = (table[cell] as number) + (step.after[row] as number);
    }
    return table;
  });
  const products = { cross, psuWeight };
  cache.set(calibration, products);
  return products;
}

/**
 * PSU totals of the calibration residuals of an influence variable x, from the PSU totals of x
 * and, per step, its group sums Σ_g factor·x. Equivalent to R's `svyrecvar` loop
 * `x <- x - psw * m[group]` (ten passes over the margins for raking, one for post-stratification),
 * done on group totals instead of rows because the corrections are constant within groups.
 *
 * Why: a post-stratified or raked estimator's variance is that of the residuals of its influence
 * values from the calibration margins (Deville & Särndal 1992); matching R needs R's exact
 * finite number of backfitting passes.
 *
 * Reference: R `survey:::svyrecvar` (postStrata branch); Lumley (2010) §7.4.
 *
 * @example
 * const residuals = residualPsuTotals(calibration, products, psuTotals, stepSums, design.psuCount);
 */
export function residualPsuTotals(
  calibration: Calibration,
  products: CalibrationProducts,
  psuTotals: Float64Array,
  stepSums: readonly Float64Array[],
  psuCount: number,
): Float64Array {
  const { steps } = calibration;
  const corrections = steps.map((step) => new Float64Array(step.groupCount));
  for (let pass = 0; pass < calibration.passes; pass++) {
    steps.forEach((step, s) => {
      const sums = stepSums[s] as Float64Array;
      const correction = corrections[s] as Float64Array;
      for (let group = 0; group < step.groupCount; group++) {
        let current = sums[group] as number;
        steps.forEach((other, t) => {
          const cross = (products.cross[s] as Float64Array[])[t] as Float64Array;
          const otherCorrection = corrections[t] as Float64Array;
          const base = group * other.groupCount;
          for (let h = 0; h < other.groupCount; h++) current -= (cross[base + h] as number) * (otherCorrection[h] as number);
        });
        correction[group] = (correction[group] as number) + current / (step.denominator[group] as number);
      }
    });
  }
  const result = Float64Array.from(psuTotals);
  steps.forEach((step, t) => {
    const psuWeight = products.psuWeight[t] as Float64Array;
    const correction = corrections[t] as Float64Array;
    for (let psu = 0; psu < psuCount; psu++) {
      let total = 0;
      const base = psu * step.groupCount;
      for (let h = 0; h < step.groupCount; h++) total += (psuWeight[base + h] as number) * (correction[h] as number);
      result[psu] = (result[psu] as number) - total;
    }
  });
  return result;
}
