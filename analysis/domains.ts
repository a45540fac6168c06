import type { Columns, DimensionSpec } from './types.ts';
import { AnalysisError } from './errors.ts';
import { labelColumn, numberColumn, tailColumns } from './columns.ts';
import { appendRows, roomyArray } from './growable.ts';

/**
 * A dimension resolved against the data. A `column` dimension is one layer of codes (a
 * partition); a `multiple` dimension has one layer per group, since a respondent may be in
 * several (a contact channel used).
 */
export interface ResolvedDimension {
  name: string;
  labels: string[];
  /** Each layer maps a row to a group code, or −1. */
  layers: Int32Array[];
}

/** The rows of one layer that are in some domain, with their domain codes (null: every row, domain 0). */
export interface DomainLayer {
  rows: Int32Array;
  codes: Int32Array;
}

/** A breakdown: the crossing of some dimensions, as layers of domain codes. */
export interface Breakdown {
  dimensions: ResolvedDimension[];
  domainCount: number;
  layers: (DomainLayer | null)[];
}

/** Keeps only the rows of a layer that are in a domain, so sparse groups (a channel) are cheap to sum. */
function compactLayer(layer: Int32Array): DomainLayer {
  let count = 0;
  for (let row = 0; row < layer.length; row++) if ((layer[row] as number) >= 0) count++;
  // With room: a breakdown's layers grow in place for appended rows (appendBreakdown).
  const rows = roomyArray(Int32Array, count);
  const codes = roomyArray(Int32Array, count);
  let next = 0;
  for (let row = 0; row < layer.length; row++) {
    const code = layer[row] as number;
    if (code >= 0) {
      rows[next] = row;
      codes[next] = code;
      next++;
    }
  }
  return { rows, codes };
}

/**
 * Resolves a dimension of the spec: a column's values, or the membership columns (1 = member)
 * of a multiple-response set.
 *
 * @example
 * resolveDimension({ ch_fb: new Float64Array([1, 0]) }, 'channel', { multiple: { facebook: 'ch_fb' } });
 * // => { name: 'channel', labels: ['facebook'], layers: [Int32Array [0, -1]] }
 */
export function resolveDimension(data: Columns, name: string, spec: DimensionSpec | undefined): ResolvedDimension {
  if (spec === undefined) throw new AnalysisError(`dimension "${name}" is not defined in the spec's "dimensions"`);
  if ('column' in spec) {
    const { codes, labels } = labelColumn(data, spec.column, `dimension ${name}`);
    return { name, labels, layers: [codes] };
  }
  const labels = Object.keys(spec.multiple);
  const layers = labels.map((label, code) => {
    const members = numberColumn(data, spec.multiple[label] as string, `member of ${name} "${label}"`);
    const layer = new Int32Array(members.length);
    for (let row = 0; row < members.length; row++) layer[row] = members[row] === 1 ? code : -1;
    return layer;
  });
  return { name, labels, layers };
}

/**
 * `resolveDimension` of `data` made from the dimension resolved on its first `from` rows: the
 * appended rows alone are read. Undefined when they bring a label the earlier rows did not have
 * (labels are sorted, so every code could move): resolve it again then.
 *
 * @example
 * appendDimension(region, data, 'region', spec.dimensions.region, 1_000_000);
 */
export function appendDimension(previous: ResolvedDimension, data: Columns, name: string, spec: DimensionSpec | undefined, from: number): ResolvedDimension | undefined {
  if (spec === undefined) return undefined;
  const tail = resolveDimension(tailColumns(data, from), name, spec);
  if ('column' in spec) {
    const code = new Map(previous.labels.map((label, position) => [label, position]));
    const [tailCodes] = tail.layers as [Int32Array];
    const mapped = new Int32Array(tailCodes.length);
    for (let row = 0; row < tailCodes.length; row++) {
      const found = (tailCodes[row] as number) < 0 ? -1 : code.get(tail.labels[tailCodes[row] as number] as string);
      if (found === undefined) return undefined;
      mapped[row] = found;
    }
    return { name, labels: previous.labels, layers: [appendRows(previous.layers[0] as Int32Array, mapped)] };
  }
  return { name, labels: previous.labels, layers: previous.layers.map((layer, index) => appendRows(layer, tail.layers[index] as Int32Array)) };
}

/**
 * `crossDimensions([dimension]).layers` made from those of the dimension's first `from` rows:
 * the appended rows' entries go after the earlier ones, as a fresh crossing would list them.
 *
 * @example
 * appendLayers(layers, regionOfAllRows, 1_000_000);
 */
export function appendLayers(previous: readonly DomainLayer[], dimension: ResolvedDimension, from: number): DomainLayer[] {
  return dimension.layers.map((layer, index) => {
    const tail = compactLayer(layer.subarray(from));
    const rows = new Int32Array(tail.rows.length);
    for (let entry = 0; entry < rows.length; entry++) rows[entry] = (tail.rows[entry] as number) + from;
    const earlier = previous[index] as DomainLayer;
    return { rows: appendRows(earlier.rows, rows), codes: appendRows(earlier.codes, tail.codes) };
  });
}

