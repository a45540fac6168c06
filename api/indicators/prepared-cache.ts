import { appendPrepared, prepareDesign, releaseUncarried, withIndicators, type Prepared } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { analysisInput, tableParts, type TableNeeds } from './analysis-input.ts';
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

interface Kept { prepared: Prepared; notes: string[]; counts: RowCounts }

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
    const { data, spec, notes, rows, loaded: used } = analysisInput(meta, loaded, needs);
    let withoutDesignWeight = 0;
    for (let row = 0; row < used.rows; row++) if (used.weight[row] !== used.weight[row]) withoutDesignWeight++;
    const earlier = earlierDesign(loaded, key, rows.kept);
    found = { prepared: earlier ? appendPrepared(earlier, data, spec) : prepareDesign(data, spec), notes, counts: { screenedOut: rows.screenedOut, notRaked: rows.notRakedTotal, withoutDesignWeight } };
  }
  designs.set(key, found); // most recently used last
  return { prepared: withIndicators(found.prepared, { ...found.prepared.spec, ...tableParts(meta, needs) }), notes: [...found.notes], counts: found.counts };
}

/**
 * The design kept for the rows these grew from, if any, when the table's rows from those are
 * exactly the earlier design's rows (rows are kept or left out one by one, so they should be).
 * The earlier rows' designs are let go: they are updated once, not kept beside the new ones.
 */
function earlierDesign(loaded: LoadedColumns, key: string, kept: Uint32Array | null): Prepared | undefined {
  const grown = loaded.grownFrom;
  if (!grown?.source) return undefined;
  const designs = designsBySource.get(grown.source);
  designsBySource.delete(grown.source);
  grown.source = null;
  const earlier = designs?.get(key)?.prepared;
  if (!earlier) return undefined;
  let firstRows = grown.rows;
  if (kept !== null) {
    firstRows = 0;
    while (firstRows < kept.length && (kept[firstRows] as number) < grown.rows) firstRows++;
  }
  if (earlier.design.rowCount !== firstRows) return undefined;
  // What is not carried over to the new rows (a table's plan, a breakdown's row lists: hundreds of
  // MB at a million) is let go now, not after the new design is built beside it.
  releaseUncarried(earlier);
  return earlier;
}
