import type { DomainCells } from './domain-cells.ts';
import type { DomainSums } from './domain-sums.ts';
import type { ResolvedDimension } from './domains.ts';

/**
 * True when a dimension partitions every row (one column, no missing value), so that summing a
 * crossing over its groups gives the breakdown without it.
 *
 * @example
 * isCompletePartition(region); // => true when every row has a region
 */
export function isCompletePartition(dimension: ResolvedDimension): boolean {
  return dimension.layers.length === 1 && (dimension.layers[0] as Int32Array).indexOf(-1) < 0;
}

/** Cells of a breakdown folded from a crossing, and the folded cell of every crossing cell (null: the same cells). */
export interface FoldedCells {
  cells: DomainCells;
  target: Int32Array | null;
}

/**
 * The cells of the breakdown without the crossing's first dimension (which must be a complete
 * partition with `firstGroups` groups): domain `rest` reaches a PSU when some domain
 * (first, rest) does. When no PSU is in two of those domains (PSUs nested in the first
 * dimension, e.g. regions when strata are wave × region), the crossing's cells are reused as
 * they are: (·, rest) lie side by side, so nothing is copied or added.
 *
 * @example
 * const byChannel = foldCells(regionByChannel.cells, regionCount, design.psuCount);
 */
export function foldCells(crossed: DomainCells, firstGroups: number, psuCount: number): FoldedCells {
  const restCount = crossed.domainCount / firstGroups;
  const cellOfPsu = new Int32Array(psuCount).fill(-1);
  const target = new Int32Array(crossed.cellPsu.length);
  const cellPsu = new Int32Array(crossed.cellPsu.length);
  const domainStart = new Int32Array(restCount);
  const domainEnd = new Int32Array(restCount);
  let cells = 0;
  let nested = true;
  for (let rest = 0; rest < restCount; rest++) {
    domainStart[rest] = cells;
    const first = cells;
    for (let group = 0; group < firstGroups; group++) {
      const domain = group * restCount + rest;
      for (let cell = crossed.domainStart[domain] as number; cell < (crossed.domainEnd[domain] as number); cell++) {
        const psu = crossed.cellPsu[cell] as number;
        let folded = cellOfPsu[psu] as number;
        if (folded < 0) {
          folded = cells++;
          cellOfPsu[psu] = folded;
          cellPsu[folded] = psu;
        } else nested = false;
        target[cell] = folded;
      }
    }
    for (let cell = first; cell < cells; cell++) cellOfPsu[cellPsu[cell] as number] = -1;
    domainEnd[rest] = cells;
  }
  if (nested) {
    for (let rest = 0; rest < restCount; rest++) {
      domainStart[rest] = crossed.domainStart[rest] as number;
      domainEnd[rest] = crossed.domainEnd[(firstGroups - 1) * restCount + rest] as number;
    }
    return { cells: { ...crossed, domainCount: restCount, domainStart, domainEnd, entryCell: null }, target: null };
  }
  const folded: DomainCells = {
    domainCount: restCount, domainStart, domainEnd, cellPsu: cellPsu.slice(0, cells), entryCell: null,
  };
  return { cells: folded, target };
}

/**
 * Domain sums of the breakdown without the crossing's first dimension, from those of the
 * crossing (several indicators sharing one `cellSums`): each cell and domain total is the sum
 * over the first dimension's groups (or the crossing's own cells, when `foldCells` could reuse them).
 *
 * Why: "by channel" is then read off "by region × channel", and the whole sample off "by
 * region", instead of more passes over a million rows; the sums (and so every estimate) are the
 * same up to rounding.
 *
 * @example
 * const byChannel = foldSums(regionByChannelSums, foldCells(cells, regionCount, design.psuCount));
 */
export function foldSums(crossed: readonly DomainSums[], folded: FoldedCells): DomainSums[] {
  const sample = crossed[0];
  if (sample === undefined) return [];
  const { stride } = sample;
  const { cells, target } = folded;
  const restCount = cells.domainCount;
  const firstGroups = sample.domainCount / restCount;
  let cellSums = sample.cellSums;
  if (target !== null) {
    cellSums = new Float64Array(cells.cellPsu.length * stride);
    const source = sample.cellSums;
    const crossedCells = sample.cells;
    // In the order foldCells made the folded cells, so the writes run forward through memory.
    for (let rest = 0; rest < restCount; rest++) {
      for (let group = 0; group < firstGroups; group++) {
        const domain = group * restCount + rest;
        for (let cell = crossedCells.domainStart[domain] as number; cell < (crossedCells.domainEnd[domain] as number); cell++) {
          const from = cell * stride;
          const to = (target[cell] as number) * stride;
          for (let j = 0; j < stride; j++) cellSums[to + j] = (cellSums[to + j] as number) + (source[from + j] as number);
        }
      }
    }
  }
  const fold = (source: Float64Array): Float64Array => {
    const width = source.length / sample.domainCount;
    const result = new Float64Array(restCount * width);
    for (let group = 0; group < firstGroups; group++) {
      const base = group * restCount * width;
      for (let index = 0; index < restCount * width; index++) result[index] = (result[index] as number) + (source[base + index] as number);
    }
    return result;
  };
  return crossed.map((sums) => ({
    domainCount: restCount,
    cells,
    cellSums,
    stride,
    offset: sums.offset,
    domainTotals: fold(sums.domainTotals),
    stepValue: sums.stepValue.map(fold),
    stepWeight: sums.stepWeight.map(fold),
  }));
}
