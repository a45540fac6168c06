import type { Element } from './draft-model.ts';
import type { LocalText } from './translations.ts';

/** The kinds of question a researcher can write themselves, and the SurveyJS type each becomes. */
export const CUSTOM_KINDS = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  rating: 'Rating scale',
  number: 'Number',
  text: 'Text',
} as const;
export type CustomKind = keyof typeof CUSTOM_KINDS;

export interface CustomQuestionInput {
  kind: CustomKind;
  name: string;
  title: LocalText;
  /** Choice texts for single and multiple choice; values are 1, 2, 3… in this order. */
  choices?: LocalText[];
  /** Rating range (default 0…10) and its end labels. */
  rateMin?: number;
  rateMax?: number;
  minText?: LocalText;
  maxText?: LocalText;
  required?: boolean;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A question name made from a text: lower-case ASCII, underscores, starting with a letter, not
 * among `taken` (a number is added when it is).
 * @example suggestName('How often do you walk?', new Set()) // → 'how_often_do_you_walk'
 */
export function suggestName(text: string, taken: Set<string>): string {
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'dj').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+|_+$/g, '').split('_').slice(0, 5).join('_') || 'question';
  let name = base;
  for (let number = 2; taken.has(name); number += 1) name = `${base}_${number}`;
  return name;
}

/** Why a name cannot be used, or undefined when it can. */
export function nameProblem(name: string, taken: Set<string>): string | undefined {
  if (!NAME.test(name)) return 'use lower-case letters, digits and underscores, starting with a letter';
  if (taken.has(name)) return `"${name}" is already a question of this questionnaire`;
  return undefined;
}

/** The SurveyJS question for a researcher's own question. */
export function createCustomQuestion(input: CustomQuestionInput): Element {
  const base: Element = { type: 'text', name: input.name, title: input.title };
  if (input.required) base.isRequired = true;
  switch (input.kind) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: input.kind === 'single' ? 'radiogroup' : 'checkbox',
        choices: (input.choices ?? []).map((text, index) => ({ value: index + 1, text })),
      };
    case 'rating':
      return {
        ...base, type: 'rating', rateMin: input.rateMin ?? 0, rateMax: input.rateMax ?? 10, rateStep: 1,
        ...(input.minText && Object.keys(input.minText).length ? { minRateDescription: input.minText } : {}),
        ...(input.maxText && Object.keys(input.maxText).length ? { maxRateDescription: input.maxText } : {}),
      };
    case 'number':
      return { ...base, inputType: 'number' };
    case 'text':
      return { ...base, type: 'comment' };
  }
}
