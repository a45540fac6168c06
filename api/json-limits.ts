/**
 * What any JSON request body may hold, checked right after parsing and before anything else looks
 * at it. The checker, the answer validator and the canonical JSON of the fingerprint walk values
 * recursively; a body nested thousands of levels deep would overflow their stack (a 500) and, before
 * this check, could be written first. Real bodies are far inside these limits: the full BiH
 * questionnaire is 9 levels deep and its longest text has 537 characters.
 */
export const JSON_LIMITS = {
  /** Objects and arrays inside one another, the body itself being level 1. */
  depth: 64,
  /** Characters of any one string value or object key. */
  stringLength: 65_536,
} as const;

/** `__proto__` is never a field, question or property of ours; an object parser would drop it silently. */
const RESERVED_KEYS = new Set(['__proto__']);

export interface JsonLimitProblem {
  field: string;
  issue: string;
}

const MAX_FIELD_TEXT = 200;

function fieldText(path: (string | number)[]): string {
  const text = path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || 'body';
  return text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT)}…` : text;
}

/** A value still to be checked: where it is, as a link to its parent, so no path is copied per value. */
interface Pending {
  value: unknown;
  depth: number;
  parent: Pending | undefined;
  key: string | number;
}

/**
 * Whether a value could itself be a problem or hold one: objects, arrays and long strings. Numbers,
 * booleans, null and short strings (nearly every value) are not queued, which changes no answer.
 */
function mayPass(value: unknown): boolean {
  return typeof value === 'object' ? value !== null : typeof value === 'string' && value.length > JSON_LIMITS.stringLength;
}

function pathOf(entry: Pending, last?: string): (string | number)[] {
  const path: (string | number)[] = last === undefined ? [] : [last];
  for (let at: Pending | undefined = entry; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first place where a parsed JSON value passes a limit (or uses a reserved key), or undefined.
 * Iterative, so it cannot itself overflow the stack however deep the value is. Each value carries
 * its depth and a link to its parent; the path is spelled out only for a problem found (copying it
 * for every value was most of this check's time on a full questionnaire's body).
 */
export function jsonLimitProblem(value: unknown): JsonLimitProblem | undefined {
  const stack: Pending[] = [{ value, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (current.length > JSON_LIMITS.stringLength) return { field: fieldText(pathOf(entry)), issue: `is longer than ${JSON_LIMITS.stringLength} characters` };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const depth = entry.depth;
    if (depth >= JSON_LIMITS.depth) {
      return { field: fieldText(pathOf(entry)), issue: `nests objects or lists more than ${JSON_LIMITS.depth} levels deep` };
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) {
        const item: unknown = current[index];
        if (mayPass(item)) stack.push({ value: item, depth: depth + 1, parent: entry, key: index });
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (RESERVED_KEYS.has(key)) return { field: fieldText(pathOf(entry, key)), issue: 'is a reserved name, never a question, field or property' };
      if (key.length > JSON_LIMITS.stringLength) return { field: fieldText(pathOf(entry, key.slice(0, 40))), issue: `is a key longer than ${JSON_LIMITS.stringLength} characters` };
      const item = (current as Record<string, unknown>)[key];
      if (mayPass(item)) stack.push({ value: item, depth: depth + 1, parent: entry, key });
    }
  }
  return undefined;
}
