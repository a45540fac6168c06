import { AnalysisError, estimatePreparedTable, type IndicatorSpec, type Prepared, type TableOptions, type TableResult } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';
import type { Survey } from '../db/schema.ts';
import { effectiveSuppression, type SuppressionRule } from '../../surveys/suppression.ts';
import { ApiError } from '../errors.ts';
import { surveyVariables } from './analysis-input.ts';
import { loadColumns } from './load-columns.ts';
import { keptTable } from './kept-tables.ts';
import { preparedInput } from './prepared-cache.ts';
import type { IndicatorQuery } from './query.ts';
import { backfilledWaves } from './stored-waves.ts';
import type { SurveyLayout } from './survey-layout.ts';
import { syntheticCount } from './synthetic-counts.ts';

export interface IndicatorTable extends TableResult {
  survey: string;
  /** The meta the table was computed with: the latest published version's. */
  version: number;
  filters: { by: string[]; wave: number[] | null; weighting: string; indicators: string[]; compare: string[] };
  indicators: { id: string; label: string; type: IndicatorSpec['type'] }[];
  /** The small-cell rule applied: the default unless the meta is stricter or says why it is lowered. */
  suppression: SuppressionRule;
  /** Responses estimated from without a design weight (self-completed), counted as weight 1 before raking. */
  withoutDesignWeight: number;
  /** Screened-out contacts (declined consent, under 18, not resident) among the loaded records: in no estimate. */
  screenedOut: number;
  /** Interviews left out of this raked table for want of a census category of a margin variable (0 unless raked). */
  notRaked: number;
  /** Synthetic (invented, demo-generator) responses among the waves of this table: shown as a warning wherever it is. */
  synthetic: number;
  /** What the reader should know about how this table was made (e.g. a wave raked without a category). */
  notes: string[];
  /** Every wave with stored responses, so a reader can pick one. */
  waves: number[];
}

export interface SurveyContext extends SurveyLayout {
  meta: SurveyMeta;
  version: number;
  waves: number[];
}

/** The survey's layout and meta of its latest version, and its stored waves; backfills values first. */
export async function surveyContext(source: IndicatorSource, survey: Survey): Promise<SurveyContext> {
  const store = indicatorStoreOf(source);
  const stored = await backfilledWaves(store, survey.id);
  const found = await store.surveyLayout(survey.id);
  const latest = found.versions.at(-1);
  if (!latest) throw new ApiError(404, `Survey "${survey.slug}" has no published version.`);
  return { ...found, meta: latest.meta, version: latest.version, waves: stored.waves };
}

/** Synthetic rows come first among the caveats: figures that include them describe no one. */
export function syntheticNotes(synthetic: number, rows: number): string[] {
  return synthetic > 0
    ? [`SYNTHETIC DATA: ${synthetic} of the ${rows} stored records are invented by the demo generator (is_synthetic = 1). These figures describe no real population and must not be reported as findings.`]
    : [];
}

/** A lowered rule is a caveat every reader must see. */
function suppressionNotes(rule: SuppressionRule): string[] {
  return rule.lowered
    ? [`The small-cell rule is lowered by the survey's researchers (${rule.minN} / ${rule.flagBelowN} / RSE ${rule.flagRse} instead of 30 / 60 / 0.3): ${rule.lowered}`]
    : [];
}

/** English label of an indicator (labels are a string or `{ default, bs, … }`). */
export function indicatorLabel(indicator: IndicatorSpec): string {
  const label = indicator.label;
  if (typeof label === 'string') return label;
  return label?.default ?? label?.en ?? indicator.id;
}

/**
 * The engine's table for stored responses: loads only the variables the indicators, dimensions,
 * weighting and reliability sets need, and calls `estimateTable` once (or reuses the same table
 * made earlier on the same kept design, kept-tables.ts).
 */
export async function indicatorTable(source: IndicatorSource, survey: Survey, query: IndicatorQuery, reliabilityBy?: string[]): Promise<IndicatorTable> {
  const begun = await beginIndicatorTable(source, survey, query, reliabilityBy);
  return begun.finish(await keptTable(begun.prepared, begun.options, () => asTableError(() => estimatePreparedTable(begun.prepared, begun.options))));
}

/** A table whose rows are loaded and prepared: `finish` takes the engine's result for `prepared` and `options`. */
export interface BegunTable {
  prepared: Prepared;
  options: TableOptions;
  finish: (result: TableResult) => Promise<IndicatorTable>;
}

/**
 * `indicatorTable` up to the estimates, so a caller can make them its own way (the compute
 * thread, on two threads) and then `finish` the table.
 */
export async function beginIndicatorTable(source: IndicatorSource, survey: Survey, query: IndicatorQuery, reliabilityBy?: string[]): Promise<BegunTable> {
  const store = indicatorStoreOf(source);
  const context = await surveyContext(store, survey);
  const needs = { indicators: query.indicators, dimensions: [...query.by, ...query.compare.map((request) => request.dimension)], weighting: query.weighting, ...(reliabilityBy ? { reliabilityBy } : {}) };
  // Every variable the survey's tables read, so that another indicator or breakdown reuses them.
  const variables = surveyVariables(context.meta, context.layout);
  const loaded = await loadColumns(store, { surveyId: survey.id, layout: context.layout, variables, ...(query.waves ? { waves: query.waves } : {}) });
  if (loaded.rows === 0) throw new ApiError(422, 'There are no stored responses to estimate from.', [{ field: query.waves ? 'wave' : 'survey', issue: 'no responses' }]);
  const input = asTableError(() => preparedInput(context.meta, loaded, needs));
  const { notes, counts } = input;
  const finish = async (result: TableResult): Promise<IndicatorTable> => {
    const synthetic = await syntheticCount(store, survey.id, query.waves);
    return {
      survey: survey.slug,
      version: context.version,
      filters: {
        by: query.by, wave: query.waves ?? null, weighting: query.weighting, indicators: query.indicators.map((indicator) => indicator.id),
        compare: query.compare.map((request) => `${request.dimension}:${request.a}${request.b === undefined ? '' : `,${request.b}`}`),
      },
      indicators: query.indicators.map((indicator) => ({ id: indicator.id, label: indicatorLabel(indicator), type: indicator.type })),
      suppression: effectiveSuppression(context.meta),
      ...counts,
      synthetic,
      notes: [...syntheticNotes(synthetic, loaded.rows), ...notes, ...suppressionNotes(effectiveSuppression(context.meta))],
      waves: context.waves,
      ...result,
    };
  };
  return { prepared: input.prepared, options: { by: query.by, compare: query.compare }, finish };
}

/** The engine's refusal of the stored data as the API's 422 (anything else is thrown as it is). */
export function asTableError<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw tableError(error);
  }
}

export function tableError(error: unknown): unknown {
  if (!(error instanceof AnalysisError)) return error;
  const field = error.message.startsWith('compare') ? 'compare' : 'data';
  return new ApiError(422, `The indicators cannot be estimated from the stored responses: ${error.message}`, [{ field, issue: error.message }]);
}
