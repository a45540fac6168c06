import { Helpers } from 'survey-core';
import type { Column, Rule, Row, Switch } from './answer-rules.ts';
import { cellRules, choseOther, isObject, type AnswerIssue } from './answer-values.ts';

/** Where a level's conditions run: the top-level answers, and the variables a panel or row adds. */
interface Context {
  root: Record<string, unknown>;
  local?: Record<string, unknown>;
  /** False inside a read-only container: survey-core collects no errors there. */
  answerable: boolean;
  /** Top-level conditions already run for this submission (a page's or panel's visibleIf is shared by its questions). */
  memo?: Map<unknown, boolean>;
}

const COMMENT = '-Comment';
/** The kinds of answer checkInside looks into. */
const CONTAINERS = new Set(['matrix', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'paneldynamic']);
const HIDDEN = 'answered, but the questionnaire skips this question for these answers';

function on(condition: Switch, context: Context): boolean {
  if (typeof condition === 'boolean') return condition;
  if (context.local) return condition.run(context.local, context.root);
  let result = context.memo?.get(condition);
  if (result === undefined) {
    result = condition.runAnswers(context.root);
    context.memo?.set(condition, result);
  }
  return result;
}

/** A loop, not `every` with a closure: it runs for every question of every submission. */
function all(conditions: Switch[], context: Context): boolean {
  for (const condition of conditions) if (!on(condition, context)) return false;
  return true;
}

/** Empty as survey-core's Question.isEmpty sees it: nothing, '', blank text, [], {} or an object of empties. */
function isEmpty(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value);
}

const own = (level: Record<string, unknown>, key: string) => (Object.hasOwn(level, key) ? level[key] : undefined);

/**
 * Skip logic and survey-core's own verdicts for one level of well-formed answers (answer-values.ts
 * passed): a question the conditions hide must not be answered; a choice they hide must not be
 * chosen; a shown, answerable question that is required must be answered ("other" with its text);
 * matrices and panels the same, row by row and panel by panel, with `{row.…}` and `{panel.…}`.
 */
export function checkLogic(rules: Rule[], level: Record<string, unknown>, context: Context, prefix: string, issues: AnswerIssue[]): void {
  for (const rule of rules) {
    const field = prefix + rule.key;
    const given = own(level, rule.key);
    if (rule.computed) {
      const issue = checkComputed(context.local ? rule.computed.run(context.local, context.root) : rule.computed.runAnswers(context.root), given);
      if (issue) issues.push({ field, issue });
      continue;
    }
    if (!all(rule.shown, context)) {
      if (given !== undefined) issues.push({ field, issue: HIDDEN });
      if (own(level, rule.key + COMMENT) !== undefined) issues.push({ field: field + COMMENT, issue: HIDDEN });
      continue;
    }
    if (given !== undefined) {
      const hidden = hiddenChoices(rule, given, context);
      if (hidden.length > 0) {
        issues.push({ field, issue: `${hidden.map((value) => JSON.stringify(value)).join(', ')} not offered for these answers` });
        continue;
      }
    }
    const answerable = context.answerable && all(rule.enabled, context);
    if (answerable && on(rule.required, context) && isEmpty(given)) {
      issues.push({ field, issue: 'required' });
      continue;
    }
    if (answerable && choseOther(rule, given)) {
      // The "other" text goes in `-Comment`, or (comment area shown, storeOthersAsComment off) replaces "other" itself.
      if (rule.comment !== 'other') issues.push({ field, issue: 'the "other" choice needs its text in place of "other"' });
      else if (!own(level, rule.key + COMMENT)) issues.push({ field: field + COMMENT, issue: 'the "other" choice needs its text' });
    }
    // Only containers look inside; not `{ ...context, answerable }`: V8 builds a spread followed by a property the slow way.
    if (CONTAINERS.has(rule.value.kind)) checkInside(rule, given, { root: context.root, local: context.local, answerable, memo: context.memo }, field, issues);
  }
}

/** Choices the answer picked that `choicesVisibleIf` or a choice's own `visibleIf` hides for these answers. */
function hiddenChoices(rule: Rule, given: unknown, context: Context): unknown[] {
  if (!rule.choicesVisibleIf && !rule.choiceConditions?.length) return [];
  const picked = Array.isArray(given) ? given : [given];
  return picked.filter((value) => {
    const item = { ...context.local, item: value, choice: value };
    const run = (condition: { run: (variables: Record<string, unknown>, root?: Record<string, unknown>) => boolean }) => condition.run(item, context.root);
    if (rule.choicesVisibleIf && rule.choiceValues?.has(value) && !run(rule.choicesVisibleIf)) return true;
    return rule.choiceConditions?.some((choice) => choice.value === value && !run(choice.condition)) ?? false;
  });
}

