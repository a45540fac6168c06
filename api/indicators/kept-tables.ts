import type { Design, Prepared, TableOptions, TableResult } from '../../analysis/index.ts';

/**
 * The engine's results of the tables asked last on each prepared design, so a repeat with nothing
 * new (the dashboard reloaded, the same table exported after it was shown) is not computed again.
 *
 * Why: on a kept design the same spec and options always give the same table, number for number,
 * and the full region × channel table at a million responses costs ≈ 1 s of CPU (sums, variances,
 * intervals, alpha), a kept one ≈ 1.7 MB. Kept per `Design` object: new or erased responses give a
 * new design (a fresh one, or `appendPrepared`'s), so a kept table never outlives its rows, and
 * it goes with the design when the design is let go. Results are frozen, since every caller of
 * the same table shares them (the request thread reads them in place for in-memory databases).
 */
const keptByDesign = new WeakMap<Design, Map<string, TableResult>>();

/** Tables kept per design: a full table is ≈ 4,500 rows (≈ 1.7 MB of heap), a dashboard's one indicator ≈ 180. */
const tablesPerDesign = 8;

/**
 * The table of `prepared` for `options`: kept from an earlier call on the same design with the
 * same spec and options, else made by `make` (and kept; a refusal is not).
 *
 * @example
 * const result = await keptTable(prepared, { by: ['region'] }, () => estimatePreparedTable(prepared, { by: ['region'] }));
 */
export async function keptTable(prepared: Prepared, options: TableOptions, make: () => TableResult | Promise<TableResult>): Promise<TableResult> {
  let kept = keptByDesign.get(prepared.design);
  if (kept === undefined) keptByDesign.set(prepared.design, (kept = new Map()));
  // The spec names everything the table reads besides the design's rows: weighting, dimensions,
  // indicators (with their definitions), reliability sets, suppression, contrasts, models.
  const key = JSON.stringify([prepared.spec, options]);
  const found = kept.get(key);
  if (found !== undefined) {
    kept.delete(key);
    kept.set(key, found); // most recently used last
    return found;
  }
  const made = deepFreeze(await make());
  for (const oldest of kept.keys()) {
    if (kept.size < tablesPerDesign) break;
    kept.delete(oldest);
  }
  kept.set(key, made);
  return made;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
