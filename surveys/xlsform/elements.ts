import type { LanguageCode } from '../types.ts';
import type { ChoiceLists } from './choices.ts';
import { yesNo } from './sheets.ts';
import { inLanguages, mapTexts, noteHtml, surveyText, WHOLE_NUMBER_MESSAGE } from './texts.ts';
import type { Texts } from './sheets.ts';

type Element = Record<string, unknown>;

/** What a row's mapping may ask of the conversion: its cells (each read is noted as used), expressions, texts. */
export interface RowScope {
  name: string;
  /** The row's type, lower case, single spaces (`select_one yes_no or_other`). */
  type: string;
  languages: readonly LanguageCode[];
  choiceLists: ChoiceLists;
  /** A plain cell, marked as used. */
  cell(field: string): string;
  /** A translatable field's texts with `${x}` piped as SurveyJS `{x}`, marked as used. */
  texts(field: string): Texts;
  /** The cell's expression in SurveyJS, or undefined (reported) when it has none or cannot be translated. */
  expression(field: string): string | undefined;
  /** The SurveyJS reference of this question (`{age}`, `{panel.age}`). */
  self: string;
  report(reason: string, column?: string): void;
}

/** Metadata ODK and KoBoToolbox record about the device and the interview rather than ask. */
const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'background-geopoint']);
const MEDIA = new Set(['image', 'audio', 'video', 'file', 'barcode', 'geopoint', 'geotrace', 'geoshape', 'background-audio', 'signature']);
const TEXT_INPUTS: Record<string, string> = { date: 'date', time: 'time', datetime: 'datetime-local', decimal: 'number', integer: 'number' };
const SELECT = /^(select_one|select_multiple|rank)\s+(\S+)(\s+or_other)?$/;

/**
 * The SurveyJS element for one survey row that asks, shows or computes something, or undefined
 * when the row has no SurveyJS equivalent (the reason is reported).
 */
export function questionElement(scope: RowScope): Element | undefined {
  const { type } = scope;
  const base = type.split(' ')[0]!;
  if (METADATA.has(type)) return void scope.report(`"${type}" is device and interview metadata that ODK records; Trustlens records the start and end time and the mode of every response itself`);
  if (MEDIA.has(type)) return void scope.report(`"${type}" questions (photos, recordings, files, locations) are not collected by Trustlens`);
  if (type === 'hidden') return void scope.report('"hidden" fields have no SurveyJS equivalent; add the value to the meta or as a question');
  if (/^select_(one|multiple)_(from_file|external)\b/.test(type) || type.startsWith('select_one_external')) return void scope.report(`"${base}" reads its choices from a separate file, which is not part of the upload`);
  const select = SELECT.exec(type);
  if (select) return choiceQuestion(scope, select[1]!, select[2]!, Boolean(select[3]));
  if (type.startsWith('select_one') || type.startsWith('select_multiple')) return void scope.report(`"${type}" does not name a choice list as "select_one <list>" does`);
  switch (type) {
    case 'text': return common(scope, { type: scope.cell('appearance').split(/\s+/).includes('multiline') ? 'comment' : 'text' }, ['multiline']);
    case 'integer': return numeric(scope, true);
    case 'decimal': return numeric(scope, false);
    case 'date': case 'time': case 'datetime': return common(scope, { type: 'text', inputType: TEXT_INPUTS[type] });
    case 'note': return note(scope);
    case 'acknowledge': return common(scope, { type: 'boolean', renderAs: 'checkbox' });
    case 'range': return range(scope);
    case 'calculate': return calculate(scope);
    default: return void scope.report(`the type "${type}" has no SurveyJS equivalent here`);
  }
}

