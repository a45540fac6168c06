import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../surveys/answer-rules.ts';
import { compileAnswerValidator } from '../../surveys/answers.ts';
import { freshModelVerdicts } from '../../surveys/answers-model.ts';

/**
 * The compiled validator remembers condition results between submissions, keyed on the answers
 * each condition reads (surveys/answer-memo.ts). One validator here checks a long run of answer
 * sets drawn from few values, so the same conditions meet the same, nearly the same (a value
 * they do not read changed) and different values again and again; every verdict must be a fresh
 * survey-core model's, built for that answer set alone.
 * Values include arrays (checkbox, `contains`/`anyof`/`allof`), objects (multiple text), `-0`,
 * blank and empty text, names that differ from the question's in case, and absent answers.
 */

type Json = Record<string, unknown>;

/** Conditions on the questions before the one they control, each reading one or two answers. */
const CONDITIONS: Record<string, string[]> = {
  a: ['{a} = 2', '{a} anyof [1, 3]', '{A} = 1', '{a} empty', 'iif({a} = 1, 5, 0) > 2'],
  b: ['{b} contains 2', '{b} anyof [1, 3]', '{b} allof [1, 2]', '{b} notempty', "{b} contains 'none'", '{B} contains 1'],
  t: ["{t} = 'yes'", '{t} notempty', "{T} contains 'y'"],
  n: ['{n} > 3', '{n} = 0', 'sum({n}, 1) > 1', '{n} empty'],
  m: ['{m} notempty', '{m} empty'],
};
const pair = (first: string, second: string) => fc.tuple(fc.constantFrom(...CONDITIONS[first]!), fc.constantFrom(...CONDITIONS[second]!), fc.constantFrom('and', 'or'))
  .map(([x, y, join]) => `${x} ${join} ${y}`);
const conditionOn = (earlier: string[]) => fc.oneof(
  ...earlier.map((name) => fc.constantFrom(...CONDITIONS[name]!)),
  ...(earlier.length > 1 ? [pair(earlier[0]!, earlier.at(-1)!)] : []),
);
const logic = (earlier: string[]) => fc.record({ visibleIf: conditionOn(earlier), enableIf: conditionOn(earlier), requiredIf: conditionOn(earlier) }, { requiredKeys: [] });

const definitionArbitrary = fc.tuple(logic(['a']), logic(['a', 'b']), logic(['a', 'b', 't']), logic(['a', 'b', 't', 'n']), conditionOn(['a', 'b', 't', 'n', 'm']), logic(['b', 'n', 'm']))
  .map(([bLogic, tLogic, nLogic, mLogic, pageIf, lastLogic]) => ({
    pages: [
      {
        name: 'first',
        elements: [
          { type: 'radiogroup', name: 'a', choices: [1, 2, 3] },
          { type: 'checkbox', name: 'b', choices: [1, 2, 3], showNoneItem: true, ...bLogic },
          { type: 'text', name: 't', ...tLogic },
          { type: 'text', name: 'n', inputType: 'number', ...nLogic },
          { type: 'multipletext', name: 'm', items: [{ name: 'm1' }, { name: 'm2' }], ...mLogic },
          { type: 'expression', name: 'e', expression: "iif({a} = 1, 'one', 'other')" },
        ],
      },
      // A page condition shared by its questions, as the instrument's pages share theirs.
      { name: 'second', visibleIf: pageIf, elements: [{ type: 'radiogroup', name: 'c', choices: [1, 2], ...lastLogic }, { type: 'comment', name: 'd', isRequired: true }] },
    ],
  }));

const answersArbitrary = fc.record({
  a: fc.constantFrom(1, 2, 3),
  b: fc.constantFrom([1], [2], [1, 2], [2, 1], [1, 2, 3], ['none'], [3]),
  t: fc.constantFrom('yes', 'Yes', 'no', ' ', ''),
  n: fc.constantFrom(0, -0, 1, 4, 10),
  m: fc.constantFrom({ m1: 'x' }, { m2: 'y' }, { m1: 'x', m2: 'y' }, {}),
  e: fc.constantFrom('one', 'other'),
  c: fc.constantFrom(1, 2),
  d: fc.constantFrom('remark', ''),
}, { requiredKeys: [] });

const verdicts = (issues: { field: string }[]) => [...new Set(issues.map((issue) => issue.field.split(/[.[]/)[0]!))].sort();

describe('condition results remembered between submissions', () => {
  it("give a fresh model's verdicts over long runs of similar answers", () => {
    fc.assert(
      fc.property(definitionArbitrary, fc.array(answersArbitrary, { minLength: 20, maxLength: 40 }), (definition, runs) => {
        expect(compileRules(definition).modelOnly).toEqual([]);
        const validate = compileAnswerValidator(definition);
        for (const answers of runs) {
          // Through JSON, as the server receives them (-0 survives JSON.parse).
          const given = JSON.parse(JSON.stringify(answers, (_key, value) => (Object.is(value, -0) ? '__minus_zero__' : value)), (_key, value) => (value === '__minus_zero__' ? -0 : value)) as Json;
          const verdict = verdicts(validate(given));
          expect({ given, verdict }).toEqual({ given, verdict: verdicts(freshModelVerdicts(definition, given)) });
        }
      }),
      { seed: 20261207, numRuns: Number(process.env.MEMO_RUNS ?? 20) },
    );
  }, 600_000);

  it('stay right over thousands of distinct values, more than are remembered', () => {
    const definition = { elements: [{ type: 'text', inputType: 'number', name: 'age' }, { type: 'radiogroup', name: 'retired', choices: [1, 2], visibleIf: '{age} >= 65' }] };
    const validate = compileAnswerValidator(definition);
    // Distinct ages first (the memo fills, is emptied and left aside), then a few again and again.
    const ages = [...Array.from({ length: 6000 }, (_, index) => 18 + index / 100), ...Array.from({ length: 3000 }, (_, index) => 60 + (index % 10))];
    const wrong = ages.filter((age) => (validate({ age, retired: 1 }).length === 0) !== (age >= 65));
    expect(wrong).toEqual([]);
  });

  it('follow each change of a value a condition reads, and only those', () => {
    const definition = { elements: [
      { type: 'checkbox', name: 'used', choices: ['station', 'phone', 'web'] },
      { type: 'radiogroup', name: 'rating', choices: [1, 2, 3], visibleIf: "{used} contains 'phone'" },
      { type: 'comment', name: 'why', requiredIf: "{Used} anyof ['station', 'web']" },
    ] };
    const validate = compileAnswerValidator(definition);
    const fields = (answers: Json) => validate(answers).map((issue) => `${issue.field}: ${issue.issue}`);
    expect(fields({ used: ['phone'], rating: 2 })).toEqual([]);
    expect(fields({ used: ['station'], rating: 2 })).toEqual(['rating: answered, but the questionnaire skips this question for these answers', 'why: required']);
    expect(fields({ used: ['phone'], rating: 3 })).toEqual([]);
    expect(fields({ used: ['phone', 'web'], rating: 3 })).toEqual(['why: required']);
    expect(fields({ used: ['phone', 'web'], rating: 3, why: 'slow' })).toEqual([]);
    expect(fields({ rating: 1 })).toEqual(['rating: answered, but the questionnaire skips this question for these answers']);
    expect(fields({ used: ['web', 'phone'], rating: 1 })).toEqual(['why: required']);
  });
});
