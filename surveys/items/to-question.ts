import { latinToCyrillic } from '../transliterate.ts';
import type { Choice, Item, Texts } from './types.ts';

/** A SurveyJS localizable string in all five languages; Serbian Cyrillic is transliterated from Serbian Latin. */
export function localize(texts: Texts): Record<string, string> {
  return { default: texts.en, bs: texts.bs, hr: texts.hr, 'sr-Latn': texts['sr-Latn'], 'sr-Cyrl': latinToCyrillic(texts['sr-Latn']) };
}

function localizeChoices(choices: Choice[]): { value: string | number; text: Record<string, string> }[] {
  return choices.map((choice) => ({ value: choice.value, text: localize(choice.text) }));
}

/**
 * The SurveyJS question an item becomes, in all five languages. `extra` adds questionnaire-level
 * properties such as `visibleIf` or `validators`; it cannot change the item's name or scale.
 * @example itemToQuestion(trustPolice) // → { type: 'rating', name: 'trust_police', rateMin: 0, rateMax: 10, … }
 */
export function itemToQuestion(item: Item, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const question: Record<string, unknown> = { type: item.scale.type, name: item.name, title: localize(item.text) };
  if (item.description) question.description = localize(item.description);
  if (item.required) question.isRequired = true;
  Object.assign(question, extra);
  const scale = item.scale;
  if (scale.type === 'rating') {
    Object.assign(question, {
      rateMin: scale.min,
      rateMax: scale.max,
      rateStep: 1,
      minRateDescription: localize(scale.minText),
      maxRateDescription: localize(scale.maxText),
    });
  } else {
    const offered = item.missing.filter((code) => code.offered && code.text).map((code) => ({ value: code.value, text: code.text! }));
    question.choices = localizeChoices([...scale.choices, ...offered]);
  }
  return question;
}