/** Label, hint, required, relevant, constraint, default and read-only: what every asking row may carry. */
function common(scope: RowScope, element: Element, knownAppearances: string[] = []): Element {
  const { type: _type, ...rest } = element;
  const result: Element = { type: element.type, name: scope.name, ...rest };
  const title = surveyText(scope.texts('label'));
  if (title) result.title = title;
  const hint = surveyText(scope.texts('hint'));
  if (hint) result.description = hint;
  visibility(scope, result);
  const required = scope.cell('required');
  if (required) {
    const isRequired = yesNo(required);
    if (isRequired === true) result.isRequired = true;
    else if (isRequired === undefined) {
      const condition = scope.expression('required');
      if (condition) result.requiredIf = condition;
    }
    const message = surveyText(scope.texts('required_message'));
    if (message && (result.isRequired || result.requiredIf)) result.requiredErrorText = message;
  }
  const constraint = scope.cell('constraint');
  if (constraint) {
    const expression = scope.expression('constraint');
    const message = surveyText(scope.texts('constraint_message'));
    // XLSForm checks a constraint only once the question is answered; SurveyJS runs a validator always.
    if (expression) addValidator(result, { type: 'expression', expression: `${scope.self} empty or (${expression})`, ...(message ? { text: message } : {}) });
  }
  if (yesNo(scope.cell('read_only')) === true) result.readOnly = true;
  const appearance = scope.cell('appearance').split(/\s+/).filter(Boolean).filter((word) => !knownAppearances.includes(word) && word !== 'field-list');
  if (appearance.length > 0) scope.report(`the appearance "${appearance.join(' ')}" is not carried over`, 'appearance');
  const fallback = scope.cell('default');
  if (fallback) {
    if (/\$\{|\(/.test(fallback)) scope.report('a default computed from other answers is not carried over', 'default');
    else result.defaultValue = defaultValue(result, fallback);
  }
  return result;
}

function visibility(scope: RowScope, element: Element): void {
  if (!scope.cell('relevant')) return;
  const condition = scope.expression('relevant');
  if (condition) element.visibleIf = condition;
}

function defaultValue(element: Element, text: string): unknown {
  const numbersOnly = Array.isArray(element.choices) && (element.choices as { value: unknown }[]).every((choice) => typeof choice.value === 'number');
  if (element.type === 'checkbox') return text.split(/\s+/).map((value) => (numbersOnly ? Number(value) : value));
  if (element.inputType === 'number' || numbersOnly) return Number(text);
  return text;
}

function addValidator(element: Element, validator: Element): void {
  element.validators = [...((element.validators as Element[] | undefined) ?? []), validator];
}

function choiceQuestion(scope: RowScope, kind: string, listName: string, orOther: boolean): Element | undefined {
  const list = scope.choiceLists.get(listName);
  if (!list) return void scope.report(`the choice list "${listName}" is not in the choices sheet`, 'type');
  const appearance = scope.cell('appearance').split(/\s+/);
  const type = kind === 'select_multiple' ? 'checkbox' : kind === 'rank' ? 'ranking'
    : appearance.some((word) => ['minimal', 'autocomplete', 'search'].includes(word)) ? 'dropdown' : 'radiogroup';
  const choices = list.map((choice) => {
    const text = surveyText(choice.texts);
    return text === undefined ? { value: choice.value } : { value: choice.value, text };
  });
  const element = common(scope, { type, choices }, ['minimal', 'autocomplete', 'search', 'likert', 'horizontal', 'horizontal-compact', 'quick']);
  // XLSForm's or_other adds an "other" choice with a text box: SurveyJS's "other" item is that.
  if (orOther) element.showOtherItem = true;
  const parameters = scope.cell('parameters');
  if (/randomize\s*=\s*(true|yes)/i.test(parameters)) element.choicesOrder = 'random';
  else if (parameters) scope.report(`the parameters "${parameters}" are not carried over`, 'parameters');
  return element;
}

function numeric(scope: RowScope, whole: boolean): Element {
  const element = common(scope, { type: 'text', inputType: 'number' });
  if (whole) {
    const check = { type: 'expression', expression: `${scope.self} empty or (round(${scope.self}) = ${scope.self})`, text: surveyText(inLanguages(WHOLE_NUMBER_MESSAGE, scope.languages)) };
    element.validators = [check, ...((element.validators as Element[] | undefined) ?? [])];
  }
  return element;
}

function range(scope: RowScope): Element {
  const parameters = Object.fromEntries([...scope.cell('parameters').matchAll(/(\w+)\s*=\s*(-?[\d.]+)/g)].map((match) => [match[1]!.toLowerCase(), Number(match[2])]));
  const element = common(scope, { type: 'rating', rateMin: parameters.start ?? 1, rateMax: parameters.end ?? 10, rateStep: parameters.step ?? 1 });
  return element;
}

function note(scope: RowScope): Element {
  const html = surveyText(mapTexts(scope.texts('label'), noteHtml));
  const element: Element = { type: 'html', name: scope.name, html: html ?? '' };
  if (Object.keys(scope.texts('hint')).length > 0) scope.report("a note's hint is not shown; add it to the label", 'hint');
  visibility(scope, element);
  return element;
}

function calculate(scope: RowScope): Element | undefined {
  if (!scope.cell('calculation')) return void scope.report('a calculate row needs a calculation', 'calculation');
  const expression = scope.expression('calculation');
  if (!expression) return undefined;
  // An expression question stores its result with the answers, as a calculate row's value is stored
  // in the submission; it shows the result, titled with the label if there is one.
  const element: Element = { type: 'expression', name: scope.name, expression };
  const title = surveyText(scope.texts('label'));
  if (title) element.title = title;
  visibility(scope, element);
  return element;
}
