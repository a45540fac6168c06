import type { SurveyDefinition } from './types.ts';

/** A question found in a SurveyJS definition, with where it sits and what values it accepts. */
export interface QuestionInfo {
  name: string;
  type: string;
  /** JSON path of the question object, for messages. */
  path: string;
  json: Record<string, unknown>;
  /** Allowed answer values for choice and rating questions; undefined for free answers. */
  values?: (string | number)[];
  /** The value SurveyJS stores for the "none" item of a checkbox, when it is shown. */
  noneValue?: string;
}

const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'imagepicker', 'ranking']);
const CONTAINER_KEYS = ['pages', 'elements', 'templateElements'] as const;
/** Element types that hold no answer. */
const DISPLAY_TYPES = new Set(['html', 'image', 'expression', 'panel', 'paneldynamic']);

/** Every answer-bearing question in the definition, depth first, in questionnaire order. */
export function listQuestions(definition: SurveyDefinition): QuestionInfo[] {
  const found: QuestionInfo[] = [];
  walk(definition, 'definition', found);
  return found;
}

function walk(node: Record<string, unknown>, path: string, found: QuestionInfo[]): void {
  for (const key of CONTAINER_KEYS) {
    const children = node[key];
    if (!Array.isArray(children)) continue;
    children.forEach((child, index) => {
      if (!child || typeof child !== 'object') return;
      const childPath = `${path}.${key}[${index}]`;
      const element = child as Record<string, unknown>;
      if (key !== 'pages' && typeof element.type === 'string' && !DISPLAY_TYPES.has(element.type)) {
        found.push(describe(element, childPath));
      }
      walk(element, childPath, found);
    });
  }
}

function describe(json: Record<string, unknown>, path: string): QuestionInfo {
  const type = String(json.type);
  const info: QuestionInfo = { name: String(json.name ?? ''), type, path, json };
  if (CHOICE_TYPES.has(type)) {
    info.values = [...choiceValues(json.choices), ...generatedChoices(json)];
    if (json.showNoneItem === true) info.noneValue = 'none';
  } else if (type === 'rating') {
    info.values = ratingValues(json);
  } else if (type === 'boolean') {
    info.values = [json.valueTrue ?? true, json.valueFalse ?? false].filter(
      (value): value is string | number => typeof value === 'string' || typeof value === 'number',
    );
    if (info.values.length < 2) delete info.values;
  }
  return info;
}

/** The values of a SurveyJS `choices` array, whose items are plain values or `{ value, text }`. */
export function choiceValues(choices: unknown): (string | number)[] {
  if (!Array.isArray(choices)) return [];
  return choices.map((choice) =>
    choice && typeof choice === 'object' ? (choice as { value: string | number }).value : (choice as string | number),
  );
}

/**
 * The numbers a dropdown offers from `choicesMin` to `choicesMax` by `choicesStep` (survey-core
 * adds them after its own choices when max > min).
 */
export function generatedChoices(json: Record<string, unknown>): number[] {
  const { choicesMin: min, choicesMax: max } = json;
  if (json.type !== 'dropdown' || typeof min !== 'number' || typeof max !== 'number' || !(max > min)) return [];
  const step = typeof json.choicesStep === 'number' && json.choicesStep > 0 ? json.choicesStep : 1;
  const values: number[] = [];
  for (let value = min; value <= max + 1e-9; value += step) values.push(Number(value.toFixed(10)));
  return values;
}

/** Values a rating question accepts: its `rateValues`, or rateMin..rateMax by rateStep (SurveyJS defaults 1..5 by 1). */
export function ratingValues(json: Record<string, unknown>): number[] {
  if (Array.isArray(json.rateValues) && json.rateValues.length > 0) {
    return choiceValues(json.rateValues).map(Number);
  }
  const min = typeof json.rateMin === 'number' ? json.rateMin : 1;
  const max = typeof json.rateMax === 'number' ? json.rateMax : 5;
  const step = typeof json.rateStep === 'number' && json.rateStep > 0 ? json.rateStep : 1;
  const values: number[] = [];
  for (let value = min; value <= max + 1e-9; value += step) values.push(Number(value.toFixed(10)));
  return values;
}

/**
 * Which text box of a question SurveyJS stores under `<name>-Comment`, as survey-core's
 * getStoreOthersAsComment decides: its comment area (`showCommentArea`, formerly `hasComment`), or
 * the text of its "other" choice (`showOtherItem`, formerly `hasOther`); null when there is none, or
 * when the "other" text goes into the answer itself instead (a comment area shown too, or
 * `storeOthersAsComment: false` on the question or the survey).
 *
 * @example
 * commentBox({ type: 'radiogroup', showOtherItem: true }, {}); // => 'other'
 * commentBox({ type: 'radiogroup', showOtherItem: true, storeOthersAsComment: false }, {}); // => null
 */
export function commentBox(json: Record<string, unknown>, definition: { storeOthersAsComment?: unknown }): 'other' | 'area' | null {
  if (json.showCommentArea === true || json.hasComment === true) return 'area';
  const other = json.showOtherItem === true || json.hasOther === true;
  if (other && json.storeOthersAsComment !== false && definition.storeOthersAsComment !== false) return 'other';
  return null;
}

/** True when a question's "other" text is stored as its answer (not under `<name>-Comment`): its values are then open. */
export function otherTextInAnswer(json: Record<string, unknown>, definition: { storeOthersAsComment?: unknown }): boolean {
  return (json.showOtherItem === true || json.hasOther === true) && commentBox(json, definition) !== 'other';
}
