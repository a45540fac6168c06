import { AnalysisError, estimatePreparedTable, type CoefficientRow, type ContrastRow, type ContrastSpec, type IndicatorSpec, type ModelSpec, type Prepared } from '../../analysis/index.ts';
import { effectiveSuppression, type SuppressionRule } from '../../surveys/suppression.ts';
import { labelText, termLabels, valueLabel, variableLabel } from '../../surveys/term-labels.ts';
import type { IndicatorSource } from '../db/store/indicators.ts';
import type { Survey } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { Weighting } from './analysis-input.ts';
import { surveyVariables } from './analysis-input.ts';
import { loadColumns } from './load-columns.ts';
import { preparedInput, type RowCounts } from './prepared-cache.ts';
import { surveyContext, syntheticNotes } from './table.ts';
import { syntheticCount } from './synthetic-counts.ts';

export interface ModelQuery {
  /** undefined: every wave, pooled (each wave its own strata). */
  waves?: number[];
  weighting: Weighting;
  models: ModelSpec[];
  contrasts: ContrastSpec[];
}

export interface CoefficientEntry extends CoefficientRow {
  /** What the term stands for, in words (`Sex: Female (against Male)`). */
  label: string;
  /** The same without its reference category (`Sex: Female`), which `references` of the model names. */
  shortLabel: string;
}

export interface ModelEntry {
  id: string;
  label: string;
  family: ModelSpec['family'];
  outcome: { name: string; label: string };
  /** Respondents with every variable of the model valid and a weight above 0. */
  n: number;
  dfResidual: number | null;
  /** As for estimates: fewer than minN respondents withholds the coefficients, fewer than flagBelowN flags them. */
  flag: 'suppressed' | 'unreliable' | null;
  /** The reference category of each categorical predictor, in words (`Sex: Male`). */
  references: string[];
  /** Why the model could not be fitted to these responses (the coefficients are then empty). */
  error: string | null;
  coefficients: CoefficientEntry[];
}

export interface ContrastEntry extends ContrastRow {
  label: string;
  indicatorLabel: string;
  /** The groups and times in words. */
  labels: { treated: string; control: string; before: string; after: string };
  error: string | null;
}

export interface ModelTable extends RowCounts {
  survey: string;
  version: number;
  filters: { wave: number[] | null; weighting: Weighting; models: string[] };
  models: ModelEntry[];
  contrasts: ContrastEntry[];
  suppression: SuppressionRule;
  synthetic: number;
  notes: string[];
  waves: number[];
}

/** Model and contrast names that are indicators of the meta: their values must be made. */
function usedIndicators(indicators: IndicatorSpec[], query: ModelQuery): IndicatorSpec[] {
  const names = new Set([...query.models.flatMap((model) => [model.outcome, ...model.predictors]), ...query.contrasts.map((contrast) => contrast.indicator)]);
  return indicators.filter((indicator) => names.has(indicator.id));
}

/**
 * Design-based models (R `svyglm`) and difference-in-differences contrasts of the meta, for the
 * stored responses of the chosen waves and weighting. Each model is fitted on its own, so one that
 * cannot be fitted (too few respondents, say) is reported with its reason beside the others.
 */
