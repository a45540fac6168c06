/**
 * Skip logic as researchers think of it ("show this question when <question> <is> <value>") and
 * the SurveyJS expression it becomes (`{contact_any} = 1`). Conditions join with "and" or "or".
 */
export const OPERATORS = {
  '=': 'is',
  '<>': 'is not',
  contains: 'includes (multiple choice)',
  notcontains: 'does not include',
  '>': 'is more than',
  '<': 'is less than',
  notempty: 'is answered',
  empty: 'is not answered',
} as const;
export type Operator = keyof typeof OPERATORS;

export interface Condition {
  question: string;
  operator: Operator;
  /** Not used by notempty/empty. */
  value?: string | number;
}

export interface Rule {
  join: 'and' | 'or';
  conditions: Condition[];
}

const UNARY = new Set<Operator>(['notempty', 'empty']);

function literal(value: string | number | undefined): string {
  if (typeof value === 'number') return String(value);
  const text = String(value ?? '');
  return /^-?\d+(\.\d+)?$/.test(text) ? text : `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The SurveyJS expression of a rule; empty when it has no conditions (= always shown).
 * @example toExpression({ join: 'and', conditions: [{ question: 'contact_any', operator: '=', value: 1 }] }) // → '{contact_any} = 1'
 */
export function toExpression(rule: Rule): string {
  return rule.conditions
    .filter((condition) => condition.question)
    .map((condition) => UNARY.has(condition.operator)
      ? `{${condition.question}} ${condition.operator}`
      : `{${condition.question}} ${condition.operator} ${literal(condition.value)}`)
    .join(` ${rule.join} `);
}

const PART = /^\{([a-z][a-z0-9_]*)\}\s+(=|<>|>|<|notcontains|contains|notempty|empty)(?:\s+(-?\d+(?:\.\d+)?|'(?:[^'\\]|\\.)*'))?$/;

/**
 * Reads an expression back into a rule when it is one the editor can show (simple comparisons
 * joined all by "and" or all by "or"); undefined for anything richer, which stays as text.
 */
export function parseExpression(expression: string | undefined): Rule | undefined {
  const text = (expression ?? '').trim();
  if (!text) return { join: 'and', conditions: [] };
  const hasAnd = /\s+and\s+/i.test(text);
  const hasOr = /\s+or\s+/i.test(text);
  if ((hasAnd && hasOr) || /[()]/.test(text)) return undefined;
  const join = hasOr ? 'or' : 'and';
  const conditions: Condition[] = [];
  for (const part of text.split(new RegExp(`\\s+${join}\\s+`, 'i'))) {
    const match = PART.exec(part.trim());
    if (!match) return undefined;
    const [, question, operator, raw] = match;
    if (UNARY.has(operator as Operator) !== (raw === undefined)) return undefined;
    const value = raw === undefined ? undefined
      : raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : Number(raw);
    conditions.push({ question: question!, operator: operator as Operator, ...(value === undefined ? {} : { value }) });
  }
  return { join, conditions };
}

/** Questions a condition may refer to: those asked before the question it is set on. */
export function questionsBefore<T extends { element: { name: string } }>(ordered: T[], name: string): T[] {
  const index = ordered.findIndex((entry) => entry.element.name === name);
  return index < 0 ? ordered : ordered.slice(0, index);
}
