import type { QuestionInfo } from './questions.ts';
import type { IndicatorSpec, Problem } from './types.ts';

const INDICATOR_TYPES = new Set(['share', 'mean', 'scale', 'net']);

/**
 * Checks that one indicator can be computed: its items exist, its favourable and unfavourable
 * values are answers the items accept (and are not missing codes), averaged items have numeric
 * values, reversed items belong to the scale, and `rescale.from` is the items' range of valid values.
 */
export function checkIndicator(indicator: IndicatorSpec, path: string, byName: Map<string, QuestionInfo>, problems: Problem[]): void {
  if (!INDICATOR_TYPES.has(indicator.type)) {
    problems.push({ path: `${path}.type`, message: 'type must be share, mean, scale or net' });
    return;
  }
  const names = indicator.type === 'scale' ? (indicator.items ?? []) : indicator.item ? [indicator.item] : [];
  if (names.length === 0) problems.push({ path, message: `a ${indicator.type} indicator needs ${indicator.type === 'scale' ? '"items"' : '"item"'}` });
  const missing = new Set((indicator.missing ?? []).map(String));
  const questions: QuestionInfo[] = [];
  for (const name of names) {
    const question = byName.get(name);
    if (!question) problems.push({ path, message: `no question named "${name}"` });
    else questions.push(question);
  }
  for (const question of questions) {
    for (const key of ['favourable', 'unfavourable'] as const) {
      const wanted = indicator[key];
      if (!wanted) continue;
      const allowed = new Set((question.values ?? []).map(String));
      const unknown = wanted.filter((value) => !allowed.has(String(value)));
      if (unknown.length > 0) problems.push({ path: `${path}.${key}`, message: `${unknown.join(', ')} not among the values of "${question.name}"` });
      const alsoMissing = wanted.filter((value) => missing.has(String(value)));
      if (alsoMissing.length > 0) problems.push({ path: `${path}.${key}`, message: `${alsoMissing.join(', ')} also declared missing` });
    }
  }
  if ((indicator.type === 'share' || indicator.type === 'net') && !indicator.favourable?.length) {
    problems.push({ path: `${path}.favourable`, message: `a ${indicator.type} indicator needs favourable values` });
  }
  if (indicator.type === 'net' && !indicator.unfavourable?.length) problems.push({ path: `${path}.unfavourable`, message: 'a net indicator needs unfavourable values' });
  if (indicator.type === 'mean' || indicator.type === 'scale') checkAveraged(indicator, path, questions, missing, problems);
}

function checkAveraged(indicator: IndicatorSpec, path: string, questions: QuestionInfo[], missing: Set<string>, problems: Problem[]): void {
  const ranges: [number, number][] = [];
  for (const question of questions) {
    if (!question.values) {
      problems.push({ path, message: `"${question.name}" has no fixed values to average` });
      continue;
    }
    const valid = question.values.filter((value) => !missing.has(String(value)));
    if (valid.some((value) => typeof value !== 'number')) {
      problems.push({ path, message: `"${question.name}" has non-numeric values (${valid.filter((value) => typeof value !== 'number').join(', ')}) that are not declared missing` });
      continue;
    }
    const numbers = valid as number[];
    ranges.push([Math.min(...numbers), Math.max(...numbers)]);
  }
  if (indicator.type === 'scale') {
    const names = new Set(indicator.items ?? []);
    const stray = (indicator.reverse ?? []).filter((name) => !names.has(name));
    if (stray.length > 0) problems.push({ path: `${path}.reverse`, message: `${stray.join(', ')} not among the scale's items` });
    const minValid = indicator.minValid ?? 1;
    if (!Number.isInteger(minValid) || minValid < 1 || minValid > names.size) problems.push({ path: `${path}.minValid`, message: `must be a whole number from 1 to ${names.size}` });
  }
  const from = indicator.rescale?.from;
  if (from) {
    const differing = ranges.filter(([low, high]) => low !== from[0] || high !== from[1]);
    if (differing.length > 0) problems.push({ path: `${path}.rescale.from`, message: `[${from.join(', ')}] is not the items' range of valid values [${differing[0]!.join(', ')}]` });
  }
}
