import type { DimensionSpec, SurveyMeta } from '../../../surveys/types.ts';
import { findQuestion, questionsOf, updateQuestion, type Draft } from './draft-model.ts';
import { suggestName } from './custom-question.ts';
import type { LocalText } from './translations.ts';

export interface ChoiceEntry {
  value: string | number;
  text: LocalText;
}

/** The choices of a choice question, always as `{ value, text }`. */
export function choicesOf(draft: Draft, question: string): ChoiceEntry[] {
  const choices = findQuestion(draft, question)?.element.choices;
  if (!Array.isArray(choices)) return [];
  return choices.map((choice) => choice && typeof choice === 'object'
    ? { value: (choice as ChoiceEntry).value, text: typeof (choice as ChoiceEntry).text === 'string' ? { default: String((choice as ChoiceEntry).text) } : { ...(choice as ChoiceEntry).text } }
    : { value: choice as string | number, text: { default: String(choice) } });
}

/** Replaces a question's choices and brings the meta (dimensions, quotas, raking margins) in line. */
export function setChoices(draft: Draft, question: string, choices: ChoiceEntry[]): Draft {
  return syncMeta(updateQuestion(draft, question, (element) => ({ ...element, choices })));
}

/**
 * A new choice's value: the next number when the list is numbered, otherwise a code made from
 * the English text (`"Tram stop"` → `tram_stop`), unique within the list.
 */
export function newChoiceValue(choices: ChoiceEntry[], englishText: string): string | number {
  if (choices.length > 0 && choices.every((choice) => typeof choice.value === 'number')) {
    return Math.max(...choices.map((choice) => choice.value as number).filter((value) => value < 70)) + 1;
  }
  return suggestName(englishText, new Set(choices.map((choice) => String(choice.value))));
}

export function addChoice(draft: Draft, question: string, text: LocalText): Draft {
  const choices = choicesOf(draft, question);
  return setChoices(draft, question, [...choices, { value: newChoiceValue(choices, text.default ?? ''), text }]);
}

export function removeChoice(draft: Draft, question: string, value: string | number): Draft {
  return setChoices(draft, question, choicesOf(draft, question).filter((choice) => choice.value !== value));
}

export function renameChoice(draft: Draft, question: string, value: string | number, text: LocalText): Draft {
  return setChoices(draft, question, choicesOf(draft, question).map((choice) => (choice.value === value ? { ...choice, text } : choice)));
}

/**
 * Keeps the meta in step with the choice lists:
 * - a multiple-response dimension lists one `<question>_<value>` column per choice of its question;
 * - a `region` question gets a `region` dimension, a `channels_used` checkbox a `channel` one;
 * - quota targets and raking cells of values no longer offered are dropped (new values get none,
 *   and the checker says a raking margin must cover them).
 */
export function syncMeta(draft: Draft): Draft {
  const dimensions: Record<string, DimensionSpec> = { ...(draft.meta.dimensions ?? {}) };
  const checkboxes = questionsOf(draft).filter((entry) => entry.element.type === 'checkbox');
  for (const [name, dimension] of Object.entries(dimensions)) {
    if (!('multiple' in dimension)) continue;
    const columns = Object.values(dimension.multiple);
    const source = checkboxes.find((entry) => columns.some((column) => column.startsWith(`${entry.element.name}_`)));
    if (source) dimensions[name] = { multiple: multipleColumns(draft, source.element.name) };
  }
  if (findQuestion(draft, 'region') && !dimensions.region) dimensions.region = { column: 'region' };
  const channels = findQuestion(draft, 'channels_used');
  if (channels?.element.type === 'checkbox' && !Object.values(dimensions).some((dimension) => 'multiple' in dimension && Object.values(dimension.multiple).some((column) => column.startsWith('channels_used_')))) {
    dimensions.channel = { multiple: multipleColumns(draft, 'channels_used') };
  }
  const meta: SurveyMeta = { ...draft.meta, dimensions };
  const regionValues = new Set(choicesOf(draft, 'region').map((choice) => String(choice.value)));
  const quotas = (meta.quotas as { region?: Record<string, number> } | undefined)?.region;
  if (quotas && regionValues.size > 0) meta.quotas = { ...(meta.quotas as object), region: pick(quotas, regionValues) };
  if (meta.weighting?.rake) {
    const rake = Object.fromEntries(Object.entries(meta.weighting.rake).map(([margin, cells]) => {
      const dimension = dimensions[margin];
      const column = dimension && 'column' in dimension ? dimension.column : margin;
      const values = new Set(choicesOf(draft, column).map((choice) => String(choice.value)));
      return [margin, values.size > 0 ? pick(cells, values) : cells];
    }));
    meta.weighting = { ...meta.weighting, rake };
  }
  return { definition: draft.definition, meta };
}

function multipleColumns(draft: Draft, question: string): Record<string, string> {
  return Object.fromEntries(choicesOf(draft, question).map((choice) => [String(choice.value), `${question}_${choice.value}`]));
}

function pick(cells: Record<string, number>, keep: Set<string>): Record<string, number> {
  return Object.fromEntries(Object.entries(cells).filter(([key]) => keep.has(key)));
}
