import { holds } from '../conditions.ts';
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
 * The skip logic a follow-up item brings to its question: its condition (`visibleIf`), unless the
 * page or panel the question sits on is already shown only under it (`enclosing`: their
 * conditions), required-when-shown, and the choices an earlier answer allows. Empty for other items.
 * @example followUpProperties(contactInitiated) // → { visibleIf: '{contact_any} = 1' }
 */
export function followUpProperties(item: Item, enclosing: (string | undefined)[] = []): Record<string, unknown> {
  const followUp = item.askedIf;
  if (!followUp) return {};
  return {
    ...(holds(followUp.visibleIf, enclosing) ? {} : { visibleIf: followUp.visibleIf }),
    ...(followUp.requiredWhenShown ? { isRequired: true } : {}),
    ...(followUp.choicesVisibleIf ? { choicesVisibleIf: followUp.choicesVisibleIf } : {}),
  };
}

/**
 * The SurveyJS question an item becomes, in all five languages, with the skip logic of a
 * follow-up item (see followUpProperties; `enclosing` are the conditions of the page or panel it
 * goes on). `extra` adds questionnaire-level properties such as `validators`; it cannot change
 * the item's name or scale.
 * @example itemToQuestion(trustPolice) // → { type: 'rating', name: 'trust_police', rateMin: 0, rateMax: 10, … }
 */
export function itemToQuestion(item: Item, extra: Record<string, unknown> = {}, enclosing: (string | undefined)[] = []): Record<string, unknown> {
  const question: Record<string, unknown> = { type: item.scale.type, name: item.name, title: localize(item.text) };
  if (item.description) question.description = localize(item.description);
  if (item.required) question.isRequired = true;
  Object.assign(question, followUpProperties(item, enclosing), extra);
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
