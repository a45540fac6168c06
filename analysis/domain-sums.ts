import type { Design } from './design.ts';
import type { DomainCells } from './domain-cells.ts';
import type { Calibration } from './weighting/calibration.ts';
import type { RowEntries, SummedBreakdown } from './row-entries.ts';

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

/** True when every valid value is 0 or 1 (a share), so Σ w·y² is Σ w·y. */
function isBinary(values: Float64Array): boolean {
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (value !== 0 && value !== 1 && value === value) return false;
  }
  return true;
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
 * One pass over the rows for several indicators and several breakdowns (region × channel and
 * region): the sums from which every domain's estimate, linearised variance, design effect and
 * degrees of freedom follow. Each row's weight, calibration groups and values are read once and
 * added to every cell and domain of its entries; rows with NaN in an indicator's values are
 * outside its domains. One list per breakdown, one entry per indicator.
 *
 * Why: a ratio mean's influence values w(y − ȳ)/Σw summed within a PSU are
 * (Σ_psu wy − ȳ Σ_psu w)/Σw, so PSU sums suffice. The values of a million rows are streamed once
 * per group of indicators, not once per layer (see row-entries.ts); cell sums keep their order of
 * addition. Σ w·y and Σ w of a
 * domain are added up from its cells (the same up to rounding in the last bits) and n
 * from the entries without a value, so a valid value costs two additions per cell (plus Σ w·y²
 * unless the indicator is 0/1, plus two per calibration step) instead of eight.
 *
 * `buffer`, when given and large enough, holds the cell sums (the results then share it, so it
 * must not be reused while they are in use). `binaryKnown[k]` true says indicator k is 0/1 (a
 * share) without scanning its values.
 *
 * Reference: Woodruff (1971) linearisation of ratio estimators; R `svyby(~y, ~g, design, svymean)`.
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
  buffer?: Float64Array,
  binaryKnown?: readonly boolean[],
): DomainSums[][] {
  const { weights, rowCount } = design;
  const steps = calibration?.steps ?? [];
  const stepCount = steps.length;
  const stepGroups = steps.map((step) => step.groups);
  const stepGroupCounts = steps.map((step) => step.groupCount);
  const stepScaled = calibration === null ? [] : scaledWeights(calibration, weights);
  const indicatorCount = valuesList.length;
  const stride = 2 * indicatorCount;
  const { rowStart, cell: entryCell, domain: entryDomain, cellOffset, domainOffset, domainEntries } = entries;
  const domainCount = domainOffset[summed.length] as number;
  const cellLength = (cellOffset[summed.length] as number) * stride;
  // A caller's buffer is reused (zeroed here): a fresh one of ~80 MB per group of indicators cost
  // more in page faults on first touch than the additions themselves.
  const cellSums = buffer !== undefined && buffer.length >= cellLength ? buffer.subarray(0, cellLength).fill(0) : new Float64Array(cellLength);
  // Only what the cells cannot give: Σ w·y² (for indicators that are not 0/1) and the entries
  // without a valid value, by [domain · K + k]; Σ w·y, Σ w and n follow after the pass.
  const squares = new Float64Array(domainCount * indicatorCount);
  const missing = new Float64Array(domainCount * indicatorCount);
  const binary = valuesList.map((values, k) => binaryKnown?.[k] === true || isBinary(values));
  const squaredK = Int32Array.from(binary.map((flag) => (flag ? 0 : 1)));
  // Per step, interleaved by indicator: steps[((domain · G + group) · K + k) · 2 + j].
  const stepSums = steps.map((step) => new Float64Array(domainCount * step.groupCount * stride));
  let widest = 0;
  for (let row = 0; row < rowCount; row++) widest = Math.max(widest, (rowStart[row + 1] as number) - (rowStart[row] as number));
  // Per entry of the current row: where its cell and step sums start, and its domain.
  const cellBase = new Int32Array(widest);
  const domainBase = new Int32Array(widest);
  const stepBase = new Int32Array(widest * stepCount);
  const rowScaled = new Float64Array(stepCount);
  for (let row = 0; row < rowCount; row++) {
    const first = rowStart[row] as number;
    const width = (rowStart[row + 1] as number) - first;
    if (width === 0) continue;
    const w = weights[row] as number;
    for (let e = 0; e < width; e++) {
      const domain = entryDomain[first + e] as number;
      cellBase[e] = (entryCell[first + e] as number) * stride;
      domainBase[e] = domain * indicatorCount;
      for (let s = 0; s < stepCount; s++) {
        stepBase[e * stepCount + s] = (domain * (stepGroupCounts[s] as number) + ((stepGroups[s] as Int32Array)[row] as number)) * stride;
      }
    }
    for (let s = 0; s < stepCount; s++) rowScaled[s] = (stepScaled[s] as Float64Array)[row] as number;
    // Indicator by indicator, so a value is read, checked and multiplied once for all the row's domains.
    for (let k = 0; k < indicatorCount; k++) {
      const value = (valuesList[k] as Float64Array)[row] as number;
      if (value !== value) {
        for (let e = 0; e < width; e++) missing[(domainBase[e] as number) + k] = (missing[(domainBase[e] as number) + k] as number) + 1;
        continue;
      }
      const weighted = w * value;
      for (let e = 0; e < width; e++) {
        const at = (cellBase[e] as number) + 2 * k;
        cellSums[at] = (cellSums[at] as number) + weighted;
        cellSums[at + 1] = (cellSums[at + 1] as number) + w;
      }
      if (squaredK[k] === 1) {
        const squared = weighted * value;
        for (let e = 0; e < width; e++) squares[(domainBase[e] as number) + k] = (squares[(domainBase[e] as number) + k] as number) + squared;
      }
      for (let s = 0; s < stepCount; s++) {
        const sums = stepSums[s] as Float64Array;
        const scaled = rowScaled[s] as number;
        const scaledValue = scaled * value;
        for (let e = 0; e < width; e++) {
          const at = (stepBase[e * stepCount + s] as number) + 2 * k;
          sums[at] = (sums[at] as number) + scaledValue;
          sums[at + 1] = (sums[at + 1] as number) + scaled;
        }
      }
    }
  }
  return summed.map(({ cells }, b) => {
    const firstDomain = domainOffset[b] as number;
    const count = cells.domainCount;
    const own = cellSums.subarray((cellOffset[b] as number) * stride, (cellOffset[b + 1] as number) * stride);
    // Σ w·y and Σ w of every domain and indicator, in one pass over the breakdown's cells.
    const fromCells = new Float64Array(count * stride);
    for (let domain = 0; domain < count; domain++) {
      for (let cell = cells.domainStart[domain] as number; cell < (cells.domainEnd[domain] as number); cell++) {
        for (let j = 0; j < stride; j++) fromCells[domain * stride + j] = (fromCells[domain * stride + j] as number) + (own[cell * stride + j] as number);
      }
    }
    return valuesList.map((_, k): DomainSums => {
      const domainTotals = new Float64Array(count * 4);
      for (let domain = 0; domain < count; domain++) {
        const sumValues = fromCells[domain * stride + 2 * k] as number;
        const global = (firstDomain + domain) * indicatorCount + k;
        domainTotals[domain * 4] = sumValues;
        domainTotals[domain * 4 + 1] = fromCells[domain * stride + 2 * k + 1] as number;
        domainTotals[domain * 4 + 2] = (domainEntries[firstDomain + domain] as number) - (missing[global] as number);
        // Σ w·y² = Σ w·y when every value is 0 or 1.
        domainTotals[domain * 4 + 3] = binary[k] === true ? sumValues : (squares[global] as number);
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
