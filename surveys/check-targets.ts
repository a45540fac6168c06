import { unknownKeys } from './check-indicators.ts';
import type { QuestionInfo } from './questions.ts';
import type { IndicatorSpec, Problem, SurveyMeta, TargetSpec } from './types.ts';

const TARGET_KEYS = ['indicator', 'baseline', 'target', 'year', 'direction'];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The values an indicator can take, for checking a target against it: a share 0–1, a net score
 * −1–1, a rescaled scale its `to`, a mean, quantile or scale the range of its items' answer values
 * (missing codes left out). Totals and ratios have no bound (null).
 */
export function indicatorRange(indicator: IndicatorSpec, byName: Map<string, QuestionInfo>): [number, number] | null {
  if (indicator.type === 'share') return [0, 1];
  if (indicator.type === 'net') return [-1, 1];
  if (indicator.type === 'total' || indicator.type === 'ratio') return null;
  if (indicator.rescale) return [Math.min(...indicator.rescale.to), Math.max(...indicator.rescale.to)];
  const missing = new Set(indicator.missing ?? []);
  const values = [indicator.item, ...(indicator.items ?? [])].filter((name): name is string => typeof name === 'string')
    .flatMap((name) => byName.get(name)?.values ?? [])
    .filter((value): value is number => typeof value === 'number' && !missing.has(value));
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : null;
}

/**
 * Checks `meta.targets` (programme targets, the logframe): known keys, an indicator of the meta,
 * a baseline that is a wave (digits, as waves are stored; the meta needs a dimension on the wave
 * column to compare waves), a target inside the indicator's range, a year that is a whole number.
 */
export function checkTargets(meta: SurveyMeta, questions: QuestionInfo[], problems: Problem[]): void {
  const targets: unknown = meta.targets;
  if (targets === undefined) return;
  if (!Array.isArray(targets)) {
    problems.push({ path: 'meta.targets', message: 'must be a list of targets' });
    return;
  }
  const byName = new Map(questions.map((question) => [question.name, question]));
  const indicators = new Map((meta.indicators ?? []).map((indicator) => [indicator.id, indicator]));
  const hasWaveDimension = Object.values(meta.dimensions ?? {}).some((dimension) => 'column' in dimension && dimension.column === 'wave');
  const seen = new Set<string>();
  targets.forEach((entry: unknown, index) => {
    const path = `meta.targets[${index}]`;
    if (!isObject(entry)) {
      problems.push({ path, message: 'a target must be an object with indicator, baseline, target and year' });
      return;
    }
    const target = entry as unknown as TargetSpec;
    unknownKeys(target, TARGET_KEYS, path, problems);
    const indicator = typeof target.indicator === 'string' ? indicators.get(target.indicator) : undefined;
    if (!indicator) problems.push({ path: `${path}.indicator`, message: `no indicator "${String(target.indicator)}"` });
    else if (seen.has(indicator.id)) problems.push({ path: `${path}.indicator`, message: `indicator "${indicator.id}" has a target already` });
    if (indicator) seen.add(indicator.id);
    if (typeof target.baseline !== 'string' || !/^\d{1,9}$/.test(target.baseline)) problems.push({ path: `${path}.baseline`, message: `"${String(target.baseline)}" is not a wave; give the baseline wave as text, e.g. "2024"` });
    else if (!hasWaveDimension) problems.push({ path: `${path}.baseline`, message: 'comparing waves needs a dimension on the wave column in meta.dimensions, e.g. "wave": { "column": "wave" }' });
    if (typeof target.target !== 'number' || !Number.isFinite(target.target)) problems.push({ path: `${path}.target`, message: 'the target must be a number' });
    else if (indicator) {
      const range = indicatorRange(indicator, byName);
      if (range && (target.target < range[0] || target.target > range[1])) {
        problems.push({ path: `${path}.target`, message: `${target.target} is outside the values of "${indicator.id}" (${range[0]} to ${range[1]}${indicator.type === 'share' ? ', a share' : ''})` });
      }
    }
    if (typeof target.year !== 'number' || !Number.isInteger(target.year)) problems.push({ path: `${path}.year`, message: 'the year must be a whole number, e.g. 2027' });
    if (target.direction !== undefined && target.direction !== 'increase' && target.direction !== 'decrease') problems.push({ path: `${path}.direction`, message: 'direction must be "increase" (the default) or "decrease" (lower is better)' });
  });
}
