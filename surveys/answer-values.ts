import type { Column, Rule, ValueRule } from './answer-rules.ts';

/** One reason an answer set is refused, named by the answer it concerns (`members[1].age`, `grid.row.col`). */
export interface AnswerIssue {
  field: string;
  issue: string;
}

const MAX_TEXT_LENGTH = 10_000;
const COMMENT = '-Comment';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (values: Iterable<unknown>) => [...values].map((value) => JSON.stringify(value)).join(', ');

const keyed = new WeakMap<Rule[], Map<string, Rule>>();

/**
 * The rules of one level (the top, a dynamic panel, a matrix row) by answer key, looked up in a Map,
 * never through an object's prototype (`__proto__`, `constructor` are unknown questions like any other).
 * Made once per compiled level.
 */
export function byKey(rules: Rule[]): Map<string, Rule> {
  let map = keyed.get(rules);
  if (!map) keyed.set(rules, (map = new Map(rules.map((rule) => [rule.key, rule]))));
  return map;
}

/**
 * The answers of one level, key by key: each key a question of that level (or its `-Comment`), each
 * value of the question's type and among its choices or range, nested answers checked the same way.
 * Skip logic is checked afterwards (answer-logic.ts), once the values are known to be well formed.
 */
export function checkLevel(rules: Map<string, Rule>, answers: Record<string, unknown>, prefix: string, issues: AnswerIssue[]): void {
  for (const name of Object.keys(answers)) {
    const value = answers[name];
    const field = prefix + name;
    const rule = rules.get(name);
    if (rule) {
      checkValue(rule.value, value, field, issues);
      continue;
    }
    const owner = name.endsWith(COMMENT) ? rules.get(name.slice(0, -COMMENT.length)) : undefined;
    if (!owner?.comment) {
      issues.push({ field, issue: 'unknown question' });
      continue;
    }
    const problem = checkText(value) ?? (owner.comment === 'other' && !choseOther(owner, answers[owner.key]) ? 'only allowed with the "other" choice' : undefined);
    if (problem) issues.push({ field, issue: problem });
  }
}

export function choseOther(rule: Rule, value: unknown): boolean {
  const other = 'other' in rule.value ? rule.value.other : undefined;
  if (!other) return false;
  return Array.isArray(value) ? value.some((item) => item === other.value) : value === other.value;
}

function checkText(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be text';
  if (value.length > MAX_TEXT_LENGTH) return `must be at most ${MAX_TEXT_LENGTH} characters`;
  return undefined;
}

export function checkValue(rule: ValueRule, value: unknown, field: string, issues: AnswerIssue[]): void {
  if (value === null || value === undefined) {
    issues.push({ field, issue: 'must not be null; leave an unanswered question out' });
    return;
  }
  const problem = valueProblem(rule, value, field, issues);
  if (problem) issues.push({ field, issue: problem });
}

