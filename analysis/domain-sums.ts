import type { Design } from './design.ts';
import type { Breakdown } from './domains.ts';
import type { DomainCells } from './domain-cells.ts';
import { domainCells } from './domain-cells.ts';
import type { Calibration } from './weighting/calibration.ts';

/** Weighted sums of one indicator over the domains of a breakdown, by (domain, PSU) cell. */
export interface DomainSums {
  domainCount: number;
  /** The cells: which PSUs each domain reaches. */
  cells: DomainCells;
  /** Σ w·y by cell. */
  weightedValue: Float64Array;
  /** Σ w by cell. */
  weight: Float64Array;
  /** Rows with a valid value, by cell (zero where only other indicators have values). */
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
  cells: DomainCells = domainCells(design, breakdown),
): DomainSums {
  return domainSumsOfMany(design, calibration, [values], breakdown, cells)[0] as DomainSums;
}

function addStepSums(sums: DomainSums, steps: Calibration['steps'], domain: number, row: number, w: number, value: number): void {
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    const stepCell = domain * step.groupCount + (step.groups[row] as number);
    const scaled = (step.factor[row] as number) * w;
    sums.stepValue[s]![stepCell] = sums.stepValue[s]![stepCell]! + scaled * value;
    sums.stepWeight[s]![stepCell] = sums.stepWeight[s]![stepCell]! + scaled;
  }
}

function emptySums(cells: DomainCells, calibration: Calibration | null): DomainSums {
  const steps = calibration?.steps ?? [];
  const { domainCount } = cells;
  const cellCount = cells.cellPsu.length;
  return {
    domainCount,
    cells,
    weightedValue: new Float64Array(cellCount),
    weight: new Float64Array(cellCount),
    rows: new Float64Array(cellCount),
    weightedSquare: new Float64Array(domainCount),
    stepValue: steps.map((step) => new Float64Array(domainCount * step.groupCount)),
    stepWeight: steps.map((step) => new Float64Array(domainCount * step.groupCount)),
  };
}

/**
 * `domainSums` for several indicators in one pass over the rows of each layer (the row's cell,
 * weight and domain are looked up once for all of them).
 *
 * @example
 * const [fav, mean] = domainSumsOfMany(design, null, [favValues, meanValues], breakdown, cells);
 */
export function domainSumsOfMany(
  design: Design,
  calibration: Calibration | null,
  valuesList: readonly Float64Array[],
  breakdown: Breakdown,
  cells: DomainCells = domainCells(design, breakdown),
): DomainSums[] {
  const { weights } = design;
  const all = valuesList.map(() => emptySums(cells, calibration));
  const steps = calibration?.steps ?? [];
  const indicatorCount = valuesList.length;
  const weightedValues = all.map((sums) => sums.weightedValue);
  const weightSums = all.map((sums) => sums.weight);
  const rowCounts = all.map((sums) => sums.rows);
  const squares = all.map((sums) => sums.weightedSquare);
  breakdown.layers.forEach((layer, layerIndex) => {
    const entryCell = cells.entryCell[layerIndex] as Int32Array;
    const count = entryCell.length;
    for (let index = 0; index < count; index++) {
      const row = layer === null ? index : (layer.rows[index] as number);
      const domain = layer === null ? 0 : (layer.codes[index] as number);
      const w = weights[row] as number;
      const cell = entryCell[index] as number;
      for (let k = 0; k < indicatorCount; k++) {
        const value = (valuesList[k] as Float64Array)[row] as number;
        if (value !== value) continue;
        const weightedValue = weightedValues[k] as Float64Array;
        const weight = weightSums[k] as Float64Array;
        const rows = rowCounts[k] as Float64Array;
        const square = squares[k] as Float64Array;
        weightedValue[cell] = (weightedValue[cell] as number) + w * value;
        weight[cell] = (weight[cell] as number) + w;
        rows[cell] = (rows[cell] as number) + 1;
        square[domain] = (square[domain] as number) + w * value * value;
        if (steps.length > 0) addStepSums(all[k] as DomainSums, steps, domain, row, w, value);
      }
    }
  });
  return all;
}
