import { ConditionsParser, Serializer } from 'survey-core';
import { referencedQuestions } from './conditions.ts';
import type { QuestionInfo } from './questions.ts';
import type { Problem } from './types.ts';

/** SurveyJS properties holding an expression (skip logic, computed values, end-page conditions). */
const EXPRESSION_KEYS = new Set([
  'visibleIf', 'enableIf', 'requiredIf', 'choicesVisibleIf', 'choicesEnableIf', 'setValueIf', 'setValueExpression',
  'defaultValueExpression', 'expression', 'minValueExpression', 'maxValueExpression',
]);

/**
 * Checks skip logic and computed values: every expression parses, and every `{variable}` in it is
 * a question of this questionnaire, one of its `calculatedValues`, or a SurveyJS built-in such as
 * `{item}` or the quiz's `{correctAnswers}` (conditions.ts), so a typo in a condition cannot
 * silently hide a question. Names compare case-insensitively, as survey-core reads them. Also
 * refuses element types survey-core does not know.
 */
export function checkExpressions(definition: Record<string, unknown>, questions: QuestionInfo[], problems: Problem[]): void {
  const calculated = Array.isArray(definition.calculatedValues)
    ? definition.calculatedValues.map((value: unknown) => String((value as { name?: unknown } | null)?.name ?? ''))
    : [];
  const names = new Set([...questions.map((question) => question.name), ...calculated, ...dynamicPanelNames(definition)].map((name) => name.toLowerCase()));
  walk(definition, 'definition', names, problems);
}

/** Dynamic panels are no QuestionInfo (their inner questions are), but `{panel_name[0].inner}` reads their answer. */
function dynamicPanelNames(node: unknown, names: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => dynamicPanelNames(child, names));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'paneldynamic' && typeof element.name === 'string') names.push(element.name);
    for (const key of ['pages', 'elements', 'templateElements']) dynamicPanelNames(element[key], names);
  }
  return names;
}

function walk(node: unknown, path: string, names: Set<string>, problems: Problem[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => walk(child, `${path}[${index}]`, names, problems));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (typeof element.type === 'string' && /\.(elements|templateElements)\[\d+\]$/.test(path) && !Serializer.findClass(element.type)) {
    problems.push({ path: `${path}.type`, message: `"${element.type}" is not a SurveyJS question type` });
  }
  for (const [key, value] of Object.entries(element)) {
    if (EXPRESSION_KEYS.has(key) && typeof value === 'string') checkExpression(value, `${path}.${key}`, names, problems);
    else if (value && typeof value === 'object') walk(value, `${path}.${key}`, names, problems);
  }
}

function checkExpression(expression: string, path: string, names: Set<string>, problems: Problem[]): void {
  const parser = new ConditionsParser();
  if (!parser.parseExpression(expression)) {
    problems.push({ path, message: `cannot parse the expression "${expression}"` });
    return;
  }
  for (const name of referencedQuestions(expression)) {
    if (!names.has(name.toLowerCase())) problems.push({ path, message: `"{${name}}" is not a question of this questionnaire` });
  }
}