export async function modelTable(source: IndicatorSource, survey: Survey, query: ModelQuery): Promise<ModelTable> {
  const context = await surveyContext(source, survey);
  const { meta } = context;
  const definition = context.versions.at(-1)!.definition;
  const indicators = usedIndicators((meta.indicators ?? []) as IndicatorSpec[], query);
  const dimensions = [...new Set(query.contrasts.flatMap((contrast) => [contrast.group.dimension, contrast.time.dimension]))];
  const loaded = await loadColumns(source, { surveyId: survey.id, layout: context.layout, variables: surveyVariables(meta, context.layout), ...(query.waves ? { waves: query.waves } : {}) });
  if (loaded.rows === 0) throw new ApiError(422, 'There are no stored responses to estimate from.', [{ field: query.waves ? 'wave' : 'survey', issue: 'no responses' }]);
  let input: ReturnType<typeof preparedInput>;
  try {
    input = preparedInput(meta, loaded, { indicators, dimensions, weighting: query.weighting, reliabilityBy: [] });
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    throw new ApiError(422, `The models cannot be estimated from the stored responses: ${error.message}`, [{ field: 'data', issue: error.message }]);
  }
  const rule = effectiveSuppression(meta);
  const only = (spec: Partial<Prepared['spec']>): Prepared => ({ ...input.prepared, spec: { ...input.prepared.spec, reliability: [], ...spec } });
  const models = query.models.map((model): ModelEntry => {
    const base = { id: model.id, label: labelText(model.label, model.id), family: model.family, outcome: { name: model.outcome, label: variableLabel(definition, meta, model.outcome) } };
    try {
      const result = estimatePreparedTable(only({ models: [model] }), { breakdowns: [] }).models[0]!;
      const flag = result.n < rule.minN ? 'suppressed' : result.n < rule.flagBelowN ? 'unreliable' : null;
      const labels = termLabels(definition, meta, model, result.coefficients.map((row) => row.term));
      const coefficients = result.coefficients.map((row) => ({
        ...row, label: labels.terms[row.term]!.label, shortLabel: labels.terms[row.term]!.short,
        ...(flag === 'suppressed' ? { estimate: null, se: null, t: null, pValue: null, ciLow: null, ciHigh: null } : {}),
      }));
      return { ...base, n: result.n, dfResidual: result.dfResidual, flag, references: labels.references, error: null, coefficients };
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      return { ...base, n: 0, dfResidual: null, flag: null, references: [], error: error.message, coefficients: [] };
    }
  });
  const contrasts = query.contrasts.map((contrast): ContrastEntry => {
    const column = (dimension: string) => { const spec = meta.dimensions?.[dimension]; return spec && 'column' in spec ? spec.column : dimension; };
    const words = {
      treated: valueLabel(definition, column(contrast.group.dimension), contrast.group.treated), control: valueLabel(definition, column(contrast.group.dimension), contrast.group.control),
      before: valueLabel(definition, column(contrast.time.dimension), contrast.time.before), after: valueLabel(definition, column(contrast.time.dimension), contrast.time.after),
    };
    const base = { label: labelText(contrast.label, contrast.id), indicatorLabel: variableLabel(definition, meta, contrast.indicator), labels: words };
    try {
      return { ...estimatePreparedTable(only({ contrasts: [contrast] }), { breakdowns: [] }).contrasts[0]!, ...base, error: null };
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      const cells = { treatedBefore: null, treatedAfter: null, controlBefore: null, controlAfter: null };
      const counts = { treatedBefore: 0, treatedAfter: 0, controlBefore: 0, controlAfter: 0 };
      return { id: contrast.id, indicator: contrast.indicator, type: 'did', estimate: null, se: null, ciLow: null, ciHigh: null, pValue: null, df: 0, means: cells, n: counts, flag: null, ...base, error: error.message };
    }
  });
  const synthetic = await syntheticCount(source, survey.id, query.waves);
  const notes = [...syntheticNotes(synthetic, loaded.rows), ...input.notes];
  if (models.some((model) => model.coefficients.length > 0)) {
    notes.push('Coefficients are design-based (R svyglm): each is the difference in the outcome (for a binomial model, in its log-odds) with the other predictors held equal, with a 95% interval on the model\'s residual degrees of freedom. They describe associations in these data, not causes.');
  }
  return {
    survey: survey.slug, version: context.version,
    filters: { wave: query.waves ?? null, weighting: query.weighting, models: query.models.map((model) => model.id) },
    models, contrasts, suppression: rule, ...input.counts, synthetic, notes, waves: context.waves,
  };
}
