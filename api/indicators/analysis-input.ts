import type { AnalysisSpec, Column, Columns, DimensionSpec, IndicatorSpec, Margins } from '../../analysis/index.ts';
import { RESPONSE_COLUMNS, type SurveyMeta } from '../../surveys/types.ts';
import { effectiveSuppression } from '../../surveys/suppression.ts';
import { ApiError } from '../errors.ts';
import type { LoadedColumns, ResponseField } from './load-columns.ts';
import type { Layout } from './layout.ts';
import { designColumns } from './design-columns.ts';
import { reliabilitySpecs } from './reliability-specs.ts';
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
export function analysisInput(meta: SurveyMeta, all: LoadedColumns, needs: TableNeeds): { data: Columns; spec: AnalysisSpec; notes: string[]; rows: TableRows; loaded: LoadedColumns } {
  const rake = meta.weighting?.rake;
  const raking = needs.weighting === 'raked' && rake !== undefined && Object.keys(rake).length > 0;
  const selection = tableRows(all, raking ? rake : undefined);
  const loaded = keptRows(all, selection.kept);
  if (loaded.rows === 0) {
    throw new ApiError(422, 'There are no interviews to estimate from.', [{ field: 'data', issue: `${rowNotes(selection).join(' ')}`.trim() || 'no responses' }]);
  }
  const notes: string[] = rowNotes(selection);
  const design = meta.design ?? {};
  const field = (name: string): Column | undefined => (isField(name) ? loaded[name] : loaded.variables[name]);
  const rows = loaded.rows;
  const strataColumn = design.strata ? field(design.strata) : undefined;
  const clusterColumn = design.cluster ? field(design.cluster) : undefined;
  // Codes in order of first appearance, looked up by wave then value: no key string per row.
  const strataCodes = new Map<number, Map<unknown, number>>();
  const psuCodes = new Map<number, Map<unknown, number>>();
  let strataCount = 0;
  let psuCount = 0;
  const strata = new Float64Array(rows);
  const psus = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const stratumValue = strataColumn?.[row];
    const wave = loaded.wave[row] as number;
    let ofWave = strataCodes.get(wave);
    if (ofWave === undefined) strataCodes.set(wave, (ofWave = new Map()));
    const stratumKey = stratumValue === null || stratumValue === undefined ? 'self-completion' : stratumValue;
    let stratum = ofWave.get(stratumKey);
    if (stratum === undefined) ofWave.set(stratumKey, (stratum = strataCount++));
    strata[row] = stratum;
    const psuValue = clusterColumn?.[row];
    if (psuValue === null || psuValue === undefined || (typeof psuValue === 'number' && psuValue !== psuValue)) {
      psus[row] = -1 - row; // its own PSU
      continue;
    }
    let ofStratum = psuCodes.get(stratum);
    if (ofStratum === undefined) psuCodes.set(stratum, (ofStratum = new Map()));
    let psu = ofStratum.get(psuValue);
    if (psu === undefined) ofStratum.set(psuValue, (psu = psuCount++));
    psus[row] = psu;
  }
  const extra = designColumns(meta, needs.weighting, raking, field, strata, rows);
  notes.push(...extra.notes);
  const data: Record<string, Column> = {
    ...loaded.variables, wave: loaded.wave, language: loaded.language, mode: loaded.mode, ...extra.columns,
    __weight: extra.weights, __stratum: strata, __psu: psus,
  };
  const spec: AnalysisSpec = {
    design: { weight: '__weight', strata: '__stratum', cluster: '__psu', lonelyPsu: design.lonelyPsu ?? 'adjust', ...extra.design },
    dimensions: meta.dimensions as Record<string, DimensionSpec> | undefined,
    ...tableParts(meta, needs),
    suppression: (({ minN, flagBelowN, flagRse }) => ({ minN, flagBelowN, flagRse }))(effectiveSuppression(meta)),
  };
  if (raking) spec.weighting = { rake: waveCrossedMargins(rake, data, loaded.wave, notes) };
  return { data, spec, notes, rows: selection, loaded };
}

function waveCrossedMargins(rake: Margins, data: Record<string, Column>, wave: Float64Array, notes: string[]): Margins {
  const waves = [...new Set(wave)].map(String);
  if (waves.length <= 1) return rake;
  const crossed: Margins = {};
  for (const [column, totals] of Object.entries(rake)) {
    const source = data[column];
    if (!source) continue;
    const values = new Array<string | null>(wave.length);
    // One label string per (wave, category), shared by its rows.
    const labels = new Map<number, Map<unknown, string>>();
    for (let row = 0; row < wave.length; row++) {
      const value = source[row];
      if (value === null || value === undefined || (typeof value === 'number' && value !== value)) {
        values[row] = null;
        continue;
      }
      const rowWave = wave[row] as number;
      let ofWave = labels.get(rowWave);
      if (ofWave === undefined) labels.set(rowWave, (ofWave = new Map()));
      let label = ofWave.get(value);
      if (label === undefined) ofWave.set(value, (label = `${rowWave}|${value}`));
      values[row] = label;
    }
    const name = `__rake_${column}`;
    data[name] = values;
    // A wave without respondents in some category (e.g. the few web responses that have no wave)
    // is raked to the categories it has; the table's notes say so.
    const present = new Set(values);
    const absent = new Map<string, string[]>();
    crossed[name] = Object.fromEntries(waves.flatMap((label) => Object.entries(totals).flatMap(([category, total]) => {
      const key = `${label}|${category}`;
      if (present.has(key)) return [[key, total]];
      absent.set(label, [...(absent.get(label) ?? []), category]);
      return [];
    })));
    for (const [label, categories] of absent) {
      const of = Object.keys(totals).length;
      notes.push(`${label === 'NaN' ? 'Responses without a wave (e.g. web responses)' : `Wave ${label}`}: no respondents in ${categories.length} of ${of} census categories of ${column} (${categories.join(', ')}); raked to the categories present.`);
    }
  }
  return crossed;
}
