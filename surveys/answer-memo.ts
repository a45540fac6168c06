/**
 * A memo of one compiled condition's (or computed value's) result over the top-level answers,
 * keyed on the values of the answers it reads. Survey-core's expression engine costs a few µs per
 * run, most of it the lookup of each `{name}`; respondents mostly repeat a few answer patterns
 * (consent, eligibility, entity), so the same results are worked out over and over.
 *
 * This keeps state from one submission to the next, but only the results of a pure function of
 * the values in the key: an expression is memoised only when every variable is a plain name that
 * can match at most one answer key (fixed at compile time, as survey-core matches it: the first
 * key, case-insensitively) and every function it calls computes from its arguments alone (no clock,
 * model or locale). The key encodes each read value exactly (type, -0, strings, arrays, objects);
 * whatever it cannot encode, or a key longer than MAX_KEY, runs survey-core as before. So a verdict
 * never depends on an earlier submission. The memo is bounded (MAX_ENTRIES, then emptied), so
 * hostile input with many distinct values costs a run each, never memory; a memo that filled up
 * with fewer hits than entries is left aside for BACK_OFF calls (a key costs ≈ 0.15 µs). survey-core's own
 * process-wide state (its settings, FunctionFactory) would change results too; this app changes neither.
 */

/** survey-core functions that compute from their arguments alone (today(), age(), … read the clock). */
const MEMO_FUNCTIONS = new Set([
  'iif', 'sum', 'min', 'max', 'count', 'avg', 'round', 'trunc', 'substring',
  'suminarray', 'mininarray', 'maxinarray', 'countinarray', 'avginarray',
]);
const FUNCTION_CALL = /([A-Za-z_][\w]*)\s*\(/g;
const QUOTED = /(["'])(?:\\.|(?!\1).)*\1/g;
/** A name survey-core looks up as one key: no path (`.`), no index (`[…]`), no element property (`$`). */
const PLAIN = /^[^.[\]$][^.[\]]*$/;

/** Enough for the distinct answers a condition usually reads (an age, a region and a code or two). */
const MAX_ENTRIES = 256;
const MAX_KEY = 128;
const BACK_OFF = 4096;

interface Parsed {
  getVariables(): string[];
  hasFunction(): boolean;
}

/**
 * The answer keys an expression reads, in a fixed order, or undefined when it must not be memoised.
 * `answerKeys` must hold every key the top-level answers can have (checked by answer-values.ts):
 * more is safe (a name two keys could match is not memoised), fewer is not.
 */
export function readPlan(runner: Parsed, expression: string, answerKeys: readonly string[], local: ReadonlySet<string>): string[] | undefined {
  if (runner.hasFunction()) {
    for (const [, name] of expression.replace(QUOTED, '""').matchAll(FUNCTION_CALL)) {
      if (!MEMO_FUNCTIONS.has(name!.toLowerCase())) return undefined;
    }
  }
  const keys = new Set<string>();
  for (const variable of runner.getVariables()) {
    if (!PLAIN.test(variable) || local.has(variable.toLowerCase())) return undefined;
    const matching = answerKeys.filter((key) => matches(variable, key));
    if (matching.length > 1) return undefined;
    // No key can match: survey-core finds nothing, whatever the answers (a constant, so not in the key).
    if (matching.length === 1) keys.add(matching[0]!);
  }
  return [...keys];
}

/** survey-core's VariableGetterContext.getValueByItemCore: first character as given or upper-cased, then the whole name lower-cased. */
function matches(name: string, key: string): boolean {
  const lower = name.toLowerCase();
  return (key[0] === lower[0] || key[0] === name[0]!.toLocaleUpperCase()) && key.toLowerCase() === lower;
}

/** `run` over the answers, answered from a memo keyed on the values of `keys` where it can be. */
export function memoised<T>(keys: readonly string[], run: (answers: Record<string, unknown>) => T): (answers: Record<string, unknown>) => T {
  const memo = new Map<string, T>();
  let hits = 0;
  let skip = 0;
  return (answers) => {
    if (skip > 0) {
      skip--;
      return run(answers);
    }
    const key = answersKey(answers, keys);
    if (key === undefined) return run(answers);
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) {
      hits++;
      return known as T;
    }
    const result = run(answers);
    // Only primitives: an object or array result could be changed by whoever receives it.
    if (result === null || typeof result !== 'object') {
      if (memo.size >= MAX_ENTRIES) {
        if (hits < MAX_ENTRIES) skip = BACK_OFF;
        memo.clear();
        hits = 0;
      }
      memo.set(key, result);
    }
    return result;
  };
}

const enumerable = Object.prototype.propertyIsEnumerable;

function answersKey(answers: Record<string, unknown>, keys: readonly string[]): string | undefined {
  // survey-core reads keys with for…in, which also sees inherited ones: only plain objects here.
  const prototype = Object.getPrototypeOf(answers);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  let out = '';
  for (const key of keys) {
    // Absent, not enumerable (for…in skips it) or undefined: survey-core finds nothing either way.
    const next = encode(enumerable.call(answers, key) ? answers[key] : undefined, out);
    if (next === undefined) return undefined;
    out = next;
  }
  return out.length > MAX_KEY ? undefined : out;
}

/**
 * `value` appended to `out` in a prefix-free encoding (so concatenated values stay apart): one tag
 * per type, numbers with `-0` kept apart, strings and object keys as JSON strings. Undefined when
 * the value is not plain JSON-like data or the key grows past MAX_KEY.
 */
function encode(value: unknown, out: string): string | undefined {
  if (out.length > MAX_KEY) return undefined;
  switch (typeof value) {
    case 'undefined': return `${out}u`;
    case 'boolean': return out + (value ? 't' : 'f');
    case 'number': return `${out}d${Object.is(value, -0) ? '-0' : String(value)};`;
    case 'string': return out.length + value.length > MAX_KEY ? undefined : out + JSON.stringify(value);
    case 'object': {
      if (value === null) return `${out}n`;
      if (Array.isArray(value)) return encodeArray(value, out);
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return undefined;
      let next: string | undefined = `${out}{`;
      for (const key of Object.keys(value)) {
        next = encode((value as Record<string, unknown>)[key], `${next}${JSON.stringify(key)}:`);
        if (next === undefined) return undefined;
      }
      return `${next}}`;
    }
    default: return undefined;
  }
}

function encodeArray(value: unknown[], out: string): string | undefined {
  // Holes and extra properties are not JSON: survey-core might see them differently from the elements alone.
  if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return undefined;
  let next: string | undefined = `${out}[`;
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) return undefined;
    next = encode(value[index], `${next},`);
    if (next === undefined) return undefined;
  }
  return `${next}]`;
}
