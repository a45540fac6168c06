import type { AnalysisSpec, Column, Columns, DimensionSpec, IndicatorSpec, Margins } from '../../analysis/index.ts';
import { RESPONSE_COLUMNS, type SurveyMeta } from '../../surveys/types.ts';
import { effectiveSuppression } from '../../surveys/suppression.ts';
import { ApiError } from '../errors.ts';
import type { LoadedColumns, ResponseField } from './load-columns.ts';
import type { Layout } from './layout.ts';
import { designColumns } from './design-columns.ts';
import { reliabilitySpecs } from './reliability-specs.ts';
import { FirstSeen } from './first-seen.ts';
import { wavesSeen, waveCrossedMargins } from './wave-margins.ts';
import { roomyColumn } from '../../analysis/growable.ts';
import { keptRows, rowNotes, SCREENING_QUESTIONS, tableRows, type TableRows } from './table-rows.ts';

export type Weighting = 'raked' | 'design' | 'none';

/** What a table needs from the data, before anything is loaded. */
export interface TableNeeds {
  indicators: IndicatorSpec[];
  dimensions: string[];
  weighting: Weighting;
  reliabilityBy?: string[];
  /** Further questions read as they are (a model's predictors). */
  variables?: string[];
}

const isField = (name: string): name is ResponseField => (RESPONSE_COLUMNS as readonly string[]).includes(name);

/** Layout variables (question values, choice columns) a table reads; response fields come anyway. */
export function neededVariables(meta: SurveyMeta, layout: Layout, needs: TableNeeds): string[] {
  const names = new Set<string>();
  for (const indicator of needs.indicators) for (const item of [indicator.item, ...(indicator.items ?? [])]) if (item) names.add(item);
  for (const set of meta.reliability ?? []) for (const item of set.items) names.add(item);
  for (const name of needs.variables ?? []) names.add(name);
  for (const name of needs.dimensions) {
    const spec = meta.dimensions?.[name] as DimensionSpec | undefined;
    if (!spec) continue;
    if ('column' in spec) names.add(spec.column);
    else for (const column of Object.values(spec.multiple)) names.add(column);
  }
  if (needs.weighting === 'raked') for (const column of Object.keys(meta.weighting?.rake ?? {})) names.add(column);
  for (const name of SCREENING_QUESTIONS) names.add(name);
  for (const column of [meta.design?.weight, meta.design?.strata, meta.design?.cluster, meta.design?.fpc, ...(meta.design?.replicates?.columns ?? [])]) if (column) names.add(column);
  return [...names].filter((name) => !isField(name) && layout.byName.has(name));
}

/** The parts of the engine's spec that vary with the request, not with the design: indicators and reliability sets. */
export function tableParts(meta: SurveyMeta, needs: TableNeeds): Pick<AnalysisSpec, 'indicators' | 'reliability'> {
  return { indicators: needs.indicators, reliability: reliabilitySpecs(meta, needs.reliabilityBy) };
}

/**
 * Every layout variable any table of the survey can read: all indicators, dimensions, raking
 * margins, reliability sets, models' questions and design columns. Loading these once lets every later table (another
 * indicator, breakdown or weighting) reuse the loaded rows and their prepared design.
 */
export function surveyVariables(meta: SurveyMeta, layout: Layout): string[] {
  const indicators = (meta.indicators ?? []) as IndicatorSpec[];
  const variables = (meta.models ?? []).flatMap((model) => [model.outcome, ...model.predictors]);
  return neededVariables(meta, layout, { indicators, dimensions: Object.keys(meta.dimensions ?? {}), weighting: 'raked', variables });
}

/**
 * The engine's input for stored responses: columns by name, and a spec whose design is built from
 * the response fields.
 *
 * - weight: the response's design weight when meta names one, else 1; a response without one (a
 *   self-completed web response) counts 1, one of 0 counts 0. `weighting: "none"` sets every
 *   weight to 1. fpc and replicate weights: design-columns.ts.
 * - strata: each wave is an independent sample, so strata are wave × the meta's stratum; responses
 *   without a stratum form one stratum per wave ("self-completion").
 * - PSU: the response's PSU when meta names one and the response has it, else the response itself.
 * - raking: with several waves, every margin is crossed with the wave, which is raking each wave
 *   to the census margins on its own (IPF on wave-crossed margins separates by wave).
 * - rows: screened-out contacts, and (raked) interviews without a census category, are left out
 *   (table-rows.ts); `rows` says how many, and the notes say so.
 */
