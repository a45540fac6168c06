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
  /**
   * By cell, shared by the indicators summed together: cellSums[cell · stride + offset + j] is
   * Σ w·y (j = 0) and Σ w (j = 1; zero where only other indicators have values, so it also says
   * whether the PSU has rows with a valid value, weights being positive). Interleaved so one
   * row's additions to a cell touch one cache line.
   */
  cellSums: Float64Array;
  stride: number;
  offset: number;
  /** By domain: [domain · 4 + j] = Σ w·y, Σ w, rows with a valid value, Σ w·y² (j = 0 … 3). */
  domainTotals: Float64Array;
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

/** Per calibration step, factor · w of every row (the step sums' weights), once per calibration. */
const scaledCache = new WeakMap<Calibration, Float64Array[]>();

function scaledWeights(calibration: Calibration, weights: Float64Array): Float64Array[] {
  let scaled = scaledCache.get(calibration);
  if (scaled === undefined) {
    scaled = calibration.steps.map((step) => step.factor.map((factor, row) => factor * (weights[row] as number)));
    scaledCache.set(calibration, scaled);
  }
  return scaled;
}

/**
 * `domainSums` for several indicators in one pass over the rows of each layer, in row order
 * (the row's cell and weight are looked up once for all of them).
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
  const { domainCount, entryCell } = cells;
  if (entryCell === null) throw new Error('domainSumsOfMany needs cells with their rows');
  const steps = calibration?.steps ?? [];
  const stepCount = steps.length;
  const stepGroups = steps.map((step) => step.groups);
  const stepGroupCounts = steps.map((step) => step.groupCount);
  const stepScaled = calibration === null ? [] : scaledWeights(calibration, weights);
  const indicatorCount = valuesList.length;
  const stride = 2 * indicatorCount;
  const cellSums = new Float64Array(cells.cellPsu.length * stride);
  const all: DomainSums[] = valuesList.map((_, k) => ({
    domainCount, cells, cellSums, stride, offset: 2 * k,
    domainTotals: new Float64Array(domainCount * 4),
    stepValue: steps.map((step) => new Float64Array(domainCount * step.groupCount)),
    stepWeight: steps.map((step) => new Float64Array(domainCount * step.groupCount)),
  }));
  // Flat list indexed k · stepCount + s, so the inner loop reads plain arrays.
  const stepValues = all.flatMap((sums) => sums.stepValue);
  const stepWeights = all.flatMap((sums) => sums.stepWeight);
  const entryStepCell = new Int32Array(stepCount);
  const entryScaled = new Float64Array(stepCount);
  const totals = all.map((sums) => sums.domainTotals);
  let entry = 0;
  for (const layer of breakdown.layers) {
    const count = layer === null ? design.rowCount : layer.rows.length;
    for (let index = 0; index < count; index++, entry++) {
      const row = layer === null ? index : (layer.rows[index] as number);
      const domain = layer === null ? 0 : (layer.codes[index] as number);
      const w = weights[row] as number;
      const base = (entryCell[entry] as number) * stride;
      for (let s = 0; s < stepCount; s++) {
        entryStepCell[s] = domain * (stepGroupCounts[s] as number) + ((stepGroups[s] as Int32Array)[row] as number);
        entryScaled[s] = (stepScaled[s] as Float64Array)[row] as number;
      }
      for (let k = 0; k < indicatorCount; k++) {
        const value = (valuesList[k] as Float64Array)[row] as number;
        if (value !== value) continue;
        const at = base + 2 * k;
        const weighted = w * value;
        cellSums[at] = (cellSums[at] as number) + weighted;
        cellSums[at + 1] = (cellSums[at + 1] as number) + w;
        const domainTotals = totals[k] as Float64Array;
        const t = domain * 4;
        domainTotals[t] = (domainTotals[t] as number) + weighted;
        domainTotals[t + 1] = (domainTotals[t + 1] as number) + w;
        domainTotals[t + 2] = (domainTotals[t + 2] as number) + 1;
        domainTotals[t + 3] = (domainTotals[t + 3] as number) + weighted * value;
        for (let s = 0; s < stepCount; s++) {
          const stepCell = entryStepCell[s] as number;
          const scaled = entryScaled[s] as number;
          const stepValue = stepValues[k * stepCount + s] as Float64Array;
          const stepWeight = stepWeights[k * stepCount + s] as Float64Array;
          stepValue[stepCell] = (stepValue[stepCell] as number) + scaled * value;
          stepWeight[stepCell] = (stepWeight[stepCell] as number) + scaled;
        }
      }
    }
  }
  return all;
}
