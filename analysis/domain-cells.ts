import type { Design } from './design.ts';
import type { Breakdown } from './domains.ts';
import { shareableArray } from './growable.ts';

/**
 * The (domain, PSU) pairs of a breakdown that have at least one row, grouped by domain: domain d
 * owns cells domainStart[d] .. domainEnd[d] and cell c lies in PSU cellPsu[c]. Domains are laid
 * out with the first dimension varying fastest (all of (·, rest 0), then (·, rest 1), …), so the
 * breakdown without the first dimension can reuse the cells (see fold-sums.ts). entryCell gives
 * the cell of every entry of the breakdown's layers, layer after layer, in the layers' row order.
 */
export interface DomainCells {
  domainCount: number;
  domainStart: Int32Array;
  domainEnd: Int32Array;
  cellPsu: Int32Array;
  /** Null for cells folded from a crossing (see fold-sums.ts), which are summed from cells, not rows. */
  entryCell: Int32Array | null;
}

/**
 * Indexes the cells of a breakdown: only PSUs with members in a domain get a cell, so sums and
 * variances cost in proportion to the data, not to domains × PSUs (128 region × channel domains
 * of 125,000 PSUs would be 16 million mostly empty cells, but a million rows fill under a million).
 *
 * Why: with realistic fieldwork (sampling points of ~8 interviews) the number of PSUs grows with
 * the sample; a dense domain × PSU table then dominates time and memory.
 *
 * @example
 * const cells = domainCells(design, crossDimensions([region, channel]));
 * cells.domainStart[1] - cells.domainStart[0]; // PSUs with a member in the first domain
 */
export function domainCells(design: Design, breakdown: Breakdown): DomainCells {
  const { domainCount, layers } = breakdown;
  const { psuOfRow, psuCount, rowCount } = design;
  const layerSize = (layer: Breakdown['layers'][number]): number => (layer === null ? rowCount : layer.rows.length);
  // Counting sort of every layer entry by domain (entry ids numbered across layers).
  const entriesInDomain = new Int32Array(domainCount + 1);
  for (const layer of layers) {
    if (layer === null) entriesInDomain[1] = (entriesInDomain[1] as number) + rowCount;
    else for (const code of layer.codes) entriesInDomain[code + 1] = (entriesInDomain[code + 1] as number) + 1;
  }
  for (let domain = 0; domain < domainCount; domain++) {
    entriesInDomain[domain + 1] = (entriesInDomain[domain + 1] as number) + (entriesInDomain[domain] as number);
  }
  const total = entriesInDomain[domainCount] as number;
  const sortedRow = new Int32Array(total);
  const sortedEntry = new Int32Array(total);
  const fill = entriesInDomain.slice(0, domainCount);
  let entryBase = 0;
  for (const layer of layers) {
    const count = layerSize(layer);
    for (let index = 0; index < count; index++) {
      const domain = layer === null ? 0 : (layer.codes[index] as number);
      const at = fill[domain] as number;
      sortedRow[at] = layer === null ? index : (layer.rows[index] as number);
      sortedEntry[at] = entryBase + index;
      fill[domain] = at + 1;
    }
    entryBase += count;
  }
  // Within each domain, one cell per PSU met, in order of first appearance.
  const cellOfEntry = shareableArray(Int32Array, total);
  const cellOfPsu = new Int32Array(psuCount).fill(-1);
  const domainStart = new Int32Array(domainCount);
  const domainEnd = new Int32Array(domainCount);
  const firstGroups = breakdown.dimensions[0]?.labels.length ?? 1;
  const restCount = domainCount / firstGroups;
  let cellPsu = new Int32Array(Math.min(total, psuCount) + 16);
  let cells = 0;
  for (let position = 0; position < domainCount; position++) {
    const domain = (position % firstGroups) * restCount + Math.floor(position / firstGroups);
    domainStart[domain] = cells;
    const first = cells;
    for (let at = entriesInDomain[domain] as number; at < (entriesInDomain[domain + 1] as number); at++) {
      const psu = psuOfRow[sortedRow[at] as number] as number;
      let cell = cellOfPsu[psu] as number;
      if (cell < 0) {
        if (cells === cellPsu.length) {
          const grown = new Int32Array(Math.min(total, cells * 2));
          grown.set(cellPsu);
          cellPsu = grown;
        }
        cell = cells++;
        cellOfPsu[psu] = cell;
        cellPsu[cell] = psu;
      }
      cellOfEntry[sortedEntry[at] as number] = cell;
    }
    for (let cell = first; cell < cells; cell++) cellOfPsu[cellPsu[cell] as number] = -1;
    domainEnd[domain] = cells;
  }
  return {
    domainCount, domainStart, domainEnd, cellPsu: cellPsu.slice(0, cells), entryCell: cellOfEntry,
  };
}
