import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, jsonLimitProblem, type JsonLimitProblem } from '../../api/json-limits.ts';

/**
 * The check as first written (8e4ba4d): every queued value carries a copy of its path. The app's
 * version links each value to its parent instead and skips values that cannot pass a limit; a
 * client must get the same 422 detail (the same field, the same issue) from both, or none.
 */
function reference(value: unknown): JsonLimitProblem | undefined {
  const fieldText = (path: (string | number)[]) => {
    const text = path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('') || 'body';
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  };
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.length > JSON_LIMITS.stringLength) return { field: fieldText(path), issue: `is longer than ${JSON_LIMITS.stringLength} characters` };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= JSON_LIMITS.depth) return { field: fieldText(path), issue: `nests objects or lists more than ${JSON_LIMITS.depth} levels deep` };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push({ value: current[index], path: [...path, index] });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__') return { field: fieldText([...path, key]), issue: 'is a reserved name, never a question, field or property' };
      if (key.length > JSON_LIMITS.stringLength) return { field: fieldText([...path, key.slice(0, 40)]), issue: `is a key longer than ${JSON_LIMITS.stringLength} characters` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

const LONG = 'x'.repeat(JSON_LIMITS.stringLength + 1);
const deep = (levels: number, inner: unknown): unknown => (levels === 0 ? inner : [deep(levels - 1, inner)]);
/** An object with these own keys, `__proto__` included (as JSON.parse makes it). */
const objectOf = (entries: [string, unknown][]) => {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
};

const { body } = fc.letrec<{ body: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    { weight: 20, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 })) },
    { weight: 1, arbitrary: fc.constant(LONG) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 70 }).map((levels) => deep(levels, 1)) },
  ),
  body: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('body'), { maxLength: 5 }),
    fc.array(fc.tuple(fc.oneof({ weight: 12, arbitrary: fc.constantFrom('a', 'b', 'answers', 'q1') }, { weight: 1, arbitrary: fc.constantFrom('__proto__', LONG + 'k') }), tie('body')), { maxLength: 5 })
      .map((entries) => objectOf(entries)),
  ),
}));

describe('jsonLimitProblem', () => {
  it('finds the same first problem (field and issue) as the straightforward check, or none, for 3,000 generated bodies', () => {
    let problems = 0;
    fc.assert(fc.property(body, (value) => {
      const expected = reference(value);
      if (expected) problems += 1;
      expect(jsonLimitProblem(value)).toEqual(expected);
    }), { numRuns: 3000, seed: 16 });
    // Both kinds are exercised: bodies within the limits and bodies past one.
    expect(problems).toBeGreaterThan(300);
    expect(problems).toBeLessThan(2700);
  });

  it('names the field of each kind of problem', () => {
    expect(jsonLimitProblem({ answers: { q1: [1, LONG] } })).toEqual({ field: 'answers.q1[1]', issue: `is longer than ${JSON_LIMITS.stringLength} characters` });
    expect(jsonLimitProblem(JSON.parse('{"answers":{"__proto__":1}}'))).toEqual({ field: 'answers.__proto__', issue: 'is a reserved name, never a question, field or property' });
    expect(jsonLimitProblem({ a: deep(JSON_LIMITS.depth, 1) })?.issue).toBe(`nests objects or lists more than ${JSON_LIMITS.depth} levels deep`);
    expect(jsonLimitProblem({ a: deep(JSON_LIMITS.depth - 2, 1) })).toBeUndefined();
    expect(jsonLimitProblem(LONG)).toEqual({ field: 'body', issue: `is longer than ${JSON_LIMITS.stringLength} characters` });
  });
});
