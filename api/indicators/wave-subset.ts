import type { Column } from '../../analysis/index.ts';
import type { ChangeStamp } from './change-stamp.ts';
import { cachedEntry, cacheKey, type CacheEntry } from './column-cache.ts';
import { firstRows, roomyArray, roomyColumn } from '../../analysis/growable.ts';
import type { Layout, Variable } from './layout.ts';

/**
 * The rows of some waves taken from the cached rows of every wave, when those are current and
 * hold the wanted variables: a copy in memory (≈ 0.2 s at a million rows) instead of a new scan of
 * the stored responses (≈ 5 s), so an evaluator who picks a wave on the dashboard, or a report
 * comparing two waves, does not wait for the database. Undefined when there is nothing to take
 * them from. Rows keep the order of the cached rows, which is not the order of a scan with the
 * wave filter, so the entry is marked `appended` (a variable asked later rescans).
 */
export function waveSubset(owner: object, surveyId: number, waves: readonly number[], stamp: ChangeStamp, layout: Layout, wanted: readonly Variable[]): CacheEntry | undefined {
  const found = cachedEntry(owner, cacheKey(surveyId, undefined), stamp, layout);
  if (found?.state !== 'current') return undefined;
  const all = found.entry;
  if (wanted.some((variable) => !all.variables.has(variable.name))) return undefined;
  const chosen = new Set(waves);
  const keep: number[] = [];
  for (let row = 0; row < all.rows; row++) if (chosen.has(all.fields.wave[row] as number)) keep.push(row);
  const pick = (column: Column): Column => {
    if (column instanceof Float64Array || column instanceof Float32Array) {
      // Of the same type (a Float32Array's values are float32s), with room for appended rows.
      const picked = column instanceof Float32Array ? roomyArray(Float32Array, keep.length) : roomyColumn(keep.length);
      for (let at = 0; at < keep.length; at++) picked[at] = column[keep[at] as number] as number;
      return firstRows(picked, keep.length);
    }
    return keep.map((row) => column[row] as string | null);
  };
  const variables = new Map<string, Column>();
  for (const [name, column] of all.variables) variables.set(name, pick(column));
  const { fields } = all;
  return {
    stamp, layout, rows: keep.length, maxRowid: all.maxRowid, appended: true, variables,
    fields: {
      wave: pick(fields.wave) as Float64Array, weight: pick(fields.weight) as Float64Array,
      stratum: pick(fields.stratum) as (string | null)[], psu: pick(fields.psu) as (string | null)[],
      language: pick(fields.language) as string[], mode: pick(fields.mode) as string[],
    },
  };
}
