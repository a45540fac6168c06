import type { Column } from '../../analysis/index.ts';
import type { ChangeStamp } from './change-stamp.ts';
import type { ScannedFields } from './column-scan.ts';
import type { Layout } from './layout.ts';

/** Columns already loaded for one survey and wave filter, valid while `stamp` and `layout` hold. */
export interface CacheEntry {
  stamp: ChangeStamp;
  layout: Layout;
  rows: number;
  /** The highest response_values rowid in the entry: rows inserted since have higher ones. */
  maxRowid: number;
  /** Rows were appended after the first scan, so a fresh scan would give another row order. */
  appended: boolean;
  fields: ScannedFields;
  variables: Map<string, Column>;
  /** Set when the rows are earlier ones with rows appended (see GrownFrom). */
  grownFrom?: GrownFrom;
}

/**
 * The rows this entry grew from by appending: the `source` of those rows (load-columns.ts) and
 * how many there were. Whoever derived something from them (prepared-cache.ts) may update it for
 * the appended rows, and then sets `source` to null so the earlier rows can be collected.
 */
export interface GrownFrom {
  source: object | null;
  rows: number;
}

/**
 * What a connection's cache may hold: a million responses with the ~50 variables of the full
 * indicator table take ~250 MB (most of them float32s), so at that size every wave and one or two single waves stay (a
 * dashboard switching between all waves and one must not read the database each time); smaller
 * surveys keep many. The least recently used entries go first; the newest always stays.
 */
export const CACHE_BYTES = 1024 * 1024 * 1024;

/** Approximate memory of an entry: a row's number (4 or 8 bytes), or a pointer to a shared string (8). */
function entryBytes(entry: CacheEntry): number {
  let perRow = 8 * 6;
  for (const column of entry.variables.values()) perRow += column instanceof Float32Array ? 4 : 8;
  return entry.rows * perRow;
}

// Per connection or pool (IndicatorStore.cacheOwner: a test's in-memory database never sees
// another's entries), and dropped with it.
const caches = new WeakMap<object, Map<string, CacheEntry>>();

export function cacheKey(surveyId: number, waves: readonly number[] | undefined): string {
  return `${surveyId}|${waves ? [...waves].sort((a, b) => a - b).join(',') : '*'}`;
}

/**
 * The entry and how it relates to now: `current` (nothing changed), `inserted` (rows were only
 * appended since: the entry lacks them but holds nothing stale), or undefined (none,
 * or stale: forgotten). Marks a found entry most recently used.
 */
export function cachedEntry(owner: object, key: string, stamp: ChangeStamp, layout: Layout): { entry: CacheEntry; state: 'current' | 'inserted' } | undefined {
  const entries = caches.get(owner);
  const entry = entries?.get(key);
  if (!entries || !entry) return undefined;
  entries.delete(key);
  const old = entry.stamp;
  if (entry.layout !== layout || old.removed !== stamp.removed) return undefined;
  entries.set(key, entry);
  return { entry, state: old.inserted === stamp.inserted ? 'current' : 'inserted' };
}

export function storeEntry(owner: object, key: string, entry: CacheEntry): void {
  let entries = caches.get(owner);
  if (!entries) caches.set(owner, (entries = new Map()));
  entries.delete(key);
  entries.set(key, entry);
  let total = 0;
  for (const cached of entries.values()) total += entryBytes(cached);
  for (const [oldest, cached] of entries) {
    if (total <= CACHE_BYTES || oldest === key) break;
    entries.delete(oldest);
    total -= entryBytes(cached);
  }
}

/** Forgets every entry of a connection (tests, and a process that wants its memory back). */
export function clearColumnCache(owner: object): void {
  caches.delete(owner);
}