export function analysisInput(meta: SurveyMeta, all: LoadedColumns, needs: TableNeeds): AnalysisInput & { loaded: LoadedColumns } {
  const rake = rakeOf(meta, needs);
  const selection = tableRows(all, rake);
  const loaded = keptRows(all, selection.kept);
  if (loaded.rows === 0) {
    throw new ApiError(422, 'There are no interviews to estimate from.', [{ field: 'data', issue: `${rowNotes(selection).join(' ')}`.trim() || 'no responses' }]);
  }
  const notes: string[] = rowNotes(selection);
  const strata = FirstSeen.empty();
  const psus = FirstSeen.empty();
  const codes = designCodes(meta, loaded, strata, psus, 0);
  const extra = designColumns(meta, needs.weighting, rake !== undefined, fieldOf(loaded), codes.strata, loaded.rows);
  notes.push(...extra.notes);
  const data: Record<string, Column> = {
    ...loaded.variables, wave: loaded.wave, language: loaded.language, mode: loaded.mode, ...extra.columns,
    __weight: extra.weights, __stratum: codes.strata, __psu: codes.psus,
  };
  const spec = engineSpec(meta, needs, extra.design);
  const waves = rake ? wavesSeen([], loaded.wave) : [];
  const present = new Map<string, ReadonlySet<string | null>>();
  if (rake) spec.weighting = { rake: waveCrossedMargins(rake, data, loaded.wave, waves, notes, present) };
  const carry: InputCarry = { loadedRows: all.rows, rows: selection, strata, psus, waves, present, withoutDesignWeight: withoutWeight(loaded.weight) };
  return { data, spec, notes, rows: selection, loaded, carry };
}

/** The table's rows, with what an input for rows appended to these needs to go on from them (append-input.ts). */
export interface AnalysisInput {
  data: Columns;
  spec: AnalysisSpec;
  notes: string[];
  rows: TableRows;
  carry: InputCarry;
}

/** What an input for appended rows takes over from the input of the rows before (see append-input.ts). */
export interface InputCarry {
  /** Loaded rows the input was made from (kept or not). */
  loadedRows: number;
  rows: TableRows;
  /** Strata codes by wave and stored stratum, PSU codes by stratum and stored PSU. */
  strata: FirstSeen;
  psus: FirstSeen;
  /** Waves of the kept rows in order of first appearance (raked tables). */
  waves: number[];
  /** Per wave-crossed margin column, the labels its rows have. */
  present: ReadonlyMap<string, ReadonlySet<string | null>>;
  /** Kept rows without a design weight of their own. */
  withoutDesignWeight: number;
}

/** The margins a table is raked to, undefined when it is not raked. */
export function rakeOf(meta: SurveyMeta, needs: TableNeeds): Margins | undefined {
  const rake = meta.weighting?.rake;
  return needs.weighting === 'raked' && rake !== undefined && Object.keys(rake).length > 0 ? rake : undefined;
}

export const fieldOf = (loaded: LoadedColumns) => (name: string): Column | undefined => (isField(name) ? loaded[name] : loaded.variables[name]);

export function withoutWeight(weight: Float64Array): number {
  let count = 0;
  for (let row = 0; row < weight.length; row++) if (weight[row] !== weight[row]) count++;
  return count;
}

/**
 * Every kept row's stratum and PSU code, coded in `strata` and `psus` (which go on from earlier
 * rows' codes for appended ones); a row without a PSU is its own, numbered by its row (`offset`:
 * kept rows before these).
 */
export function designCodes(meta: SurveyMeta, loaded: LoadedColumns, strataCodes: FirstSeen, psuCodes: FirstSeen, offset: number): { strata: Float64Array; psus: Float64Array } {
  const design = meta.design ?? {};
  const field = fieldOf(loaded);
  const rows = loaded.rows;
  const strataColumn = design.strata ? field(design.strata) : undefined;
  const clusterColumn = design.cluster ? field(design.cluster) : undefined;
  // With room to grow: rows appended later are written after these in place.
  const strata = roomyColumn(rows);
  const psus = roomyColumn(rows);
  for (let row = 0; row < rows; row++) {
    const stratumValue = strataColumn?.[row];
    const stratumKey = stratumValue === null || stratumValue === undefined ? 'self-completion' : stratumValue;
    const stratum = strataCodes.code(loaded.wave[row] as number, stratumKey);
    strata[row] = stratum;
    const psuValue = clusterColumn?.[row];
    if (psuValue === null || psuValue === undefined || (typeof psuValue === 'number' && psuValue !== psuValue)) {
      psus[row] = -1 - (offset + row); // its own PSU
      continue;
    }
    psus[row] = psuCodes.code(stratum, psuValue);
  }
  return { strata, psus };
}

/** The engine's spec for the table's columns (design columns named as analysisInput names them). */
export function engineSpec(meta: SurveyMeta, needs: TableNeeds, extraDesign: Pick<AnalysisSpec['design'] & object, 'fpc' | 'replicates'>): AnalysisSpec {
  const design = meta.design ?? {};
  return {
    design: { weight: '__weight', strata: '__stratum', cluster: '__psu', lonelyPsu: design.lonelyPsu ?? 'adjust', ...extraDesign },
    dimensions: meta.dimensions as Record<string, DimensionSpec> | undefined,
    ...tableParts(meta, needs),
    suppression: (({ minN, flagBelowN, flagRse }) => ({ minN, flagBelowN, flagRse }))(effectiveSuppression(meta)),
  };
}
