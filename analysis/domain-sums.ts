import type { Design } from './design.ts';
import type { Breakdown } from './domains.ts';
import type { DomainCells } from './domain-cells.ts';
import { domainCells } from './domain-cells.ts';
import type { Calibration } from './weighting/calibration.ts';
import type { RowEntries, SummedBreakdown } from './row-entries.ts';
import { rowEntries } from './row-entries.ts';

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
  const summed = [{ breakdown, cells }];
  return domainSumsOfBreakdowns(design, calibration, valuesList, summed, rowEntries(design.rowCount, summed))[0] as DomainSums[];
}

/**
 * `domainSums` for several indicators and several breakdowns (region × channel and region) in
 * one pass over the rows: each row's weight, calibration groups and values are read once and
 * added to every cell and domain of its entries. One list per breakdown, one entry per indicator.
 *
 * Why: the values of a million rows are then streamed once per group of indicators, not once
 * per layer (see row-entries.ts); sums are the same, in the same order.
 *
 * @example
 * const [byRegionChannel, byRegion] = domainSumsOfBreakdowns(design, null, values, summed, rowEntries(rowCount, summed));
 */
export function domainSumsOfBreakdowns(
  design: Design,
  calibration: Calibration | null,
  valuesList: readonly Float64Array[],
  summed: readonly SummedBreakdown[],
  entries: RowEntries,
): DomainSums[][] {
  const { weights, rowCount } = design;
  const steps = calibration?.steps ?? [];
  const stepCount = steps.length;
  const stepGroups = steps.map((step) => step.groups);
  const stepGroupCounts = steps.map((step) => step.groupCount);
  const stepScaled = calibration === null ? [] : scaledWeights(calibration, weights);
  const indicatorCount = valuesList.length;
  const stride = 2 * indicatorCount;
  const { rowStart, cell: entryCell, domain: entryDomain, cellOffset, domainOffset } = entries;
  const domainCount = domainOffset[summed.length] as number;
  const cellSums = new Float64Array((cellOffset[summed.length] as number) * stride);
  // Flat, interleaved by indicator, so one entry's additions for all indicators sit side by side:
  // totals[(domain · K + k) · 4 + j] and, per step, steps[((domain · G + group) · K + k) · 2 + j].
  const totals = new Float64Array(domainCount * indicatorCount * 4);
  const stepSums = steps.map((step) => new Float64Array(domainCount * step.groupCount * stride));
  const rowGroup = new Int32Array(stepCount);
  const rowScaled = new Float64Array(stepCount);
  const rowValue = new Float64Array(indicatorCount);
  for (let row = 0; row < rowCount; row++) {
    const first = rowStart[row] as number;
    const last = rowStart[row + 1] as number;
    if (first === last) continue;
    const w = weights[row] as number;
    for (let s = 0; s < stepCount; s++) {
      rowGroup[s] = (stepGroups[s] as Int32Array)[row] as number;
      rowScaled[s] = (stepScaled[s] as Float64Array)[row] as number;
    }
    for (let k = 0; k < indicatorCount; k++) rowValue[k] = (valuesList[k] as Float64Array)[row] as number;
    for (let entry = first; entry < last; entry++) {
      const base = (entryCell[entry] as number) * stride;
      const domain = entryDomain[entry] as number;
      const totalBase = domain * indicatorCount * 4;
      for (let k = 0; k < indicatorCount; k++) {
        const value = rowValue[k] as number;
        if (value !== value) continue;
        const at = base + 2 * k;
        const weighted = w * value;
        cellSums[at] = (cellSums[at] as number) + weighted;
        cellSums[at + 1] = (cellSums[at + 1] as number) + w;
        const t = totalBase + 4 * k;
        totals[t] = (totals[t] as number) + weighted;
        totals[t + 1] = (totals[t + 1] as number) + w;
        totals[t + 2] = (totals[t + 2] as number) + 1;
        totals[t + 3] = (totals[t + 3] as number) + weighted * value;
        for (let s = 0; s < stepCount; s++) {
          const sums = stepSums[s] as Float64Array;
          const scaled = rowScaled[s] as number;
          const stepAt = (domain * (stepGroupCounts[s] as number) + (rowGroup[s] as number)) * stride + 2 * k;
          sums[stepAt] = (sums[stepAt] as number) + scaled * value;
          sums[stepAt + 1] = (sums[stepAt + 1] as number) + scaled;
        }
      }
    }
  }
  return summed.map(({ cells }, b) => {
    const firstDomain = domainOffset[b] as number;
    const count = cells.domainCount;
    const own = cellSums.subarray((cellOffset[b] as number) * stride, (cellOffset[b + 1] as number) * stride);
    return valuesList.map((_, k): DomainSums => {
      const domainTotals = new Float64Array(count * 4);
      for (let domain = 0; domain < count; domain++) {
        for (let j = 0; j < 4; j++) domainTotals[domain * 4 + j] = totals[((firstDomain + domain) * indicatorCount + k) * 4 + j] as number;
      }
      const unpack = (j: number) => (sums: Float64Array, s: number): Float64Array => {
        const groups = stepGroupCounts[s] as number;
        const result = new Float64Array(count * groups);
        const from = firstDomain * groups;
        for (let index = 0; index < count * groups; index++) result[index] = sums[(from + index) * stride + 2 * k + j] as number;
        return result;
      };
      return {
        domainCount: count, cells, cellSums: own, stride, offset: 2 * k, domainTotals,
        stepValue: stepSums.map(unpack(0)), stepWeight: stepSums.map(unpack(1)),
      };
    });
  });
}
