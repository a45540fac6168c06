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

/** Cells of a breakdown folded from a crossing, and the folded cell of every crossing cell. */
export interface FoldedCells {
  cells: DomainCells;
  target: Int32Array;
}

/**
 * The cells of the breakdown without the crossing's first dimension (which must be a complete
 * partition with `firstGroups` groups): domain `rest` reaches a PSU when some domain
 * (first, rest) does.
 *
 * @example
 * const byChannel = foldCells(regionByChannel.cells, regionCount, design.psuCount);
 */
export function foldCells(crossed: DomainCells, firstGroups: number, psuCount: number): FoldedCells {
  const restCount = crossed.domainCount / firstGroups;
  const cellOfPsu = new Int32Array(psuCount).fill(-1);
  const target = new Int32Array(crossed.cellPsu.length);
  const cellPsu = new Int32Array(crossed.cellPsu.length);
  const domainStart = new Int32Array(restCount + 1);
  let cells = 0;
  for (let rest = 0; rest < restCount; rest++) {
    domainStart[rest] = cells;
    const first = cells;
    for (let group = 0; group < firstGroups; group++) {
      const domain = group * restCount + rest;
      for (let cell = crossed.domainStart[domain] as number; cell < (crossed.domainStart[domain + 1] as number); cell++) {
        const psu = crossed.cellPsu[cell] as number;
        let folded = cellOfPsu[psu] as number;
        if (folded < 0) {
          folded = cells++;
          cellOfPsu[psu] = folded;
          cellPsu[folded] = psu;
        }
        target[cell] = folded;
      }
    }
    for (let cell = first; cell < cells; cell++) cellOfPsu[cellPsu[cell] as number] = -1;
  }
  domainStart[restCount] = cells;
  const folded: DomainCells = {
    domainCount: restCount, domainStart, cellPsu: cellPsu.slice(0, cells), entryStart: null, entryRow: null, entryCell: null,
  };
  return { cells: folded, target };
}

/**
 * Domain sums of the breakdown without the crossing's first dimension, from those of the
 * crossing (several indicators sharing one `cellSums`): each cell and domain total is the sum
 * over the first dimension's groups.
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
  const cellSums = new Float64Array(cells.cellPsu.length * stride);
  const source = sample.cellSums;
  const crossedStart = sample.cells.domainStart;
  // In the order foldCells made the folded cells, so the writes run forward through memory.
  for (let rest = 0; rest < restCount; rest++) {
    for (let group = 0; group < firstGroups; group++) {
      const domain = group * restCount + rest;
      for (let cell = crossedStart[domain] as number; cell < (crossedStart[domain + 1] as number); cell++) {
        const from = cell * stride;
        const to = (target[cell] as number) * stride;
        for (let j = 0; j < stride; j++) cellSums[to + j] = (cellSums[to + j] as number) + (source[from + j] as number);
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
    weightedSquare: fold(sums.weightedSquare),
    stepValue: sums.stepValue.map(fold),
    stepWeight: sums.stepWeight.map(fold),
  }));
}
