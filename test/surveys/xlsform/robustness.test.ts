import fc from 'fast-check';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { checkSurveyFile } from '../../../surveys/check.ts';
import { compileAnswerValidator } from '../../../surveys/answers.ts';
import { convertXlsform, XlsformError } from '../../../surveys/xlsform/convert.ts';
import { sheet } from './sheet.ts';

const HEADER = ['type', 'name', 'label', 'label::sr', 'relevant', 'constraint', 'required', 'calculation', 'appearance', 'repeat_count', '$kuid'];
const TYPES = ['text', 'integer', 'decimal', 'note', 'date', 'calculate', 'select_one yn', 'select_multiple yn or_other', 'select_one nope', 'begin group', 'end group', 'begin repeat', 'end repeat', 'geopoint', 'start', 'range', 'rank yn', 'hidden', '', 'Begin_Group', 'weird type'];
const EXPRESSIONS = ["${a} = 'yes'", "selected(${b}, 'y')", 'count-selected(${b}) > 1', '. > 3', 'not(${a})', '${zz} = 1', "regex(., 'x')", '((', '${a} and', '', 'yes', "if(${a} > 1, 'x', 'y')", '${a} div 0', '-.', "'unterminated"];
const NAMES = ['a', 'b', 'A', 'Hot hatch', 'Ćevapi', '1st', '', 'a', 'panel', 'group_1', 'q-1', 'Контакт'];

describe('XLSForms of any shape', { timeout: 180_000 }, () => {
  it('convert to a definition survey-core, the checker and the answer validator read, or are refused as not an XLSForm; the converter never fails otherwise', () => {
    const row = fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...NAMES), fc.string({ maxLength: 12 }), fc.constantFrom('', 'Поверење', 'Povjerenje ${a}'),
      fc.constantFrom(...EXPRESSIONS), fc.constantFrom(...EXPRESSIONS), fc.constantFrom('', 'yes', 'no', "${a} = 'y'"), fc.constantFrom(...EXPRESSIONS),
      fc.constantFrom('', 'minimal', 'multiline field-list', 'likert'), fc.constantFrom('', '3', '${a}'), fc.constantFrom('', 'kuid'));
    fc.assert(fc.property(fc.array(row, { maxLength: 25 }), fc.boolean(), (rows, withChoices) => {
      try {
        const result = convertXlsform({
          survey: sheet(HEADER, ...rows.map((cells) => [...cells])),
          ...(withChoices ? { choices: sheet(['list_name', 'name', 'label'], ['yn', 'y', 'Yes'], ['yn', 'n', 'No'], ['yn', 'y', 'Again']) } : {}),
        });
        expect(new Model(result.definition).jsonErrors ?? []).toEqual([]);
        // What the API runs on the draft (checker) and at publishing (the answer validator) must not fail on it.
        expect(Array.isArray(checkSurveyFile({ slug: 'any', definition: result.definition, meta: result.meta }))).toBe(true);
        compileAnswerValidator(result.definition)({});
        for (const entry of result.unmapped) expect(entry.reason.length).toBeGreaterThan(0);
      } catch (error) {
        if (!(error instanceof XlsformError)) throw error;
      }
    }), { numRuns: 150, seed: 17 });
  });
});
