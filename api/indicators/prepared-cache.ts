import { prepare, type Prepared } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { analysisInput, type TableNeeds } from './analysis-input.ts';
import type { LoadedColumns } from './load-columns.ts';

interface Kept { key: string; prepared: Prepared; notes: string[] }

// One Prepared per set of loaded rows (the latest asked for): it holds the raked weights, the
// recoded indicator values and the breakdown indexes, ~10 float64 columns for a million rows.
const kept = new WeakMap<object, Kept>();

/**
 * The engine's prepared input for loaded rows: the design (raked), indicator values and
 * dimensions. Kept with the rows it came from, so the next request on unchanged responses (the
 * same `loaded.source`) with the same indicators, dimensions and weighting reuses it; any new or
 * erased response gives new rows, hence a new Prepared.
 */
export function preparedInput(meta: SurveyMeta, loaded: LoadedColumns, needs: TableNeeds): { prepared: Prepared; notes: string[] } {
  const key = JSON.stringify([needs, meta.design, meta.weighting, meta.dimensions, meta.reliability, meta.suppression]);
  const found = kept.get(loaded.source);
  if (found?.key === key) return found;
  const { data, spec, notes } = analysisInput(meta, loaded, needs);
  const made = { key, prepared: prepare(data, spec), notes };
  kept.set(loaded.source, made);
  return made;
}
