import type { SurveyDefinition } from '../../../surveys/types.ts';

/**
 * The start of a questionnaire's first page in a form simple enough to show before SurveyJS has
 * arrived: survey-core alone is ≈ 290 KB of gzipped JavaScript, so a phone on slow data would stare
 * at "Loading…" for seconds. The respondent page shows these elements at once with a few lines of
 * React (components/FirstPagePreview.tsx), and SurveyJS takes over with the answers given so far.
 *
 * Only what can be shown exactly as SurveyJS would, without its engine, is taken: texts, single
 * and multiple choice, and text boxes, in order, up to the first element that needs more (a
 * condition, piped text, another question type, random order, "other"...). Everything from there
 * on waits for the full renderer, so the early page never shows a question SurveyJS would hide.
 */
export type EarlyElement =
  | { kind: 'html'; name: string; html: string }
  | { kind: 'single' | 'multiple'; name: string; title: string; required: boolean; choices: { value: string | number; text: string }[] }
  | { kind: 'text'; name: string; title: string; required: boolean; multiline: boolean };

export interface EarlyPage {
  surveyTitle?: string;
  surveyDescription?: string;
  pageTitle?: string;
  elements: EarlyElement[];
}

type Json = Record<string, unknown>;

/** Properties that change what SurveyJS shows or asks, which the early page cannot honour. */
const NEEDS_ENGINE = [
  'visibleIf', 'enableIf', 'requiredIf', 'readOnly', 'defaultValue', 'defaultValueExpression', 'setValueIf', 'resetValueIf',
  'choicesVisibleIf', 'choicesEnableIf', 'choicesFromQuestion', 'choicesByUrl', 'choicesOrder', 'showOtherItem', 'hasOther',
  'showNoneItem', 'hasNone', 'showSelectAllItem', 'hasSelectAll', 'showCommentArea', 'hasComment', 'inputType', 'maskType',
  'validators', 'maxSelectedChoices', 'minSelectedChoices', 'valueName', 'correctAnswer',
];

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A SurveyJS text in `language` (SurveyJS's own fallback: the default text), or undefined if it has piped values. */
export function localText(value: unknown, language: string): string | undefined {
  let text: unknown = value;
  if (isObject(value)) text = value[language === 'en' ? 'default' : language] ?? value.default ?? value.en;
  if (typeof text !== 'string' || /\{[^}]*\}/.test(text)) return undefined;
  return text;
}

function choicesOf(element: Json, language: string): { value: string | number; text: string }[] | undefined {
  if (!Array.isArray(element.choices) || element.choices.length === 0) return undefined;
  const choices: { value: string | number; text: string }[] = [];
  for (const choice of element.choices) {
    if (typeof choice === 'string' || typeof choice === 'number') {
      choices.push({ value: choice, text: String(choice) });
      continue;
    }
    if (!isObject(choice) || (typeof choice.value !== 'string' && typeof choice.value !== 'number')) return undefined;
    if (Object.keys(choice).some((key) => key !== 'value' && key !== 'text')) return undefined;
    const text = choice.text === undefined ? String(choice.value) : localText(choice.text, language);
    if (text === undefined) return undefined;
    choices.push({ value: choice.value, text });
  }
  return choices;
}

function earlyElement(element: Json, language: string): EarlyElement | undefined {
  const name = element.name;
  if (typeof name !== 'string' || element.visible === false || NEEDS_ENGINE.some((key) => key in element)) return undefined;
  if (element.type === 'html') {
    const html = localText(element.html, language);
    return html === undefined ? undefined : { kind: 'html', name, html };
  }
  const title = element.title === undefined ? name : localText(element.title, language);
  if (title === undefined || element.description !== undefined) return undefined;
  const required = element.isRequired === true;
  if (element.type === 'radiogroup' || element.type === 'checkbox') {
    const choices = choicesOf(element, language);
    return choices && { kind: element.type === 'radiogroup' ? 'single' : 'multiple', name, title, required, choices };
  }
  if (element.type === 'text' || element.type === 'comment') return { kind: 'text', name, title, required, multiline: element.type === 'comment' };
  return undefined;
}

/** The leading elements of the first page that can be shown before SurveyJS, in `language`. */
export function earlyFirstPage(definition: SurveyDefinition, language: string): EarlyPage {
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  const first = pages[0];
  const page: EarlyPage = { surveyTitle: localText(definition.title, language), surveyDescription: localText(definition.description, language), elements: [] };
  // A start page, a random order or a condition on the page itself: SurveyJS decides what comes first.
  if (!isObject(first) || definition.firstPageIsStarted || definition.questionsOrder || first.visibleIf || first.questionsOrder || first.description) return page;
  page.pageTitle = localText(first.title, language);
  for (const element of Array.isArray(first.elements) ? first.elements : []) {
    const early = isObject(element) ? earlyElement(element, language) : undefined;
    if (!early) break;
    page.elements.push(early);
  }
  return page;
}
