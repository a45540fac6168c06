import type { Breakdown } from './domains.ts';

/**
 * The rows of every domain of a breakdown, in row order (the whole sample: every row).
 *
 * Why: estimators that are not a ratio of sums (quantiles, replicate-weight estimates, models)
 * visit a domain's rows themselves; a row of a multiple-response set is in each group it is in.
 *
 * @example
 * domainRows(byRegion, rowCount)[0]; // => Int32Array of the rows in the first region
 */
export function domainRows(breakdown: Breakdown, rowCount: number): Int32Array[] {
  const counts = new Int32Array(breakdown.domainCount);
  for (const layer of breakdown.layers) {
    if (layer === null) counts[0] = (counts[0] as number) + rowCount;
    else for (const code of layer.codes) counts[code] = (counts[code] as number) + 1;
  }
  const lists = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(breakdown.domainCount);
  for (const layer of breakdown.layers) {
    if (layer === null) {
      const all = lists[0] as Int32Array;
      for (let row = 0; row < rowCount; row++) all[(filled[0] as number) + row] = row;
      filled[0] = (filled[0] as number) + rowCount;
      continue;
    }
    for (let index = 0; index < layer.rows.length; index++) {
      const code = layer.codes[index] as number;
      (lists[code] as Int32Array)[filled[code] as number] = layer.rows[index] as number;
      filled[code] = (filled[code] as number) + 1;
    }
  }
  // Several layers (a crossing with a multiple-response set) may fill one domain: keep row order.
  if (breakdown.layers.length > 1) for (const list of lists) list.sort();
  return lists;
}

/**
 * The rows of `rows` where `values` is valid (not NaN), e.g. a domain's rows with an answer.
 *
 * @example
 * validRows(Int32Array.of(0, 1, 2), new Float64Array([1, NaN, 0])); // => Int32Array [0, 2]
 */
export function validRows(rows: Int32Array, values: Float64Array): Int32Array {
  let count = 0;
  for (const row of rows) if (!Number.isNaN(values[row] as number)) count++;
  const kept = new Int32Array(count);
  let next = 0;
  for (const row of rows) if (!Number.isNaN(values[row] as number)) kept[next++] = row;
  return kept;
}
