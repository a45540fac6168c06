import { choiceValues, listQuestions, otherTextInAnswer } from '../../../surveys/questions.ts';
import type { SurveyDefinition } from '../../../surveys/types.ts';

/** Choice types whose answer is exactly one value of a closed list. */
const SINGLE_CHOICE = new Set(['radiogroup', 'dropdown', 'imagepicker']);
/** Items SurveyJS adds to a choice list, with the value it stores for each. */
const EXTRA_ITEMS: [keys: string[], value: string][] = [
  [['showOtherItem', 'hasOther'], 'other'],
  [['showNoneItem', 'hasNone'], 'none'],
  [['showRefuseItem'], 'refused'],
  [['showDontKnowItem'], 'dontknow'],
];
/** Codes given to those items when the listed values are numbers (chosen to avoid scale values). */
const NUMERIC_EXTRA_CODES = [-1, -2, -3, -4, -5, -6, -7, -8];

/** The closed list of values a single-choice question accepts in every version, and their numeric codes. */
export interface CodedValues {
  /** True when every listed value is a number: the file stores the number itself. */
  numeric: boolean;
  /** Value as stored in the JSON answers (and the CSV) → the number the native file stores. */
  codes: Map<string, number>;
  /** Values SurveyJS adds itself ("other", "none", "refused", "dontknow"), labelled by their value. */
  extras: Set<string>;
}

/**
 * Per question name, the values its answers can take when that list is closed in every version
 * that asks it (a radio group, dropdown or image picker with listed choices, not loaded from a URL
 * or another question). SPSS and Stata label numbers, so a text-valued choice ("tuzla") is stored
 * as its position in the list, 1, 2, 3…, in order of first appearance across versions (oldest
 * first, so a code never changes when a later version adds a choice); the codebook shows the
 * mapping. Numeric choices keep their own values; the extra items get -1, -2… (skipping any
 * listed value). Questions whose values are mixed, open or free are absent: they stay text.
 *
 * @example
 * codedValues([{ pages: [{ elements: [{ type: 'radiogroup', name: 'r', choices: ['a', 'b'], showOtherItem: true }] }] }]).get('r');
 * // => { numeric: false, codes: Map { 'a' => 1, 'b' => 2, 'other' => 3 }, extras: Set { 'other' } }
 */
export function codedValues(definitions: readonly SurveyDefinition[]): Map<string, CodedValues> {
  const lists = new Map<string, { values: (string | number)[]; extras: string[] } | null>();
  for (const definition of definitions) {
    for (const question of listQuestions(definition)) {
      if (!question.name) continue;
      const json = question.json;
      const closed = SINGLE_CHOICE.has(question.type) && Array.isArray(json.choices) && json.choices.length > 0
        && json.choicesByUrl === undefined && json.choicesFromQuestion === undefined
        // "Other" text kept in the answer itself is free text, not one of the listed values.
        && !otherTextInAnswer(json, definition);
      if (!closed || lists.get(question.name) === null) {
        lists.set(question.name, null);
        continue;
      }
      const list = lists.get(question.name) ?? { values: [], extras: [] };
      for (const value of choiceValues(json.choices)) if (!list.values.includes(value)) list.values.push(value);
      for (const [keys, value] of EXTRA_ITEMS) {
        if (keys.some((key) => json[key] === true) && !list.extras.includes(value)) list.extras.push(value);
      }
      lists.set(question.name, list);
    }
  }
  const result = new Map<string, CodedValues>();
  for (const [name, list] of lists) {
    if (!list) continue;
    const numeric = list.values.every((value) => typeof value === 'number');
    if (!numeric && !list.values.every((value) => typeof value === 'string')) continue;
    const codes = new Map<string, number>();
    list.values.forEach((value, index) => codes.set(String(value), numeric ? (value as number) : index + 1));
    const free = numeric ? NUMERIC_EXTRA_CODES.filter((code) => !codes.has(String(code))) : [];
    list.extras.forEach((value, index) => {
      if (!codes.has(value)) codes.set(value, numeric ? free[index]! : codes.size + 1);
    });
    result.set(name, { numeric, codes, extras: new Set(list.extras) });
  }
  return result;
}
