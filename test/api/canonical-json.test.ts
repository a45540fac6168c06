import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonByReplacer, contentHash } from '../../api/canonical-json.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';
import { fullQuestionnaire, shortQuestionnaire } from '../bench/ingest/bodies.ts';

// Stored hashes (a retry of a submission, an unchanged questionnaire file) were made with the
// replacer version, so the fast one must give the same text to the byte for every input.
const cases: unknown[] = [
  null, true, false, 0, -0, 1.5, -3e-7, 1e21, 2 ** 53 + 2, NaN, Infinity, -Infinity, '', 'plain', 'quote " back \\ slash',
  'line\nbreak\ttab\u0001\u001f', 'é ü 中文 🚓', '\ud800 lone \udfff surrogates', [], {},
  [1, 'two', null, undefined, () => 1, Symbol('s'), [3, [4]], { b: 1, a: 2 }],
  // eslint-disable-next-line no-sparse-arrays -- a hole is written as null
  [1, , 3],
  { b: 1, a: 2, c: { z: [1, { y: 2, x: 1 }], 'ä': 1, A: 2, _: 3, '': 4 } },
  { keep: 1, gone: undefined, fn: () => 1, sym: Symbol('x'), nested: { gone: undefined } },
  // Keys Object.fromEntries moves to the front (array indices), and digits that are not indices.
  { b: 1, 10: 'ten', 9: 'nine', a: 2, '01': 'zero one', '4294967295': 'past the last index', '1.5': 'dot' },
  { when: new Date(Date.UTC(2026, 11, 4, 1, 2, 3)), boxed: Object(5), text: Object('s'), flag: Object(false) },
  { own: { toJSON: () => ({ b: 2, a: 1 }) } },
  Object.assign(Object.create(null), { b: 1, a: { d: 1, c: 2 } }),
  { survey: 3, version: 2, language: 'en', answers: { q2: ['b', 'a'], q1: 4, q10: 'x', Q1: true, region: 'North' } },
];

describe('canonical JSON', () => {
  it('writes every kind of value exactly as the replacer version did', () => {
    cases.forEach((value, index) => expect(canonicalJson(value), `case ${index}`).toBe(canonicalJsonByReplacer(value)));
    expect(canonicalJson(undefined)).toBe(canonicalJsonByReplacer(undefined));
  });

  it('sorts keys at every level, so key order does not change the hash', () => {
    expect(canonicalJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: 1 })).toBe('{"a":1,"b":{"c":[{"e":2,"f":1}],"d":1}}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
  });

  it('hashes as sha256 of that text, hex', () => {
    const value = { answers: { q1: 1 }, language: 'en' };
    expect(contentHash(value)).toBe(createHash('sha256').update(canonicalJsonByReplacer(value)).digest('hex'));
  });

  it('gives the same text as before for the questionnaires and the benchmark submissions', () => {
    for (const file of loadSurveyFiles(join(process.cwd(), 'surveys'))) {
      const content = { definition: file.definition, meta: file.meta };
      expect(canonicalJson(content)).toBe(canonicalJsonByReplacer(content));
    }
    for (const questionnaire of [shortQuestionnaire(), fullQuestionnaire()]) {
      for (const fragment of questionnaire.pool.slice(0, 200)) {
        const body = JSON.parse(`{${fragment}}`) as unknown;
        expect(canonicalJson(body)).toBe(canonicalJsonByReplacer(body));
      }
    }
  });

  it('throws on a bigint, as JSON.stringify does', () => {
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });
});

describe('canonical JSON on random values', () => {
  // Any value parsed JSON can hold, with keys of every kind (digits, empty, non-ASCII), and the
  // same after a round trip through JSON.parse, as a submission's answers arrive.
  it('equals the replacer version for every JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJsonByReplacer(value));
        const parsed = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(parsed)).toBe(canonicalJsonByReplacer(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals the replacer version with undefined, functions and dates inside', () => {
    const odd = fc.oneof(fc.constant(undefined), fc.constant(() => 1), fc.date({ noInvalidDate: true }), fc.string());
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, odd, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(fc.property(value, (item) => {
      expect(canonicalJson(item)).toBe(canonicalJsonByReplacer(item));
    }), { numRuns: 1000 });
  });
});