/** Rows of matrices, cells, multiple-text items and dynamic panels, as survey-core shows and checks them. */
function checkInside(rule: Rule, given: unknown, context: Context, field: string, issues: AnswerIssue[]): void {
  const value = rule.value;
  switch (value.kind) {
    case 'matrix': {
      const answers = isObject(given) ? given : {};
      for (const row of value.rows) {
        const key = String(row.value);
        const cell = own(answers, key);
        if (!rowShown(row, context)) {
          if (cell !== undefined) issues.push({ field: `${field}.${key}`, issue: 'answered, but the questionnaire hides this row for these answers' });
        } else if (context.answerable && value.eachRowRequired && isEmpty(cell)) {
          issues.push({ field: `${field}.${key}`, issue: 'required: every row needs an answer' });
        }
      }
      return;
    }
    case 'matrixdropdown': {
      const answers = isObject(given) ? given : {};
      value.rows.forEach((row, index) => {
        const key = String(row.value);
        const cells = own(answers, key);
        if (!rowShown(row, context)) {
          if (cells !== undefined) issues.push({ field: `${field}.${key}`, issue: 'answered, but the questionnaire hides this row for these answers' });
          return;
        }
        const local = { ...context.local, row: cells ?? {}, rowindex: index + 1, rowname: row.value, rowvalue: row.value, item: row.value };
        checkRow(value.columns, isObject(cells) ? cells : {}, { ...context, local }, `${field}.${key}.`, issues);
      });
      return;
    }
    case 'matrixdynamic': {
      // Unanswered, survey-core still shows `rowCount` empty rows, whose required cells must be filled;
      // answered, it shows at least `minRowCount` rows.
      const count = Array.isArray(given) ? Math.max(given.length, value.minRowCount) : value.rowCount;
      const rows = Array.from({ length: count }, (_, index) => (Array.isArray(given) ? given[index] : undefined) ?? {});
      rows.forEach((row, index) => {
        const cells = isObject(row) ? row : {};
        checkRow(value.columns, cells, { ...context, local: { ...context.local, row: cells, rowindex: index + 1 } }, `${field}[${index}].`, issues);
      });
      if (context.answerable && on(rule.required, context) && value.minRowCount > 0 && rows.filter((row) => !isEmpty(row)).length < value.minRowCount) {
        issues.push({ field, issue: `needs at least ${value.minRowCount} rows` });
      }
      return;
    }
    case 'multipletext':
      checkLogic(value.items, isObject(given) ? given : {}, context, `${field}.`, issues);
      return;
    case 'paneldynamic': {
      const panels = Array.isArray(given) ? given : Array.from({ length: value.panelCount }, () => ({}));
      panels.forEach((panel, index) => {
        const answers = isObject(panel) ? panel : {};
        checkLogic(value.template, answers, { ...context, local: { ...context.local, panel: answers, panelindex: index } }, `${field}[${index}].`, issues);
      });
      if (context.answerable && value.minPanelCount > 0 && panels.length < value.minPanelCount && on(rule.required, context)) {
        issues.push({ field, issue: `needs at least ${value.minPanelCount} panels` });
      }
      return;
    }
    default:
  }
}

function rowShown(row: Row, context: Context): boolean {
  if (row.conditions.length === 0) return true;
  const item = { ...context.local, item: row.value, choice: row.value };
  return row.conditions.every((condition) => condition.run(item, context.root));
}

/** One row of a dropdown or dynamic matrix: each column's cell, shown or hidden by the column's visibleIf. */
function checkRow(columns: Column[], cells: Record<string, unknown>, context: Context, prefix: string, issues: AnswerIssue[]): void {
  const shown = columns.map((column) => on(column.shown, context));
  if (shown.every(Boolean)) {
    checkLogic(cellRules(columns), cells, context, prefix, issues);
    return;
  }
  columns.forEach((column, index) => {
    if (shown[index]) checkLogic([column.cell], cells, context, prefix, issues);
    else if (own(cells, column.name) !== undefined) issues.push({ field: prefix + column.name, issue: 'answered, but the questionnaire hides this column for these answers' });
  });
}

/**
 * A question filled in by `setValueExpression` (such as `region` from entity and canton), or an
 * expression question, must hold exactly what survey-core works out from the other answers, or be
 * absent when that is empty.
 */
function checkComputed(expected: unknown, given: unknown): string | undefined {
  const empty = expected === undefined || expected === null || expected === '';
  if (empty) return given === undefined ? undefined : 'must be left out: it is worked out from other answers, which give nothing here';
  if (given === undefined) return `missing: expected ${JSON.stringify(expected)}, worked out from other answers`;
  return Helpers.isTwoValueEquals(given, expected, false, true, false) ? undefined : `must be ${JSON.stringify(expected)}, worked out from other answers`;
}