/** What is wrong with a value of a question that holds one answer (nested answers add their own issues). */
function valueProblem(rule: ValueRule, value: unknown, field: string, issues: AnswerIssue[]): string | undefined {
  switch (rule.kind) {
    case 'text':
      if (!rule.number) return checkText(value);
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (rule.min !== undefined && value < rule.min) return `must be at least ${rule.min}`;
      if (rule.max !== undefined && value > rule.max) return `must be at most ${rule.max}`;
      return undefined;
    case 'free':
      return typeof value === 'object' ? 'must be a single value' : undefined;
    case 'single':
      if (typeof value === 'object') return 'must be a single value';
      if (rule.allowed.has(value)) return undefined;
      // With storeOthersAsComment off, survey-core keeps the "other" text as the answer itself.
      if (rule.other && !rule.other.inComment && typeof value === 'string') return checkText(value);
      return `${JSON.stringify(value)} is not one of the allowed values (${show(rule.allowed)})`;
    case 'multiple':
      return multipleProblem(rule, value);
    case 'ranking': {
      if (!Array.isArray(value)) return 'must be a list of the choices in ranked order';
      const outside = value.filter((item) => !rule.allowed.has(item));
      if (outside.length > 0) return `${show(outside)} not among the choices (${show(rule.allowed)})`;
      if (new Set(value).size !== value.length) return 'ranks a choice twice';
      if (rule.all && value.length !== rule.allowed.size) return `must rank all ${rule.allowed.size} choices`;
      return undefined;
    }
    case 'matrix': {
      if (!isObject(value)) return 'must be an object mapping each row to its column';
      const rows = new Set(rule.rows.map((row) => String(row.value)));
      for (const row of Object.keys(value)) {
        const cell = value[row];
        if (!rows.has(row)) issues.push({ field: `${field}.${row}`, issue: 'unknown row' });
        else if (rule.multiple ? !Array.isArray(cell) || cell.some((item) => !rule.columns.has(item)) : !rule.columns.has(cell)) {
          issues.push({ field: `${field}.${row}`, issue: `${JSON.stringify(cell)} is not ${rule.multiple ? 'a list of columns' : 'a column'} (${show(rule.columns)})` });
        }
      }
      return undefined;
    }
    case 'matrixdropdown': {
      if (!isObject(value)) return 'must be an object mapping each row to its cells';
      const rows = new Set(rule.rows.map((row) => String(row.value)));
      for (const row of Object.keys(value)) {
        if (!rows.has(row)) issues.push({ field: `${field}.${row}`, issue: 'unknown row' });
        else checkCells(rule.columns, value[row], `${field}.${row}`, issues);
      }
      return undefined;
    }
    case 'matrixdynamic':
      if (!Array.isArray(value)) return 'must be a list of rows';
      if (value.length > rule.maxRowCount) return `must have at most ${rule.maxRowCount} rows`;
      value.forEach((row, index) => checkCells(rule.columns, row, `${field}[${index}]`, issues));
      return undefined;
    case 'multipletext':
      if (!isObject(value)) return 'must be an object mapping each item to its text';
      checkLevel(byKey(rule.items), value, `${field}.`, issues);
      return undefined;
    case 'paneldynamic':
      if (!Array.isArray(value)) return 'must be a list of panels';
      if (value.length > rule.maxPanelCount) return `must have at most ${rule.maxPanelCount} panels`;
      value.forEach((panel, index) => {
        if (!isObject(panel)) issues.push({ field: `${field}[${index}]`, issue: 'must be an object mapping the panel\'s questions to answers' });
        else checkLevel(byKey(rule.template), panel, `${field}[${index}].`, issues);
      });
      return undefined;
    case 'unsupported':
      return `answers to ${rule.type} questions cannot be checked by this server`;
  }
}

function multipleProblem(rule: Extract<ValueRule, { kind: 'multiple' }>, value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be a list of choice values';
  const freeOther = rule.other && !rule.other.inComment;
  const outside = value.filter((item) => !rule.allowed.has(item) && !(freeOther && typeof item === 'string' && item.length <= MAX_TEXT_LENGTH));
  if (outside.length > 0) return `${show(outside)} not among the allowed values (${show(rule.allowed)})`;
  if (new Set(value).size !== value.length) return 'lists a choice twice';
  const exclusive = value.find((item) => rule.exclusive.has(item));
  if (exclusive !== undefined && value.length > 1) return `${JSON.stringify(exclusive)} cannot be combined with other choices`;
  if (rule.maxSelected > 0 && value.length > rule.maxSelected) return `at most ${rule.maxSelected} choices`;
  return undefined;
}

function checkCells(columns: Column[], row: unknown, field: string, issues: AnswerIssue[]): void {
  if (!isObject(row)) {
    issues.push({ field, issue: 'must be an object mapping columns to answers' });
    return;
  }
  checkLevel(byKey(cellRules(columns)), row, `${field}.`, issues);
}

const cells = new WeakMap<Column[], Rule[]>();

/** The cell rules of a matrix's columns, made once per compiled matrix. */
export function cellRules(columns: Column[]): Rule[] {
  let rules = cells.get(columns);
  if (!rules) cells.set(columns, (rules = columns.map((column) => column.cell)));
  return rules;
}
