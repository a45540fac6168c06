import type { QuestionInfo } from './questions.ts';
import type { IndicatorSpec, Problem } from './types.ts';

const INDICATOR_TYPES = ['share', 'mean', 'scale', 'net', 'total', 'ratio', 'quantile'];
/** The keys an indicator may carry (shared/INDICATORS.md, both editions): any other is a typo or unsupported. */
export const INDICATOR_KEYS = [
  'id', 'label', 'type', 'item', 'items', 'favourable', 'unfavourable', 'missing', 'reverse', 'minValid', 'rescale', 'scale', 'ci',
  'denominator', 'quantile',
];

/** One problem per key of `value` outside `allowed`, naming the key by its path. */
export function unknownKeys(value: object, allowed: readonly string[], path: string, problems: Problem[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: `${path}.${key}`, message: `unknown key "${key}" (allowed: ${allowed.join(', ')})` });
  }
}

/**
 * Checks that one indicator can be computed: its items exist, its favourable and unfavourable
 * values are answers the items accept (and are not missing codes), averaged items have numeric
 * values, reversed items belong to the scale, and `rescale.from` is the items' range of valid values.
 */
export function checkIndicator(indicator: IndicatorSpec, path: string, byName: Map<string, QuestionInfo>, problems: Problem[]): void {
  unknownKeys(indicator, INDICATOR_KEYS, path, problems);
  if (!INDICATOR_TYPES.includes(indicator.type)) {
    problems.push({ path: `${path}.type`, message: `type must be ${INDICATOR_TYPES.join(', ')}` });
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
  if (indicator.type === 'quantile' || indicator.type === 'ratio' || (indicator.type === 'total' && !indicator.favourable?.length)) {
    checkAveraged(indicator, path, questions, missing, problems);
  }
  if (indicator.type === 'quantile' && !(typeof indicator.quantile === 'number' && indicator.quantile > 0 && indicator.quantile < 1)) {
    problems.push({ path: `${path}.quantile`, message: 'a quantile indicator needs "quantile", a probability strictly between 0 and 1 (0.5 for the median)' });
  }
  if (indicator.type !== 'quantile' && indicator.quantile !== undefined) problems.push({ path: `${path}.quantile`, message: 'only a quantile indicator takes "quantile"' });
  if (indicator.type === 'ratio') {
    const denominator = typeof indicator.denominator === 'string' ? byName.get(indicator.denominator) : undefined;
    if (!denominator) problems.push({ path: `${path}.denominator`, message: indicator.denominator === undefined ? 'a ratio indicator needs "denominator", the question whose total divides the item\'s' : `no question named "${String(indicator.denominator)}"` });
    else checkAveraged(indicator, `${path}.denominator`, [denominator], missing, problems);
  } else if (indicator.denominator !== undefined) problems.push({ path: `${path}.denominator`, message: 'only a ratio indicator takes "denominator"' });
}

function checkAveraged(indicator: IndicatorSpec, path: string, questions: QuestionInfo[], missing: Set<string>, problems: Problem[]): void {
  const ranges: [number, number][] = [];
  for (const question of questions) {
    if (!question.values) {
      // A number box (`inputType: number`) holds numbers, only not a fixed list of them.
      if (question.type === 'text' && question.json.inputType === 'number') continue;
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
  const from = indicator.type === 'scale' || indicator.type === 'mean' ? indicator.rescale?.from : undefined;
  if (from) {
    const differing = ranges.filter(([low, high]) => low !== from[0] || high !== from[1]);
    if (differing.length > 0) problems.push({ path: `${path}.rescale.from`, message: `[${from.join(', ')}] is not the items' range of valid values [${differing[0]!.join(', ')}]` });
  }
}
