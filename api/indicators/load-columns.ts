import { isNumberColumn, type Column } from '../../analysis/index.ts';
import type { RESPONSE_COLUMNS } from '../../surveys/types.ts';
import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';
import type { ChangeStamp } from './change-stamp.ts';
import { cachedEntry, cacheKey, storeEntry, type CacheEntry, type GrownFrom } from './column-cache.ts';
import type { Scan, ScannedFields } from './column-scan.ts';
import { appendNumbers } from '../../analysis/growable.ts';
import { backfilledWaves, loadingWaves } from './stored-waves.ts';
import { waveSubset } from './wave-subset.ts';
import type { Layout, Variable } from './layout.ts';

/** Response fields kept as typed columns of response_values. */
export type ResponseField = (typeof RESPONSE_COLUMNS)[number];

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
  /**
   * The same object for every load of the same cached rows (a new one after any change), so what
   * is derived from them can be kept alongside (prepared-cache.ts).
   */
  source: object;
  /** When these rows are earlier ones with new rows appended: those earlier rows' source. */
  grownFrom?: GrownFrom;
}

/**
 * Loads only the named variables of a survey's responses from response_values, never the JSON
 * answers. Text-coded variables come back as their labels.
 *
 * Loaded columns are kept per connection, survey and wave filter, and reused while no
 * response_values row has been deleted or updated since (responseChangeStamp: an erasure makes the
 * next request scan again) and the survey's layout is the same object (a new version makes a new
 * layout). Rows inserted since (new responses during fieldwork) are read alone and appended, so a
 * dashboard stays cheap while responses arrive. A request for variables not yet cached scans for
 * those only. Some waves are taken from the cached rows of every wave when those are current
 * (wave-subset.ts).
 */
export async function loadColumns(source: IndicatorSource, request: LoadRequest): Promise<LoadedColumns> {
  const { layout } = request;
  const store = indicatorStoreOf(source);
  // A filter that keeps every row is no filter: the rows of every wave (usually cached) serve.
  const waves = request.waves && loadingWaves(request.waves, await backfilledWaves(store, request.surveyId));
  const wanted = request.variables.map((name) => {
    const variable = layout.byName.get(name);
    if (!variable) throw new Error(`variable "${name}" is not in the survey's layout`);
    return variable;
  });
  const stamp = request.cache === false ? null : await store.changeStamp();
  const scan = (variables: readonly Variable[], withFields: boolean, afterRowid = 0, upToRowid?: number) =>
    store.scanColumns(layout, request.surveyId, waves, variables, withFields, afterRowid, upToRowid);
  if (stamp === null) {
    const scanned = await scan(wanted, true);
    return { rows: scanned.rows, ...scanned.fields!, variables: Object.fromEntries(scanned.variables), source: {} };
  }
  const key = cacheKey(request.surveyId, waves);
  const found = cachedEntry(store.cacheOwner, key, stamp, layout);
  let entry = found?.entry;
  if (entry && found!.state === 'inserted') entry = withNewRows(entry, stamp, await scan([...entry.variables.keys()].map((name) => layout.byName.get(name)!), true, entry.maxRowid));
  if (!entry && waves) entry = waveSubset(store.cacheOwner, request.surveyId, waves, stamp, layout, wanted);
  const missing = entry ? wanted.filter((variable) => !entry!.variables.has(variable.name)) : wanted;
  let lined = entry !== undefined && missing.length > 0 && !entry.appended;
  if (lined) {
    // Same stamp, same SQL, no row above the entry's: the same rows in the same order, so the new
    // columns line up. (On PostgreSQL another instance may erase a row meanwhile: fewer rows, and
    // the entry is scanned afresh below.)
    const scanned = await scan(missing, false, 0, entry!.maxRowid);
    if (scanned.rows === entry!.rows) for (const [name, column] of scanned.variables) entry!.variables.set(name, column);
    else lined = false;
  }
  if (!entry || (missing.length > 0 && !lined)) {
    // Nothing usable, or new variables for an entry whose rows are no longer in scan order.
    const names = new Set([...wanted, ...(entry ? [...entry.variables.keys()].map((name) => layout.byName.get(name)!) : [])]);
    const scanned = await scan([...names], true);
    entry = { stamp, layout, rows: scanned.rows, maxRowid: scanned.maxRowid, appended: false, fields: scanned.fields!, variables: scanned.variables };
  }
  storeEntry(store.cacheOwner, key, entry);
  const variables: Record<string, Column> = {};
  for (const variable of wanted) variables[variable.name] = entry.variables.get(variable.name)!;
  return { rows: entry.rows, ...entry.fields, variables, source: entry.fields, ...(entry.grownFrom ? { grownFrom: entry.grownFrom } : {}) };
}

/**
 * A new entry: the cached rows followed by those inserted since. Numbers are written after the
 * cached ones in their buffers where there is room (growable.ts), texts are copied; either way
 * columns already handed out stay as they were. Rows come in another order than a fresh scan's, which changes
 * sums only in their last bits.
 */
function withNewRows(entry: CacheEntry, stamp: ChangeStamp, added: Scan): CacheEntry {
  if (added.rows === 0) return { ...entry, stamp };
  const fields = added.fields!;
  // Rows appended twice before anything was derived from the middle ones still grew from the first.
  const grownFrom: GrownFrom = entry.grownFrom?.source ? { ...entry.grownFrom } : { source: entry.fields, rows: entry.rows };
  const variables = new Map<string, Column>();
  for (const [name, column] of entry.variables) variables.set(name, joined(column, added.variables.get(name)!));
  return {
    stamp, layout: entry.layout, rows: entry.rows + added.rows, maxRowid: added.maxRowid, appended: true, variables, grownFrom,
    fields: {
      wave: joined(entry.fields.wave, fields.wave) as Float64Array, weight: joined(entry.fields.weight, fields.weight) as Float64Array,
      stratum: entry.fields.stratum.concat(fields.stratum), psu: entry.fields.psu.concat(fields.psu),
      language: entry.fields.language.concat(fields.language), mode: entry.fields.mode.concat(fields.mode),
    },
  };
}

function joined(first: Column, second: Column): Column {
  // A float32 column gets appended values that are not all float32s: widened, never rounded.
  if (isNumberColumn(first) && isNumberColumn(second)) return appendNumbers(first, second);
  return (first as (string | null)[]).concat(second as (string | null)[]);
}
