import type { Design } from './design.ts';
import type { Breakdown } from './domains.ts';
import type { Calibration } from './weighting/calibration.ts';

/** Weighted sums of one indicator over the domains of a breakdown, by PSU. */
export interface DomainSums {
  domainCount: number;
  psuCount: number;
  /** Σ w·y by [domain · psuCount + psu]. */
  weightedValue: Float64Array;
  /** Σ w by [domain · psuCount + psu]. */
  weight: Float64Array;
  /** Rows by [domain · psuCount + psu]. */
  rows: Float64Array;
  /** Σ w·y² by domain. */
  weightedSquare: Float64Array;
  /** Per calibration step, Σ factor·w·y by [domain · groupCount + group]. */
  stepValue: Float64Array[];
  /** Per calibration step, Σ factor·w by [domain · groupCount + group]. */
  stepWeight: Float64Array[];
}

/**
 * One pass over the rows: the sums from which every domain's estimate, linearised variance,
 * design effect and degrees of freedom follow. Rows with NaN in `values` are outside every domain.
 *
 * Why: a ratio mean's influence values w(y − ȳ)/Σw summed within a PSU are
 * (Σ_psu wy − ȳ Σ_psu w)/Σw, so PSU sums suffice and the rows are read once per breakdown.
 *
 * Reference: Woodruff (1971) linearisation of ratio estimators; R `svyby(~y, ~g, design, svymean)`.
 *
 * @example
 * const sums = domainSums(design, null, values, crossDimensions([region]));
 */
export function domainSums(
  design: Design,
  calibration: Calibration | null,
  values: Float64Array,
  breakdown: Breakdown,
): DomainSums {
  const { domainCount } = breakdown;
  const { psuCount, psuOfRow, weights } = design;
  const weightedValue = new Float64Array(domainCount * psuCount);
  const weight = new Float64Array(domainCount * psuCount);
  const rows = new Float64Array(domainCount * psuCount);
  const weightedSquare = new Float64Array(domainCount);
  const steps = calibration?.steps ?? [];
  const stepValue = steps.map((step) => new Float64Array(domainCount * step.groupCount));
  const stepWeight = steps.map((step) => new Float64Array(domainCount * step.groupCount));
  for (const layer of breakdown.layers) {
    const count = layer === null ? values.length : layer.rows.length;
    for (let index = 0; index < count; index++) {
      const row = layer === null ? index : (layer.rows[index] as number);
      const value = values[row] as number;
      if (value !== value) continue;
      const domain = layer === null ? 0 : (layer.codes[index] as number);
      const w = weights[row] as number;
      const cell = domain * psuCount + (psuOfRow[row] as number);
      weightedValue[cell] = weightedValue[cell]! + w * value;
      weight[cell] = weight[cell]! + w;
      rows[cell] = rows[cell]! + 1;
      weightedSquare[domain] = weightedSquare[domain]! + w * value * value;
      for (let s = 0; s < steps.length; s++) {
        const step = steps[s]!;
        const stepCell = domain * step.groupCount + (step.groups[row] as number);
        const scaled = (step.factor[row] as number) * w;
        stepValue[s]![stepCell] = stepValue[s]![stepCell]! + scaled * value;
        stepWeight[s]![stepCell] = stepWeight[s]![stepCell]! + scaled;
      }
    }
  }
  return { domainCount, psuCount, weightedValue, weight, rows, weightedSquare, stepValue, stepWeight };
}
