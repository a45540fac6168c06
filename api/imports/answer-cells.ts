import type { QuestionInfo } from '../../surveys/questions.ts';

/** Values SurveyJS stores for the special items a choice question can show. */
const SPECIAL_ITEMS: Record<string, string> = { showOtherItem: 'other', hasOther: 'other', showNoneItem: 'none', hasNone: 'none', showRefuseItem: 'refused', showDontKnowItem: 'dontknow' };
const STRUCTURED = new Set(['matrix', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'paneldynamic', 'ranking']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The answer a cell of a microdata file stands for, typed as SurveyJS stores it, so the
 * submission validator sees what a respondent's browser would have sent: a choice's own value
 * (the number 3, not the text "3"; the text "tuzla"), a number for numeric inputs, true/false
 * for a boolean written 1/0, the list or object of a matrix or ranking written as JSON. A cell
 * that fits nothing is passed on as it is, and the validator names what is wrong with it.
 */
export function cellAnswer(question: QuestionInfo, text: string): unknown {
  const json = question.json;
  if (question.type === 'boolean') return booleanAnswer(question, text);
  if (STRUCTURED.has(question.type)) return parseJson(text);
  if (question.values) return choiceAnswer(question, text);
  if (question.type === 'text' && (json.inputType === 'number' || json.inputType === 'range')) return NUMBER.test(text) ? Number(text) : text;
  return text;
}

/** One choice code of a choice question (also each code of a multiple-response list). */
export function choiceAnswer(question: QuestionInfo, text: string): unknown {
  const listed = question.values?.find((value) => String(value) === text);
  if (listed !== undefined) return listed;
  for (const [key, value] of Object.entries(SPECIAL_ITEMS)) if (question.json[key] === true && value === text) return value;
  if (question.noneValue === text) return text;
  // Not offered: typed like the offered values, so the validator's message shows it as given.
  return question.values?.every((value) => typeof value === 'number') && NUMBER.test(text) ? Number(text) : text;
}

function booleanAnswer(question: QuestionInfo, text: string): unknown {
  const { valueTrue, valueFalse } = question.json;
  if (valueTrue !== undefined && String(valueTrue) === text) return valueTrue;
  if (valueFalse !== undefined && String(valueFalse) === text) return valueFalse;
  if (valueTrue === undefined && (text === '1' || text.toLowerCase() === 'true')) return true;
  if (valueFalse === undefined && (text === '0' || text.toLowerCase() === 'false')) return false;
  return text;
}

function parseJson(text: string): unknown {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
