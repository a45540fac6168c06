import { ConditionRunner, ExpressionRunner } from 'survey-core';
import { memoised, readPlan } from './answer-memo.ts';

/**
 * Skip logic and computed values, parsed once per published version by survey-core's own
 * expression engine (ConditionRunner / ExpressionRunner), and run on each submission's answers.
 *
 * survey-core looks a `{name}` up in the questionnaire model; we look it up in the answers as
 * given (case-insensitively, with `.`, `[index]` and `.length`, as survey-core's VariableGetterContext
 * does). The two agree for question values and the context variables of panels (`{panel.x}`,
 * `{panelIndex}`), matrix rows (`{row.x}`, `{rowIndex}`, `{rowName}`) and choices (`{item}`,
 * `{choice}`). Anything else (built-in survey variables, element properties such as `{$q.visible}`,
 * functions that ask the model, ranking questions, whose comparison is strict) is reported by
 * `modelOnly`, and such a questionnaire's verdicts come from a fresh survey-core model instead.
 */

/** The variables an expression may use at one depth of the questionnaire. */
export interface ExpressionScope {
  /** Answer keys at the top level (question value names and their `-Comment`s), lower-cased. */
  rootKeys: Set<string>;
  /** The same keys as written: every key the top-level answers can hold once answer-values.ts passed them. */
  answerKeys: readonly string[];
  /** Context variables this depth adds (`panel`, `panelindex`, `row`, `item`, …), lower-cased. */
  local: Set<string>;
  /** Top-level names whose values survey-core compares strictly (ranking questions), lower-cased. */
  strict: Set<string>;
}

/** Functions of survey-core that compute from their arguments alone (no model, page or locale). */
const PURE_FUNCTIONS = new Set([
  'sum', 'min', 'max', 'count', 'avg', 'round', 'trunc', 'iif', 'getdate', 'age', 'datediff', 'dateadd', 'currentdate', 'today',
  'getyear', 'currentyear', 'diffdays', 'year', 'month', 'day', 'weekday', 'substring',
  'suminarray', 'mininarray', 'maxinarray', 'countinarray', 'avginarray',
]);
const FUNCTION_CALL = /([A-Za-z_][\w]*)\s*\(/g;
const QUOTED = /(["'])(?:\\.|(?!\1).)*\1/g;

export interface CompiledCondition {
  expression: string;
  /** Why a fresh model must decide this questionnaire's verdicts, if it must. */
  modelOnly?: string;
  run(variables: Record<string, unknown>, root?: Record<string, unknown>): boolean;
  /** run(answers) on the top-level answers, once answer-values.ts has passed them; may answer from a memo (answer-memo.ts). */
  runAnswers(answers: Record<string, unknown>): boolean;
}

export interface CompiledExpression {
  expression: string;
  modelOnly?: string;
  run(variables: Record<string, unknown>, root?: Record<string, unknown>): unknown;
  runAnswers(answers: Record<string, unknown>): unknown;
}

export function compileCondition(expression: string, scope: ExpressionScope): CompiledCondition {
  const runner = new ConditionRunner(expression);
  const modelOnly = unsupported(runner, expression, scope);
  return {
    expression,
    modelOnly,
    run: (variables, root) => (root ? runner.runValues(variables, { context: rootContext(root) }) : runner.runValues(variables)),
    runAnswers: onAnswers(runner, expression, scope, (answers) => runner.runValues(answers)),
  };
}

export function compileExpression(expression: string, scope: ExpressionScope): CompiledExpression {
  const runner = new ExpressionRunner(expression);
  return {
    expression,
    modelOnly: unsupported(runner, expression, scope),
    run: (variables, root) => (root ? runner.runValues(variables, { context: rootContext(root) }) : runner.runValues(variables)),
    runAnswers: onAnswers(runner, expression, scope, (answers): unknown => runner.runValues(answers)),
  };
}

/** `run` over the top-level answers, memoised where the expression allows it (answer-memo.ts). */
function onAnswers<T>(runner: ConditionRunner | ExpressionRunner, expression: string, scope: ExpressionScope, run: (answers: Record<string, unknown>) => T) {
  const keys = runner.canRun() ? readPlan(runner, expression, scope.answerKeys, scope.local) : undefined;
  return keys ? memoised(keys, run) : run;
}

function unsupported(runner: ConditionRunner | ExpressionRunner, expression: string, scope: ExpressionScope): string | undefined {
  if (!runner.canRun()) return `cannot parse "${expression}"`;
  for (const variable of runner.getVariables()) {
    const first = variable.split('.')[0]!.replace(/\[[^\]]*\]$/, '').toLowerCase();
    if (scope.local.has(first)) continue;
    if (first.startsWith('$')) return `"${expression}" reads an element property`;
    if (scope.strict.has(first)) return `"${expression}" compares a ranking`;
    if (!scope.rootKeys.has(first)) return `"${expression}" uses {${variable}}, which is not an answer here`;
  }
  if (runner.hasFunction()) {
    for (const [, name] of expression.replace(QUOTED, '""').matchAll(FUNCTION_CALL)) {
      if (!PURE_FUNCTIONS.has(name!.toLowerCase())) return `"${expression}" calls ${name}()`;
    }
  }
  return undefined;
}

/**
 * The top-level answers as a second context behind a depth's own variables, as survey-core falls
 * back from a panel or row to the survey. Implements survey-core's IValueGetterContext by running a
 * plain ExpressionRunner over the answers for the same path.
 */
function rootContext(root: Record<string, unknown>) {
  return {
    getValue(params: { path: { name: string; index?: number }[] }) {
      const name = params.path.map((item) => (item.index === undefined ? item.name : `${item.name}[${item.index}]`)).join('.');
      const value = valueAt(root, name);
      return value === undefined ? undefined : { isFound: true, value };
    },
  };
}

const lookups = new Map<string, ExpressionRunner>();

/** `{name}` read from `values` by survey-core's own variable lookup (case-insensitive, dotted, indexed). */
function valueAt(values: Record<string, unknown>, name: string): unknown {
  let runner = lookups.get(name);
  if (!runner) {
    runner = new ExpressionRunner(`{${name}}`);
    if (lookups.size < 10_000) lookups.set(name, runner);
  }
  return runner.runValues(values);
}