/**
 * Crosses dimensions into one breakdown: a row is in domain (g1, g2, …) of a layer combination
 * when it is in group g1 of the first dimension's layer and g2 of the second's. No dimensions
 * gives the whole sample.
 *
 * Why: domain estimates (R's `svyby(~y, ~region + channel, design, svymean)`) keep the full
 * design; only the membership of each row changes.
 *
 * @example
 * const breakdown = crossDimensions([region, channel]);
 * breakdown.domainCount; // => regions × channels
 */
export function crossDimensions(dimensions: ResolvedDimension[]): Breakdown {
  if (dimensions.length === 0) return { dimensions, domainCount: 1, layers: [null] };
  let layers: DomainLayer[] = [];
  let size = 1;
  dimensions.forEach((dimension, index) => {
    const groups = dimension.labels.length;
    if (index === 0) {
      layers = dimension.layers.map(compactLayer);
    } else {
      // Only the rows already in a domain are crossed, so no full-length layer is made per combination.
      const crossed: DomainLayer[] = [];
      for (const left of layers) {
        for (const right of dimension.layers) {
          let count = 0;
          for (let index = 0; index < left.rows.length; index++) if ((right[left.rows[index] as number] as number) >= 0) count++;
          const rows = roomyArray(Int32Array, count);
          const codes = roomyArray(Int32Array, count);
          let next = 0;
          for (let index = 0; index < left.rows.length; index++) {
            const row = left.rows[index] as number;
            const b = right[row] as number;
            if (b < 0) continue;
            rows[next] = row;
            codes[next] = (left.codes[index] as number) * groups + b;
            next++;
          }
          crossed.push({ rows, codes });
        }
      }
      layers = crossed;
    }
    size *= groups;
  });
  return { dimensions, domainCount: size, layers };
}

/**
 * `crossDimensions(dimensions)` made from the crossing of their first `from` rows (`previous`),
 * when the dimensions kept their labels (so every group code and layer is the same): the
 * appended rows alone are crossed, and their entries go after the earlier ones in each layer, as
 * a fresh crossing lists them (rows in order).
 *
 * @example
 * appendBreakdown(byRegionChannel, [region, channel], 1_000_000);
 */
export function appendBreakdown(previous: Breakdown, dimensions: ResolvedDimension[], from: number): Breakdown {
  if (dimensions.length === 0) return previous;
  const tail = crossDimensions(dimensions.map((dimension) => ({ ...dimension, layers: dimension.layers.map((layer) => layer.subarray(from)) })));
  const layers = previous.layers.map((layer, index) => {
    const added = tail.layers[index] as DomainLayer;
    if (layer === null) return null;
    const rows = new Int32Array(added.rows.length);
    for (let entry = 0; entry < rows.length; entry++) rows[entry] = (added.rows[entry] as number) + from;
    return { rows: appendRows(layer.rows, rows), codes: appendRows(layer.codes, added.codes) };
  });
  return { dimensions, domainCount: previous.domainCount, layers };
}

/**
 * The group labels of a domain code, one per dimension, e.g. { region: "tuzla", channel: "facebook" }.
 *
 * @example
 * domainGroups(breakdown, 0); // => { region: 'sarajevo', channel: 'facebook' }
 */
export function domainGroups(breakdown: Breakdown, domain: number): Record<string, string> {
  const groups: Record<string, string> = {};
  let rest = domain;
  for (let k = breakdown.dimensions.length - 1; k >= 0; k--) {
    const dimension = breakdown.dimensions[k] as ResolvedDimension;
    const count = dimension.labels.length;
    groups[dimension.name] = dimension.labels[rest % count] as string;
    rest = Math.floor(rest / count);
  }
  const ordered: Record<string, string> = {};
  for (const dimension of breakdown.dimensions) ordered[dimension.name] = groups[dimension.name] as string;
  return ordered;
}

/**
 * How many of the listed rows fall in each domain of a breakdown (a row of a multiple-response
 * set counts in each group it is in).
 *
 * @example
 * listedRowsByDomain(byRegion, Int32Array.of(4, 9)); // => Float64Array [1, 0, 1, …]
 */
export function listedRowsByDomain(breakdown: Breakdown, listed: Int32Array): Float64Array {
  const counts = new Float64Array(breakdown.domainCount);
  if (listed.length === 0) return counts;
  const wanted = new Set(listed);
  for (const layer of breakdown.layers) {
    if (layer === null) {
      counts[0] = (counts[0] as number) + listed.length;
      continue;
    }
    for (let index = 0; index < layer.rows.length; index++) {
      if (!wanted.has(layer.rows[index] as number)) continue;
      const code = layer.codes[index] as number;
      counts[code] = (counts[code] as number) + 1;
    }
  }
  return counts;
}
