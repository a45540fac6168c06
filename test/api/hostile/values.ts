import fc from 'fast-check';
import { JSON_LIMITS } from '../../../api/json-limits.ts';

/**
 * JSON text an attacker or a broken client sends, as text (so it can hold what JSON.stringify
 * cannot make: thousands of levels of nesting, duplicate and reserved keys, lone surrogates).
 */

/** Keys that mean something to JavaScript objects, and keys no endpoint knows. */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'role', 'id'];

/** Strings that break naive code: empty, control characters, bidi overrides, lone surrogates, SQL, markup, formulas, Cyrillic, emoji. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', '\u0000abc', '\uD800', '\uDFFF', 'a\uD83D', '\u202Eevil', '\uFEFF', '\r\n', '\t=1+1', '=HYPERLINK("http://x")', '@SUM(A1)', '-1', '+1',
  "'; DROP TABLE responses; --", '" OR 1=1 --', '<script>alert(1)</script>', '../../etc/passwd', '%00', '%ZZ', '${7*7}', '{{7*7}}',
  'Povjerenje u policiju', 'Поверење у полицију', 'žđčćš', '🙂🙃', '\u0301\u0301\u0301', 'NaN', 'Infinity', 'null', 'undefined', 'true', '1e999',
  'x'.repeat(10_001), 'é'.repeat(300),
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

const quoted = (text: string) => JSON.stringify(text);

/** Numbers, including ones JavaScript reads differently from what was written. */
const numberText = fc.oneof(
  fc.constantFrom('0', '-0', '1', '-1', '2', '7', '10', '11', '1.5', '1e308', '-1e308', '1e-320', '12345678901234567890', '9007199254740993', '0.1'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);

/** Nesting past the depth limit (up to far past what a recursive reader survives), written out by hand. */
export const deepText = fc.tuple(fc.integer({ min: JSON_LIMITS.depth - 2, max: 20_000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('1', '"x"', '{}', '[]'))
  .map(([levels, open, inner]) => `${open.repeat(levels)}${inner}${(open === '[' ? ']' : '}').repeat(levels)}`);

/** One string past the length limit. */
export const longText = fc.constantFrom(
  quoted('x'.repeat(JSON_LIMITS.stringLength + 1)),
  quoted('ž'.repeat(JSON_LIMITS.stringLength + 1)),
);

const leafText = fc.oneof(fc.constantFrom('null', 'true', 'false'), numberText, nastyString.map(quoted));

/** Any JSON value as text: leaves, small lists and objects (with reserved and duplicate keys), deep nesting, long strings. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; list: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' },
    { weight: 6, arbitrary: leafText },
    { weight: 2, arbitrary: tie('list') },
    { weight: 2, arbitrary: tie('object') },
    { weight: 1, arbitrary: deepText },
    { weight: 1, arbitrary: longText }),
  list: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...RESERVED_KEYS), nastyString), tie('value')), { maxLength: 4 })
    .map((entries) => `{${entries.map(([key, value]) => `${quoted(key)}:${value}`).join(',')}}`),
})).value;

/** An object as text from entries whose values are already JSON text (keys may repeat, or be `__proto__`). */
export const objectText = (entries: [string, string][]) => `{${entries.map(([key, value]) => `${quoted(key)}:${value}`).join(',')}}`;

/** UUIDs as clients send them: lower and upper case, and ones that are not. */
export const uuidText = fc.oneof(
  fc.uuid().map(quoted),
  fc.uuid().map((id) => quoted(id.toUpperCase())),
  fc.uuid().map((id) => quoted(`{${id}}`)),
  fc.uuid().map((id) => quoted(id.replace(/-/g, ''))),
  fc.constantFrom('"not-a-uuid"', '"00000000-0000-0000-0000-000000000000"', '"ffffffff-ffff-ffff-ffff-fffffffffffz"', '""', '123', 'null'),
);

/** A SurveyJS definition, small and plausible, or not. */
export const definitionText = fc.oneof(
  fc.constantFrom(
    '{"pages":[{"name":"p1","elements":[]}]}',
    '{"pages":[{"name":"p1","elements":[{"type":"radiogroup","name":"q","choices":["a","b"],"showOtherItem":true}]}]}',
    '{"pages":[{"name":"p1","elements":[{"type":"rating","name":"q","rateMin":0,"rateMax":10,"visibleIf":"{x} = 1"}]}]}',
    '{"pages":[{"name":"p1","elements":[{"type":"paneldynamic","name":"h","templateElements":[{"type":"text","name":"age"}]}]}]}',
    '{"pages":"nope"}', '{"pages":[1,null,"x",{"elements":7}]}', '{"pages":[{"elements":[{"type":{"a":1},"name":["x"]}]}]}',
    '{"pages":[{"name":"p1","elements":[{"type":"text","name":"q","visibleIf":"{{{{{"}]}]}',
  ),
  fc.tuple(jsonText, jsonText).map(([title, elements]) => `{"title":${title},"pages":[{"name":"p1","elements":${elements}}]}`),
  jsonText,
);

export const metaText = fc.oneof(
  fc.constantFrom('{"languages":["en"]}', '{"languages":["en","bs"],"indicators":[]}', '{"languages":[]}', '{"languages":"en"}', '{"languages":["xx"]}',
    '{"languages":["en"],"indicators":[{"id":"x","type":"share","item":"q","favourable":[1]}]}', '{"languages":["en"],"dimensions":{"region":{"column":7}}}'),
  jsonText.map((extra) => `{"languages":["en"],"quotas":${extra}}`),
  jsonText,
);
