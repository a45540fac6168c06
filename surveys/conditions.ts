import { BinaryOperand, ConditionsParser, type Operand } from 'survey-core';

/**
 * Variables SurveyJS provides itself (not questions), lower case since survey-core reads them
 * case-insensitively: the context of a choice, matrix row or dynamic panel, and the survey-wide
 * ones of SurveyModel.getBuiltInVariableValue (page number and count, the quiz scores).
 */
export const BUILT_IN_VARIABLES = new Set([
  'item', 'choice', 'row', 'panel', 'panelindex', 'visiblepanelindex', 'rowindex', 'visiblerowindex', 'rowname', 'parentpanel', 'rootpanel',
  'locale', 'pageno', 'pagecount', 'correctanswers', 'correctedanswers', 'correctedanswercount',
  'incorrectanswers', 'incorrectedanswers', 'incorrectedanswercount', 'questioncount',
]);
const VARIABLE = /\{([^{}]+)\}/g;

/**
 * The questions an expression reads, in order of first mention, without SurveyJS built-ins.
 * @example referencedQuestions("{contact_any} = 1 and {channels_used} contains {item}") // → ['contact_any', 'channels_used']
 */
export function referencedQuestions(expression: string): string[] {
  const names: string[] = [];
  for (const [, variable] of expression.matchAll(VARIABLE)) {
    const name = variable!.trim().split(/[.[]/)[0]!;
    if (!BUILT_IN_VARIABLES.has(name.toLowerCase()) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The parts of a condition joined by a top-level "and", each written the one way survey-core
 * writes it (so `{a} = 1`, `{a}==1` and `({a} = 1)` are the same part). A condition that does not
 * parse is one part: its own text.
 * @example conjuncts("{consent} <> 2 and ({contact_any} = 1)") // → ['({consent} != 2)', '({contact_any} == 1)']
 */
export function conjuncts(expression: string | undefined): string[] {
  if (!expression?.trim()) return [];
  const parsed = new ConditionsParser().parseExpression(expression);
  if (!parsed) return [expression.trim()];
  const parts: string[] = [];
  const walk = (operand: Operand) => {
    if (operand instanceof BinaryOperand && operand.isConjunction && operand.conjunction === 'and') {
      walk(operand.leftOperand as Operand);
      walk(operand.rightOperand as Operand);
    } else parts.push(operand.toString());
  };
  walk(parsed);
  return parts;
}

/**
 * True when `condition` is sure to hold wherever all of `holding` hold, read as "every part of
 * `condition` is a part of one of them" (a question's own condition, its panel's, its page's).
 * @example holds("{contact_any} = 1", ["{consent} <> 2 and {contact_any} = 1"]) // → true
 */
export function holds(condition: string, holding: (string | undefined)[]): boolean {
  const present = new Set(holding.flatMap((expression) => conjuncts(expression)));
  return conjuncts(condition).every((part) => present.has(part));
}
