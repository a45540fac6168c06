import type Database from 'better-sqlite3';
import type { Column } from '../../analysis/index.ts';
import type { ScannedFields } from './column-scan.ts';
import type { Layout } from './layout.ts';

/** Columns already loaded for one survey and wave filter, valid while `stamp` and `layout` hold. */
export interface CacheEntry {
  stamp: string;
  layout: Layout;
  rows: number;
  fields: ScannedFields;
  variables: Map<string, Column>;
}

/**
 * How many (survey, wave filter) entries a connection keeps. A million responses with the ~50
 * variables of the full indicator table take ~400 MB, so a few entries are the most an API process
 * should hold; the least recently used goes first.
 */
export const CACHE_ENTRIES = 3;

// Per connection (a test's in-memory database never sees another's entries), and dropped with it.
const caches = new WeakMap<Database.Database, Map<string, CacheEntry>>();

export function cacheKey(surveyId: number, waves: readonly number[] | undefined): string {
  return `${surveyId}|${waves ? [...waves].sort((a, b) => a - b).join(',') : '*'}`;
}

/** The entry if it is still valid (same change stamp and layout); marks it most recently used. */
export function cachedEntry(client: Database.Database, key: string, stamp: string, layout: Layout): CacheEntry | undefined {
  const entries = caches.get(client);
  const entry = entries?.get(key);
  if (!entries || !entry) return undefined;
  entries.delete(key);
  if (entry.stamp !== stamp || entry.layout !== layout) return undefined; // stale: forget it
  entries.set(key, entry);
  return entry;
}

export function storeEntry(client: Database.Database, key: string, entry: CacheEntry): void {
  let entries = caches.get(client);
  if (!entries) caches.set(client, (entries = new Map()));
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > CACHE_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Forgets every entry of a connection (tests, and a process that wants its memory back). */
export function clearColumnCache(client: Database.Database): void {
  caches.delete(client);
}
