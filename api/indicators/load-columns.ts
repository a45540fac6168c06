import type { Column } from '../../analysis/index.ts';
import type { Db } from '../db/open.ts';
import { responseChangeStamp } from './change-stamp.ts';
import { cachedEntry, cacheKey, storeEntry } from './column-cache.ts';
import { scanColumns, type ScannedFields } from './column-scan.ts';
import type { Layout } from './layout.ts';

/** Response fields kept as typed columns of response_values (RESPONSE_COLUMNS of surveys/types.ts). */
export const RESPONSE_FIELDS = ['wave', 'weight', 'stratum', 'psu', 'language', 'mode'] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

export interface LoadRequest {
  surveyId: number;
  layout: Layout;
  /** Layout variables to load (question names or `<question>_<choice>`). */
  variables: readonly string[];
  /** Restrict to these waves (undefined: all). */
  waves?: readonly number[];
  /** false: always scan, neither read nor fill the cache (benchmarks). Default true. */
  cache?: boolean;
}

/**
 * Loaded rows: the requested variables plus every typed response field, row-aligned. The arrays
 * may be shared with the column cache and with other requests: read them, never write into them.
 */
export interface LoadedColumns extends ScannedFields {
  rows: number;
  variables: Record<string, Column>;
}

/**
 * Loads only the named variables of a survey's responses from response_values, never the JSON
 * answers. Text-coded variables come back as their labels.
 *
 * Loaded columns are kept per connection, survey and wave filter, and reused while no
 * response_values row has changed since (responseChangeStamp: a new response, an erasure or a
 * backfill makes the next request scan again) and the survey's layout is the same object (a new
 * version makes a new layout). A request for variables not yet cached scans for those only.
 */
export function loadColumns(db: Db, request: LoadRequest): LoadedColumns {
  const { layout, waves } = request;
  const wanted = request.variables.map((name) => {
    const variable = layout.byName.get(name);
    if (!variable) throw new Error(`variable "${name}" is not in the survey's layout`);
    return variable;
  });
  const stamp = request.cache === false ? null : responseChangeStamp(db);
  if (stamp === null) {
    const scan = scanColumns(db, layout, request.surveyId, waves, wanted, true);
    return { rows: scan.rows, ...scan.fields!, variables: Object.fromEntries(scan.variables) };
  }
  const key = cacheKey(request.surveyId, waves);
  let entry = cachedEntry(db.$client, key, stamp, layout);
  if (!entry) {
    const scan = scanColumns(db, layout, request.surveyId, waves, wanted, true);
    entry = { stamp, layout, rows: scan.rows, fields: scan.fields!, variables: scan.variables };
    storeEntry(db.$client, key, entry);
  } else {
    const missing = wanted.filter((variable) => !entry!.variables.has(variable.name));
    if (missing.length > 0) {
      const scan = scanColumns(db, layout, request.surveyId, waves, missing, false);
      // Same stamp, so the same rows in the same order: the new columns line up with the cached ones.
      if (scan.rows !== entry.rows) throw new Error('response_values changed without changing its stamp');
      for (const [name, column] of scan.variables) entry.variables.set(name, column);
    }
  }
  const variables: Record<string, Column> = {};
  for (const variable of wanted) variables[variable.name] = entry.variables.get(variable.name)!;
  return { rows: entry.rows, ...entry.fields, variables };
}
