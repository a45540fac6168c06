import { groupLabels } from '../../surveys/group-labels.ts';
import type { Survey } from '../db/schema.ts';
import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';
import type { IndicatorSpec } from '../../analysis/index.ts';
import type { Weighting } from '../indicators/analysis-input.ts';
import { loadColumns } from '../indicators/load-columns.ts';
import { indicatorTable, surveyContext, type IndicatorTable } from '../indicators/table.ts';
import { modelTable, type ModelTable } from '../indicators/model-table.ts';
import { targetTable, type TargetTable } from '../indicators/target-table.ts';
import type { ContrastSpec, ModelSpec } from '../../analysis/index.ts';

export interface ReportData {
  survey: Survey;
  title: string;
  /** The wave reported on; null: every wave pooled (as the dashboard's "All waves"). */
  wave: number | null;
  /** Every stored wave (what "All waves" pools). */
  waves: number[];
  /** The wave the change section compares with: the one before `wave`, or (all waves) the latest's predecessor. */
  changeWave: number | null;
  previousWave: number | null;
  weighting: Weighting;
  main: IndicatorTable;
  change: IndicatorTable | null;
  definitions: IndicatorSpec[];
  byRegion: [string, number][];
  fieldwork: { first: string | null; last: string | null; byMode: Record<string, number> };
  weightingSource: string | null;
  dimensions: string[];
  /** Labels of dimension values from the latest questionnaire (dimension → value → label). */
  labels: Record<string, Record<string, string>>;
  /** The meta's models, fitted to the report's waves (null: none declared). */
  models: ModelTable | null;
  /** The meta's did contrasts, from every wave (they need their before and after waves; null: none declared). */
  programme: ModelTable | null;
  /** The meta's programme targets, baseline against the latest stored wave (null: none declared). */
  targets: TargetTable | null;
}

/** Everything the report shows, computed with the same engine call as the indicators endpoint. */
export async function reportData(from: IndicatorSource, survey: Survey, options: { wave?: number; weighting: Weighting }): Promise<ReportData> {
  const store = indicatorStoreOf(from);
  const context = await surveyContext(store, survey);
  // No wave asked: every wave pooled, as the dashboard's "All waves"; the change section then
  // compares the latest wave with the one before.
  const wave = options.wave ?? null;
  const changeWave = wave ?? context.waves.at(-1) ?? null;
  const previousWave = changeWave === null ? null : (context.waves.filter((other) => other < changeWave).at(-1) ?? null);
  const indicators = (context.meta.indicators ?? []) as IndicatorSpec[];
  const dimensions = ['region', 'channel'].filter((name) => context.meta.dimensions?.[name] !== undefined);
  const waves = wave === null ? undefined : [wave];
  const main = await indicatorTable(store, survey, { by: dimensions, ...(waves ? { waves } : {}), weighting: options.weighting, indicators, compare: [] },
    context.meta.dimensions?.language ? ['language'] : undefined);
  const change = changeWave !== null && previousWave !== null && context.meta.dimensions?.wave
    ? await indicatorTable(store, survey, { by: [], waves: [previousWave, changeWave], weighting: options.weighting, indicators, compare: [{ dimension: 'wave', a: String(changeWave), b: String(previousWave) }] })
    : null;
  // Counts by region and mode from the rows the main table loaded (kept in memory), not a new read.
  const loaded = await loadColumns(store, {
    surveyId: survey.id, layout: context.layout, variables: context.layout.byName.has('region') ? ['region'] : [], ...(waves ? { waves } : {}),
  });
  const byRegion = new Map<string, number>();
  if (context.layout.byName.has('region')) {
    for (const region of loaded.variables.region as (string | null)[]) byRegion.set(region ?? '(none)', (byRegion.get(region ?? '(none)') ?? 0) + 1);
  }
  const modes = new Map<string, number>();
  for (const mode of loaded.mode) modes.set(mode, (modes.get(mode) ?? 0) + 1);
  const dates = await store.fieldworkDates(survey.id, wave);
  const models = (context.meta.models ?? []) as ModelSpec[];
  const contrasts = (context.meta.contrasts ?? []) as ContrastSpec[];
  const fitted = models.length > 0 ? await modelTable(store, survey, { ...(waves ? { waves } : {}), weighting: options.weighting, models, contrasts: [] }) : null;
  const programme = contrasts.length > 0 ? await modelTable(store, survey, { weighting: options.weighting, models: [], contrasts }) : null;
  const targets = (context.meta.targets ?? []).length > 0 ? await targetTable(store, survey, { weighting: options.weighting }) : null;
  const definition = context.versions.at(-1)!.definition as { title?: unknown };
  const title = typeof definition.title === 'string' ? definition.title : ((definition.title as Record<string, string> | undefined)?.default ?? survey.slug);
  const source = context.meta.weightingSource as { source?: string } | undefined;
  return {
    survey, title, wave, waves: context.waves, changeWave, previousWave, weighting: options.weighting, main, change, definitions: indicators,
    byRegion: [...byRegion.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    fieldwork: { first: dates.first, last: dates.last, byMode: Object.fromEntries([...modes].sort((a, b) => a[0].localeCompare(b[0]))) },
    weightingSource: source?.source ?? null, dimensions,
    labels: groupLabels(context.versions.at(-1)!.definition, context.meta, 'en'),
    models: fitted, programme, targets,
  };
}
