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

/**
 * The first place where a parsed JSON value passes a limit (or uses a reserved key), or undefined.
 * Iterative, so it cannot itself overflow the stack however deep the value is.
 */
export function jsonLimitProblem(value: unknown): JsonLimitProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.length > JSON_LIMITS.stringLength) return { field: fieldText(path), issue: `is longer than ${JSON_LIMITS.stringLength} characters` };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= JSON_LIMITS.depth) {
      return { field: fieldText(path), issue: `nests objects or lists more than ${JSON_LIMITS.depth} levels deep` };
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], path: [...path, index] });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (RESERVED_KEYS.has(key)) return { field: fieldText([...path, key]), issue: 'is a reserved name, never a question, field or property' };
      if (key.length > JSON_LIMITS.stringLength) return { field: fieldText([...path, key.slice(0, 40)]), issue: `is a key longer than ${JSON_LIMITS.stringLength} characters` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
