import type { IndicatorSpec } from '../../analysis/index.ts';
import type { TargetSpec } from '../../surveys/types.ts';
import type { IndicatorSource } from '../db/store/indicators.ts';
import type { Survey } from '../db/schema.ts';
import type { Weighting } from './analysis-input.ts';
import { indicatorLabel, indicatorTable, surveyContext } from './table.ts';

export type TargetStatus = 'reached with confidence' | 'reached by the point estimate only' | 'not reached';

/** One wave's estimate of a target's indicator, as the indicator table gives it. */
export interface WaveEstimate {
  wave: number;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  flag: 'suppressed' | 'unreliable' | null;
}

/** A logframe row: baseline, latest and target, the change since baseline and whether the target is reached. */
export interface TargetRow {
  indicator: string;
  label: string;
  type: IndicatorSpec['type'];
  direction: 'increase' | 'decrease';
  target: number;
  year: number;
  baseline: WaveEstimate | null;
  latest: WaveEstimate | null;
  /** Latest minus baseline, the engine's wave comparison (SE of the difference from one design). */
  change: { difference: number | null; ciLow: number | null; ciHigh: number | null; pValue: number | null; df: number } | null;
  /** Null when the latest estimate is withheld or missing (status says why: `note`). */
  status: TargetStatus | null;
  note: string | null;
}

export interface TargetTable {
  survey: string;
  weighting: Weighting;
  waves: number[];
  latestWave: number | null;
  targets: TargetRow[];
  notes: string[];
}

/**
 * Whether a target is reached, judged on the latest wave's 95% interval: its whole interval on the
 * right side of the target (above it, or below it where lower is better) is "reached with
 * confidence"; the point estimate alone on that side is "reached by the point estimate only".
 */
export function targetStatus(latest: { estimate: number; ciLow: number | null; ciHigh: number | null }, target: number, direction: 'increase' | 'decrease'): TargetStatus {
  const sign = direction === 'decrease' ? -1 : 1;
  const bound = direction === 'decrease' ? latest.ciHigh : latest.ciLow;
  if (bound !== null && sign * (bound - target) >= 0) return 'reached with confidence';
  return sign * (latest.estimate - target) >= 0 ? 'reached by the point estimate only' : 'not reached';
}

/**
 * The meta's programme targets for the stored responses: per target one indicator table of the
 * baseline and the latest stored wave by wave, with the engine's comparison latest against baseline
 * (the same call as `GET …/indicators?compare=wave:latest,baseline`), so the numbers are those of
 * the indicator table.
 */
export async function targetTable(source: IndicatorSource, survey: Survey, options: { weighting: Weighting }): Promise<TargetTable> {
  const context = await surveyContext(source, survey);
  const specs = (context.meta.targets ?? []) as TargetSpec[];
  const indicators = new Map(((context.meta.indicators ?? []) as IndicatorSpec[]).map((indicator) => [indicator.id, indicator]));
  const waveDimension = Object.entries(context.meta.dimensions ?? {}).find(([, dimension]) => 'column' in dimension && dimension.column === 'wave')?.[0];
  const latestWave = context.waves.at(-1) ?? null;
  const notes: string[] = [];
  const rows: TargetRow[] = [];
  // One engine call per baseline wave, for every target that starts from it.
  const byBaseline = new Map<string, TargetSpec[]>();
  for (const spec of specs) if (indicators.has(spec.indicator)) byBaseline.set(spec.baseline, [...(byBaseline.get(spec.baseline) ?? []), spec]);
  for (const [baseline, group] of byBaseline) {
    const baselineWave = Number(baseline);
    const groupIndicators = group.map((spec) => indicators.get(spec.indicator)!);
    const stored = context.waves.includes(baselineWave);
    const waves = [...new Set([...(stored ? [baselineWave] : []), ...(latestWave === null ? [] : [latestWave])])];
    const compare = stored && latestWave !== null && latestWave !== baselineWave && waveDimension ? [{ dimension: waveDimension, a: String(latestWave), b: baseline }] : [];
    const table = waves.length > 0 && waveDimension
      ? await indicatorTable(source, survey, { by: [waveDimension], waves, weighting: options.weighting, indicators: groupIndicators, compare })
      : null;
    if (table) for (const note of table.notes) if (!notes.includes(note)) notes.push(note);
    const waveEstimate = (indicator: string, wave: number): WaveEstimate | null => {
      const row = table?.estimates.find((entry) => entry.indicator === indicator && Object.keys(entry.groups).length === 1 && entry.groups[waveDimension!] === String(wave));
      return row ? { wave, estimate: row.estimate, ciLow: row.ciLow, ciHigh: row.ciHigh, n: row.n, flag: row.flag } : null;
    };
    for (const spec of group) {
      const indicator = indicators.get(spec.indicator)!;
      const direction = spec.direction ?? 'increase';
      const baselineRow = stored ? waveEstimate(spec.indicator, baselineWave) : null;
      const latest = latestWave === null ? null : waveEstimate(spec.indicator, latestWave);
      const comparison = table?.comparisons.find((entry) => entry.indicator === spec.indicator && Object.keys(entry.groups).length === 0);
      const change = comparison ? { difference: comparison.difference, ciLow: comparison.ciLow, ciHigh: comparison.ciHigh, pValue: comparison.pValue, df: comparison.df } : null;
      let note: string | null = null;
      if (!stored) note = `no responses stored for the baseline wave ${baseline}`;
      else if (latestWave === baselineWave) note = 'the latest wave is the baseline: no change yet';
      const status = latest?.estimate !== null && latest?.estimate !== undefined ? targetStatus({ estimate: latest.estimate, ciLow: latest.ciLow, ciHigh: latest.ciHigh }, spec.target, direction) : null;
      if (status === null) note = note ?? 'the latest estimate is withheld (too few responses)';
      rows.push({
        indicator: spec.indicator, label: indicatorLabel(indicator), type: indicator.type, direction, target: spec.target, year: spec.year,
        baseline: baselineRow, latest, change, status, note,
      });
    }
  }
  // In the meta's order, whatever the baseline grouping.
  rows.sort((a, b) => specs.findIndex((spec) => spec.indicator === a.indicator) - specs.findIndex((spec) => spec.indicator === b.indicator));
  return { survey: survey.slug, weighting: options.weighting, waves: context.waves, latestWave, targets: rows, notes };
}
