import { appendPrepared, prepareDesign, releaseUncarried, withIndicators, type Prepared } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { analysisInput, tableParts, type InputCarry, type TableNeeds } from './analysis-input.ts';
import { appendAnalysisInput } from './append-input.ts';
import type { LoadedColumns } from './load-columns.ts';

/** What a table says about its rows besides the estimates. */
export interface RowCounts {
  /** Screened-out contacts left out of every estimate. */
  screenedOut: number;
  /** Interviews left out of raked estimates (no census category of a margin variable). */
  notRaked: number;
  /** Rows estimated from that have no design weight of their own (counted as weight 1 before raking). */
  withoutDesignWeight: number;
}

interface Kept { prepared: Prepared; notes: string[]; counts: RowCounts; input: InputCarry }

// Per set of loaded rows, the prepared designs asked for last (one per weighting, and per meta):
// each holds the raked weights, breakdown indexes and the values of the indicators asked so far,
// ~600 MB at a million responses, so only the two most recently used are kept (raked and design
// weights, say, for a dashboard that compares them).
const designsBySource = new WeakMap<object, Map<string, Kept>>();
const designsPerSource = 2;

/**
 * The engine's prepared input for loaded rows. The design part (weights, raking, dimensions,
 * breakdown cells) is kept with the rows it came from and reused by every later request on
 * unchanged responses (the same `loaded.source`) with the same weighting, whatever indicators and
 * breakdown it asks for; indicator values are made once each. New responses give new rows: when
 * they were only appended (`loaded.grownFrom`, from the change stamp), the earlier rows' design is
 * updated for them (`appendPrepared`: raked again, values and dimensions read for the new rows
 * alone); an erasure or an edit gives rows scanned afresh, hence a new design.
 */
export function preparedInput(meta: SurveyMeta, loaded: LoadedColumns, needs: TableNeeds): { prepared: Prepared; notes: string[]; counts: RowCounts } {
  const key = JSON.stringify([needs.weighting, meta.design, meta.weighting, meta.dimensions, meta.suppression, Object.keys(loaded.variables)]);
  let designs = designsBySource.get(loaded.source);
  if (!designs) designsBySource.set(loaded.source, (designs = new Map()));
  let found = designs.get(key);
  designs.delete(key);
  if (!found) {
    for (const oldest of designs.keys()) {
      if (designs.size < designsPerSource) break;
      designs.delete(oldest);
    }
    // The earlier rows' input and design, when these rows were appended to theirs: the input is
    // made for the appended rows alone and joined to theirs (append-input.ts), the design updated.
    const earlier = earlierKept(loaded, key);
    const appended = earlier ? appendAnalysisInput(meta, loaded, needs, earlier.input, earlier.prepared.data) : undefined;
    const { data, spec, notes, rows, carry } = appended ?? analysisInput(meta, loaded, needs);
    const previous = earlier && (appended || sameFirstRows(earlier, loaded, rows.kept)) ? earlier.prepared : undefined;
    // What is not carried over to the new rows (a table's plan, a breakdown's row lists: hundreds of
    // MB at a million) is let go now, not after the new design is built beside it.
    if (previous) releaseUncarried(previous);
    found = {
      prepared: previous ? appendPrepared(previous, data, spec) : prepareDesign(data, spec), notes, input: carry,
      counts: { screenedOut: rows.screenedOut, notRaked: rows.notRakedTotal, withoutDesignWeight: carry.withoutDesignWeight },
    };
  }
  designs.set(key, found); // most recently used last
  return { prepared: withIndicators(found.prepared, { ...found.prepared.spec, ...tableParts(meta, needs) }), notes: [...found.notes], counts: found.counts };
}

/**
 * What was kept for the rows these grew from, if anything. The earlier rows' designs are let go:
 * they are updated once, not kept beside the new ones.
 */
function earlierKept(loaded: LoadedColumns, key: string): Kept | undefined {
  const grown = loaded.grownFrom;
  if (!grown?.source) return undefined;
  const designs = designsBySource.get(grown.source);
  designsBySource.delete(grown.source);
  grown.source = null;
  const earlier = designs?.get(key);
  return earlier && earlier.input.loadedRows === grown.rows ? earlier : undefined;
}

/**
 * Whether the table's rows from the earlier ones (rows are kept or left out one by one, so they
 * should be) are exactly the earlier design's rows, for an input made afresh.
 */
function sameFirstRows(earlier: Kept, loaded: LoadedColumns, kept: Uint32Array | null): boolean {
  const rows = earlier.input.loadedRows;
  let firstRows = rows;
  if (kept !== null) {
    firstRows = 0;
    while (firstRows < kept.length && (kept[firstRows] as number) < rows) firstRows++;
  }
  return loaded.rows >= rows && earlier.prepared.design.rowCount === firstRows;
}
