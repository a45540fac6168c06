import type { Breakdown } from './domains.ts';
import type { DomainCells } from './domain-cells.ts';
import { shareableArray } from './growable.ts';

/** A breakdown to be summed from the rows, with its cells (which must list their entries). */
export interface SummedBreakdown {
  breakdown: Breakdown;
  cells: DomainCells;
}

/**
 * Every layer entry of several breakdowns, grouped by row: row r owns entries
 * rowStart[r] .. rowStart[r + 1], entry e adds to cell `cell[e]` of domain `domain[e]`, both
 * numbered across the breakdowns (breakdown b's cells start at `cellOffset[b]`, its domains at
 * `domainOffset[b]`).
 */
export interface RowEntries {
  rowStart: Int32Array;
  cell: Int32Array;
  domain: Int32Array;
  cellOffset: Int32Array;
  domainOffset: Int32Array;
  /** Entries (rows) in each domain, numbered across the breakdowns. */
  domainEntries: Int32Array;
}

/**
 * Transposes the breakdowns' layer entries (region × channel: one layer per channel; region:
 * one layer) into one list per row, so a pass over the rows reads each row's values once for all
 * of its domains, instead of once per layer and breakdown.
 *
 * Why: a channel layer visits scattered rows; at a million rows and 25 indicators, reading the
 * values layer by layer pulled each cache line of every indicator column in several times
 * (about 3 GB of memory traffic per table). A domain's entries all come from one layer, so
 * adding them in row order keeps every sum's order, and so its rounding, unchanged.
 *
 * @example
 * const entries = rowEntries(rowCount, [{ breakdown: byRegionChannel, cells }, { breakdown: byRegion, cells: regionCells }]);
 */
export function rowEntries(rowCount: number, summed: readonly SummedBreakdown[]): RowEntries {
  const cellOffset = new Int32Array(summed.length + 1);
  const domainOffset = new Int32Array(summed.length + 1);
  summed.forEach(({ breakdown, cells }, b) => {
    cellOffset[b + 1] = (cellOffset[b] as number) + cells.cellPsu.length;
    domainOffset[b + 1] = (domainOffset[b] as number) + breakdown.domainCount;
  });
  const rowStart = shareableArray(Int32Array, rowCount + 1);
  for (const { breakdown } of summed) {
    for (const layer of breakdown.layers) {
      if (layer === null) for (let row = 0; row < rowCount; row++) rowStart[row + 1] = (rowStart[row + 1] as number) + 1;
      else for (const row of layer.rows) rowStart[row + 1] = (rowStart[row + 1] as number) + 1;
    }
  }
  for (let row = 0; row < rowCount; row++) rowStart[row + 1] = (rowStart[row + 1] as number) + (rowStart[row] as number);
  const total = rowStart[rowCount] as number;
  const cell = shareableArray(Int32Array, total);
  const domain = shareableArray(Int32Array, total);
  const fill = rowStart.slice(0, rowCount);
  summed.forEach(({ breakdown, cells }, b) => {
    const { entryCell } = cells;
    if (entryCell === null) throw new Error('rowEntries needs cells with their rows');
    const firstCell = cellOffset[b] as number;
    const firstDomain = domainOffset[b] as number;
    let entry = 0;
    for (const layer of breakdown.layers) {
      const count = layer === null ? rowCount : layer.rows.length;
      for (let index = 0; index < count; index++, entry++) {
        const row = layer === null ? index : (layer.rows[index] as number);
        const at = fill[row] as number;
        fill[row] = at + 1;
        cell[at] = firstCell + (entryCell[entry] as number);
        domain[at] = firstDomain + (layer === null ? 0 : (layer.codes[index] as number));
      }
    }
  });
  const domainEntries = new Int32Array(domainOffset[summed.length] as number);
  for (let entry = 0; entry < total; entry++) domainEntries[domain[entry] as number] = (domainEntries[domain[entry] as number] as number) + 1;
  return { rowStart, cell, domain, cellOffset, domainOffset, domainEntries };
}
