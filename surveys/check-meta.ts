import { checkIndicator } from './check-indicators.ts';
import { checkContrasts, checkDesign, checkModels, flatColumns } from './check-models.ts';
import { checkTargets } from './check-targets.ts';
import type { QuestionInfo } from './questions.ts';
import { RESPONSE_COLUMNS, type Problem, type SurveyMeta } from './types.ts';

const RESERVED = new Set<string>(RESPONSE_COLUMNS);

/**
 * Checks that the meta block refers only to questions, response-level columns (RESPONSE_COLUMNS)
 * and values that exist, so that every declared indicator, dimension, reliability set, raking
 * margin, model, contrast and the design can be computed from stored responses.
 * Multiple-response dimensions name flattened columns `<question>_<choice value>`.
 */
export function checkMeta(meta: SurveyMeta, questions: QuestionInfo[], problems: Problem[]): void {
  const byName = new Map(questions.map((question) => [question.name, question]));
  const isColumn = (name: unknown) => typeof name === 'string' && (byName.has(name) || RESERVED.has(name));
  checkDesign(meta, isColumn, problems);
  checkDimensions(meta, questions, isColumn, problems);
  const ids = new Set<string>();
  (meta.indicators ?? []).forEach((indicator, index) => {
    if (ids.has(indicator.id)) problems.push({ path: `meta.indicators[${index}].id`, message: `indicator id "${indicator.id}" is used twice` });
    ids.add(indicator.id);
    checkIndicator(indicator, `meta.indicators[${index}]`, byName, problems);
  });
  (meta.reliability ?? []).forEach((set, index) => {
    const path = `meta.reliability[${index}]`;
    if (!Array.isArray(set.items) || set.items.length < 2) problems.push({ path: `${path}.items`, message: 'a reliability set needs at least two items' });
    for (const item of set.items ?? []) {
      if (!byName.has(item)) problems.push({ path: `${path}.items`, message: `no question named "${item}"` });
    }
  });
  checkWeighting(meta, byName, problems);
  checkSuppression(meta, problems);
  checkModels(meta, questions, problems);
  checkContrasts(meta, questions, problems);
  checkTargets(meta, questions, problems);
}

function checkDimensions(meta: SurveyMeta, questions: QuestionInfo[], isColumn: (name: unknown) => boolean, problems: Problem[]): void {
  const choiceColumns = flatColumns(questions);
  for (const [name, dimension] of Object.entries(meta.dimensions ?? {})) {
    const path = `meta.dimensions.${name}`;
    if ('column' in dimension) {
      if (!isColumn(dimension.column)) problems.push({ path: `${path}.column`, message: `no question or response column named "${dimension.column}"` });
    } else if ('multiple' in dimension) {
      for (const [group, column] of Object.entries(dimension.multiple)) {
        if (!choiceColumns.has(column)) problems.push({ path: `${path}.multiple.${group}`, message: `"${column}" is not a choice column of any multiple-choice question` });
      }
    } else {
      problems.push({ path, message: 'a dimension needs "column" or "multiple"' });
    }
  }
}

/** Raking margins: each names a dimension or question, lists only its values, and all add up to the same population. */
function checkWeighting(meta: SurveyMeta, byName: Map<string, QuestionInfo>, problems: Problem[]): void {
  const totals: [string, number][] = [];
  for (const [margin, cells] of Object.entries(meta.weighting?.rake ?? {})) {
    const path = `meta.weighting.rake.${margin}`;
    const dimension = meta.dimensions?.[margin];
    const column = dimension && 'column' in dimension ? dimension.column : margin;
    const question = byName.get(column);
    if (!question) {
      problems.push({ path, message: `"${margin}" is not a dimension or question whose values can be raked to` });
      continue;
    }
    const known = new Set((question.values ?? []).map(String));
    for (const [cell, population] of Object.entries(cells)) {
      if (question.values && !known.has(cell)) problems.push({ path: `${path}.${cell}`, message: `"${cell}" is not a value of "${column}"` });
      if (typeof population !== 'number' || !(population > 0)) problems.push({ path: `${path}.${cell}`, message: 'a population total must be a positive number' });
    }
    const missing = (question.values ?? []).filter((value) => !(String(value) in cells));
    if (missing.length > 0) problems.push({ path, message: `no population for ${missing.join(', ')}` });
    totals.push([margin, Object.values(cells).reduce((sum, value) => sum + (typeof value === 'number' ? value : 0), 0)]);
  }
  const [first, ...others] = totals;
  for (const [margin, total] of others) {
    if (first && Math.abs(total - first[1]) > 0.5) problems.push({ path: `meta.weighting.rake.${margin}`, message: `adds up to ${total}, but "${first[0]}" adds up to ${first[1]}; raking margins must describe the same population` });
  }
}

function checkSuppression(meta: SurveyMeta, problems: Problem[]): void {
  const rule = meta.suppression;
  if (!rule) return;
  if (!(rule.minN >= 0) || !(rule.flagBelowN >= rule.minN)) problems.push({ path: 'meta.suppression', message: 'needs 0 ≤ minN ≤ flagBelowN' });
  if (!(rule.flagRse > 0)) problems.push({ path: 'meta.suppression.flagRse', message: 'must be a positive relative standard error, such as 0.3' });
  if (rule.lowered !== undefined && (typeof rule.lowered !== 'string' || rule.lowered.trim() === '')) {
    problems.push({ path: 'meta.suppression.lowered', message: 'says why the default small-cell rule is lowered, as text' });
  }
}
