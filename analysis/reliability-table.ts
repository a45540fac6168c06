import type { ReliabilityRow, ReliabilitySpec } from './types.ts';
import type { AppendDerived, Prepared } from './prepared.ts';
import { AnalysisError } from './errors.ts';
import { appendLayers, crossDimensions, type DomainLayer } from './domains.ts';
import { numberColumn } from './columns.ts';
import type { AlphaResult } from './alpha-result.ts';
import { appendScaleRows, cronbachAlphaByGroup, scaleRows, type ItemReading, type ScaleRows } from './alpha-groups.ts';

/** How one item of a reliability set is read: its missing codes, and the range it is mirrored in, if reversed. */
interface ItemRecode { item: string; missing: readonly number[]; mirror: readonly [number, number] | null }

/** Missing codes, reversal and range of reliability items, inherited from the indicators that use them. */
function itemRecodes(prepared: Prepared, construct: ReliabilitySpec): ItemRecode[] {
  const users = (prepared.spec.indicators ?? []).filter((indicator) =>
    construct.items.some((item) => indicator.items?.includes(item) || indicator.item === item));
  return construct.items.map((item) => {
    const user = users.find((indicator) => indicator.items?.includes(item) || indicator.item === item);
    const missing = construct.missing ?? user?.missing ?? [];
    const reversed = construct.reverse ? construct.reverse.includes(item) : (user?.reverse ?? []).includes(item);
    if (!reversed) return { item, missing, mirror: null };
    const range = construct.scale ?? user?.scale ?? user?.rescale?.from;
    if (range === undefined) throw new AnalysisError(`reliability "${construct.id}" reverses "${item}" but gives no "scale" range`);
    return { item, missing, mirror: range };
  });
}

function itemReadings(prepared: Prepared, recodes: readonly ItemRecode[]): ItemReading[] {
  return recodes.map(({ item, missing, mirror }) => ({ column: numberColumn(prepared.data, item, 'item'), missing, mirror }));
}

// Append rules from plain names and recodes only, never the Prepared (see AppendDerived).
// A dimension's layers carry over only while the first rows keep their group codes (no new label).
const appendLayersRule = (name: string): AppendDerived<DomainLayer[]> =>
  (previous, next, from, before) => next.dimension(name).labels === before.dimension(name).labels ? appendLayers(previous, next.dimension(name), from) : undefined;
const appendScaleRule = (recodes: readonly ItemRecode[]): AppendDerived<ScaleRows> =>
  (previous, next, from) => appendScaleRows(previous, itemReadings(next, recodes), from);

/**
 * Cronbach's alpha per construct, for the whole sample and per group of each dimension in the
 * construct's `by` (default: the breakdown dimensions of the table), unweighted, complete cases.
 *
 * Reference: R `psych::alpha(na.omit(items))`, by group on the group's rows.
 *
 * @example
 * reliabilityTable(prepared, ['region']);
 */
export function reliabilityTable(prepared: Prepared, defaultBy: readonly string[]): ReliabilityRow[] {
  const rows: ReliabilityRow[] = [];
  // Each dimension's member rows, listed once for every construct.
  const layersOf = (name: string): DomainLayer[] =>
    // Made with room to grow (crossDimensions), so appended rows' entries are written in place.
    prepared.derived(`layers:${name}`, () => crossDimensions([prepared.dimension(name)]).layers as DomainLayer[], appendLayersRule(name));
  for (const construct of prepared.spec.reliability ?? []) {
    // Kept by how the items are read, which may come from the indicators of this table.
    const recodes = itemRecodes(prepared, construct);
    const scale = prepared.derived(`scale:${JSON.stringify(recodes)}`, () => scaleRows(itemReadings(prepared, recodes)), appendScaleRule(recodes));
    const row = (groups: Record<string, string>, result: AlphaResult): ReliabilityRow =>
      ({ construct: construct.id, groups, n: result.n, alpha: result.alpha, items: result.items });
    rows.push(row({}, cronbachAlphaByGroup(construct.items, scale, [null], 1)[0] as AlphaResult));
    for (const name of construct.by ?? defaultBy) {
      const dimension = prepared.dimension(name);
      const results = cronbachAlphaByGroup(construct.items, scale, layersOf(name), dimension.labels.length);
      dimension.labels.forEach((label, code) => rows.push(row({ [name]: label }, results[code] as AlphaResult)));
    }
  }
  return rows;
}
