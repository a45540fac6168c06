import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { translateXPath, type XPathContext } from '../../../surveys/xlsform/xpath.ts';

const context: XPathContext = {
  resolve: (name) => (name === 'missing' ? { error: 'no question named "missing"' } : { text: `{${name}}`, multiple: name === 'channels' }),
  self: 'age',
};
const translate = (source: string) => translateXPath(source, context);
/** The translated expression run by survey-core's own engine on these answers. */
const run = (source: string, answers: Record<string, unknown>) => {
  const translated = translate(source);
  if (!('expression' in translated)) throw new Error(translated.error);
  return new ConditionRunner(translated.expression).runValues(answers);
};

describe('XLSForm expressions in SurveyJS', () => {
  it('writes references, comparisons, and/or/not and selected() as SurveyJS does', () => {
    expect(translate("${contact} = 'yes'")).toEqual({ expression: "{contact} = 'yes'" });
    expect(translate("selected(${channels}, 'app') and not(${age} < 18)")).toEqual({ expression: "({channels} contains 'app') and !({age} < 18)" });
    expect(translate("selected(${contact}, 'yes')")).toEqual({ expression: "{contact} = 'yes'" });
    expect(translate('count-selected(${channels}) >= 2')).toEqual({ expression: 'count({channels}) >= 2' });
    expect(translate(". >= 18 and . <= 120")).toEqual({ expression: '({age} >= 18) and ({age} <= 120)' });
    expect(translate("${name} != ''")).toEqual({ expression: '{name} notempty' });
    expect(translate('${a} div 2 + ${b} mod 3')).toEqual({ expression: '({a} / 2) + ({b} % 3)' });
    expect(translate("if(${age} > 17, 'adult', 'minor') = 'adult'")).toEqual({ expression: "iif({age} > 17, 'adult', 'minor') = 'adult'" });
  });

  it('means what the XPath meant, run by survey-core (unanswered questions included)', () => {
    const cases: [string, Record<string, unknown>, boolean][] = [
      ["${contact} = 'yes'", { contact: 'yes' }, true],
      ["${contact} = 'yes'", {}, false],
      ["${contact} != 'yes'", {}, true], // XPath: '' != 'yes'
      ["selected(${channels}, 'app')", { channels: ['phone', 'app'] }, true],
      ["selected(${channels}, 'app')", { channels: ['application'] }, false],
      ["selected(${channels}, '2')", { channels: [2, 3] }, true], // a list of whole-number names is stored as numbers
      ["not(selected(${channels}, 'app'))", {}, true],
      ['count-selected(${channels}) = 0', {}, true],
      ['count-selected(${channels}) = 2', { channels: ['a', 'b'] }, true],
      ["${age} >= 18 or ${consent} = 'yes'", { age: 16, consent: 'yes' }, true],
      ["${age} >= 18 and (${consent} = 'yes' or ${guardian} = 'yes')", { age: 20, guardian: 'yes' }, true],
      ["${age} >= 18 and (${consent} = 'yes' or ${guardian} = 'yes')", { age: 20 }, false],
      ['${age} > 3', {}, false], // XPath: number('') is NaN, never greater
      ["${name} = ''", {}, true],
      ['. > 5 and . < 10', { age: 7 }, true],
      ['-${age} < -5', { age: 7 }, true],
      ["${visits} * 2 = 6", { visits: 3 }, true],
    ];
    for (const [source, answers, expected] of cases) expect([source, run(source, answers)]).toEqual([source, expected]);
  });

  it('refuses what has no SurveyJS equivalent, with the reason', () => {
    expect(translate("regex(., '^[0-9]+$')")).toEqual({ error: 'the function regex() has no SurveyJS equivalent here' });
    expect(translate("jr:choice-name(${a}, '${a}')")).toEqual({ error: 'the function jr:choice-name() has no SurveyJS equivalent here' });
    expect(translate("${missing} = 'x'")).toEqual({ error: 'no question named "missing"' });
    expect(translate('/data/age > 3')).toMatchObject({ error: expect.stringContaining('cannot read') });
    expect(translate("${a} = 'x' and")).toEqual({ error: 'the expression ends too early' });
    expect(translate('selected(${a})')).toEqual({ error: 'selected() takes 2 arguments, not 1' });
  });
});
