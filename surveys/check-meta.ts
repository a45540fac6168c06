import type { QuestionInfo } from './questions.ts';
import type { Problem, SurveyMeta } from './types.ts';

const INDICATOR_TYPES = new Set(['share', 'mean', 'scale', 'net']);

/**
 * Checks that the meta block refers only to questions and values that exist, so that every
 * declared indicator and dimension can be computed from stored answers.
 * Multiple-response dimensions name flattened columns `<question>_<choice value>`.
 */
export function checkMeta(meta: SurveyMeta, questions: QuestionInfo[], problems: Problem[]): void {
  const byName = new Map(questions.map((question) => [question.name, question]));
  const flatColumns = new Set(
    questions.filter((question) => question.type === 'checkbox').flatMap((question) => (question.values ?? []).map((value) => `${question.name}_${value}`)),
  );
  for (const [name, dimension] of Object.entries(meta.dimensions ?? {})) {
    const path = `meta.dimensions.${name}`;
    if ('column' in dimension) {
      if (!byName.has(dimension.column)) problems.push({ path: `${path}.column`, message: `no question named "${dimension.column}"` });
    } else if ('multiple' in dimension) {
      for (const [group, column] of Object.entries(dimension.multiple)) {
        if (!flatColumns.has(column)) problems.push({ path: `${path}.multiple.${group}`, message: `"${column}" is not a choice column of any multiple-choice question` });
      }
    } else {
      problems.push({ path, message: 'a dimension needs "column" or "multiple"' });
    }
  }
  const ids = new Set<string>();
  (meta.indicators ?? []).forEach((indicator, index) => {
    const path = `meta.indicators[${index}]`;
    if (ids.has(indicator.id)) problems.push({ path: `${path}.id`, message: `indicator id "${indicator.id}" is used twice` });
    ids.add(indicator.id);
    if (!INDICATOR_TYPES.has(indicator.type)) {
      problems.push({ path: `${path}.type`, message: `type must be share, mean, scale or net` });
      return;
    }
    const items = indicator.type === 'scale' ? (indicator.items ?? []) : indicator.item ? [indicator.item] : [];
    if (items.length === 0) problems.push({ path, message: `a ${indicator.type} indicator needs ${indicator.type === 'scale' ? '"items"' : '"item"'}` });
    for (const item of items) {
      const question = byName.get(item);
      if (!question) {
        problems.push({ path, message: `no question named "${item}"` });
        continue;
      }
      for (const key of ['favourable', 'unfavourable'] as const) {
        const wanted = indicator[key];
        if (!wanted) continue;
        const allowed = new Set((question.values ?? []).map(String));
        const unknown = wanted.filter((value) => !allowed.has(String(value)));
        if (unknown.length > 0) problems.push({ path: `${path}.${key}`, message: `${unknown.join(', ')} not among the values of "${item}"` });
      }
    }
    if ((indicator.type === 'share' || indicator.type === 'net') && !indicator.favourable?.length) {
      problems.push({ path: `${path}.favourable`, message: `a ${indicator.type} indicator needs favourable values` });
    }
  });
  (meta.reliability ?? []).forEach((set, index) => {
    for (const item of set.items) {
      if (!byName.has(item)) problems.push({ path: `meta.reliability[${index}].items`, message: `no question named "${item}"` });
    }
  });
}
