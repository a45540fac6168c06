import type { Column, Margins } from '../../analysis/index.ts';
import { isScreenedOut, SCREENING_ITEMS } from '../../surveys/items/index.ts';
import type { ScannedFields } from './column-scan.ts';
import type { LoadedColumns } from './load-columns.ts';
import { roomyArray, roomyColumn } from '../../analysis/growable.ts';

const FIELDS = new Set<string>(['wave', 'weight', 'stratum', 'psu', 'language', 'mode']);

/** The screening questions, loaded with every table so screened-out contacts can be left out. */
export const SCREENING_QUESTIONS: readonly string[] = SCREENING_ITEMS.map((item) => item.name);

/** Which loaded rows a table estimates from, and how many were left out and why. */
export interface TableRows {
  /** Indexes of the rows kept, in order; null when every row is kept. */
  kept: Uint32Array | null;
  /** Screened-out contacts (declined consent, under 18, not living in BiH): never interviews. */
  screenedOut: number;
  /** Interviews left out of raked estimates, per margin column: no value, or one the margin has no total for. */
  notRaked: Record<string, number>;
  notRakedTotal: number;
}

const missing = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && value !== value);

/**
 * Picks the rows of a table. Screened-out contacts are left out of every table: they are kept as
 * records (the monitor counts them for the response rate) but answered nothing to estimate from.
 * When the table is raked, an interview without a value of a margin variable (or with a value
 * the census margin has no total for) cannot be calibrated to the margins: it is left out of the
 * raked estimates, not imputed (docs/methods.md §9). Design-weighted and unweighted tables keep it.
 */
export function tableRows(loaded: LoadedColumns, rake: Margins | undefined): TableRows {
  const screening = SCREENING_QUESTIONS.map((name) => loaded.variables[name]).filter((column): column is Column => column !== undefined);
  const field = (name: string): Column | undefined => loaded.variables[name] ?? (FIELDS.has(name) ? loaded[name as keyof ScannedFields] : undefined);
  const margins = Object.entries(rake ?? {}).map(([name, totals]) => ({ name, column: field(name), totals: new Set(Object.keys(totals)) }));
  const notRaked: Record<string, number> = {};
  let screenedOut = 0;
  let notRakedTotal = 0;
  const kept = new Uint32Array(loaded.rows);
  let count = 0;
  for (let row = 0; row < loaded.rows; row++) {
    if (screening.length > 0 && isScreenedOut((name) => loaded.variables[name]?.[row])) {
      screenedOut++;
      continue;
    }
    let rakeable = true;
    for (const margin of margins) {
      const value = margin.column?.[row];
      if (margin.column && !missing(value) && margin.totals.has(String(value))) continue;
      notRaked[margin.name] = (notRaked[margin.name] ?? 0) + 1;
      rakeable = false;
    }
    if (!rakeable) {
      notRakedTotal++;
      continue;
    }
    kept[count++] = row;
  }
  return { kept: count === loaded.rows ? null : kept.slice(0, count), screenedOut, notRaked, notRakedTotal };
}

/** A column restricted to the kept rows (the column itself when every row is kept). */
export function keptColumn<T extends Column>(column: T, kept: Uint32Array | null): T {
  if (kept === null) return column;
  if (column instanceof Float64Array || column instanceof Float32Array) {
    // Of the same type, with room to grow: an updated design's kept rows are written after
    // these (append-input.ts, which widens a float32 column for a value that is not one).
    const out = column instanceof Float32Array ? roomyArray(Float32Array, kept.length) : roomyColumn(kept.length);
    for (let index = 0; index < kept.length; index++) out[index] = column[kept[index]!]!;
    return out as T;
  }
  const source = column as readonly (string | number | null)[];
  const out = new Array<string | number | null>(kept.length);
  for (let index = 0; index < kept.length; index++) out[index] = source[kept[index]!]!;
  return out as unknown as T;
}

/** The loaded rows restricted to the kept ones (the same object when every row is kept). */
export function keptRows(loaded: LoadedColumns, kept: Uint32Array | null): LoadedColumns {
  if (kept === null) return loaded;
  const variables: Record<string, Column> = {};
  for (const [name, column] of Object.entries(loaded.variables)) variables[name] = keptColumn(column, kept);
  return {
    rows: kept.length, variables, source: loaded.source,
    wave: keptColumn(loaded.wave, kept), weight: keptColumn(loaded.weight, kept), stratum: keptColumn(loaded.stratum, kept),
    psu: keptColumn(loaded.psu, kept), language: keptColumn(loaded.language, kept), mode: keptColumn(loaded.mode, kept),
  };
}

/** The notes a reader of the table needs about the rows left out. */
export function rowNotes(rows: TableRows): string[] {
  const notes: string[] = [];
  if (rows.screenedOut > 0) {
    notes.push(`${rows.screenedOut} screened-out contact${rows.screenedOut === 1 ? '' : 's'} (declined consent, under 18 or not living in BiH) ${rows.screenedOut === 1 ? 'is' : 'are'} not an interview: left out of every estimate.`);
  }
  if (rows.notRakedTotal > 0) {
    const why = Object.entries(rows.notRaked).map(([column, n]) => `${n} without a census category of ${column}`).join(', ');
    notes.push(`${rows.notRakedTotal} interview${rows.notRakedTotal === 1 ? '' : 's'} cannot be raked to the census margins (${why}): left out of the raked estimates; they count in the design-weighted and unweighted ones.`);
  }
  return notes;
}
