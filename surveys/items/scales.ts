import type { Choice, MissingCode, RatingScale, Texts, Value } from './types.ts';

/** Shorthand for a text in our four hand-written languages. */
export function t(en: string, bs: string, hr: string, srLatn: string): Texts {
  return { en, bs, hr, 'sr-Latn': srLatn };
}

/** Labelled choices from values and texts given in the same order. */
export function choices(values: Value[], texts: Texts[]): Choice[] {
  if (values.length !== texts.length) throw new Error(`choices: ${values.length} values but ${texts.length} texts`);
  return values.map((value, index) => ({ value, text: texts[index]! }));
}

/** A 0-10 rating; 6-10 favourable and 0-4 unfavourable, as the project's top-box rule. */
export function zeroToTen(minText: Texts, maxText: Texts): RatingScale {
  return { type: 'rating', min: 0, max: 10, minText, maxText, favourable: [6, 7, 8, 9, 10], unfavourable: [0, 1, 2, 3, 4] };
}

/** ESS export codes for an unanswered 0-10 item; none is shown to the respondent. */
export const MISSING_0_10: MissingCode[] = [
  { value: 77, meaning: 'refusal', offered: false },
  { value: 88, meaning: 'dont_know', offered: false },
  { value: 99, meaning: 'no_answer', offered: false },
];

export const DONT_KNOW_TEXT = t("Don't know", 'Ne znam', 'Ne znam', 'Ne znam');

/** On short scales "Don't know" (8) is offered; 7 and 9 are ESS export codes for refusal and no answer. */
export const MISSING_SHORT: MissingCode[] = [
  { value: 7, meaning: 'refusal', offered: false },
  { value: 8, meaning: 'dont_know', offered: true, text: DONT_KNOW_TEXT },
  { value: 9, meaning: 'no_answer', offered: false },
];

/** ESS frequency scale of the procedural-fairness items: 1 not at all often … 4 very often. */
export const OFTEN_4: Choice[] = choices([1, 2, 3, 4], [
  t('Not at all often', 'Nimalo često', 'Nimalo često', 'Nimalo često'),
  t('Not very often', 'Ne baš često', 'Ne baš često', 'Ne baš često'),
  t('Often', 'Često', 'Često', 'Često'),
  t('Very often', 'Vrlo često', 'Vrlo često', 'Veoma često'),
]);

/** ESS agreement scale: 1 agree strongly … 5 disagree strongly (low values favourable). */
export const AGREE_5: Choice[] = choices([1, 2, 3, 4, 5], [
  t('Agree strongly', 'Potpuno se slažem', 'Potpuno se slažem', 'Potpuno se slažem'),
  t('Agree', 'Slažem se', 'Slažem se', 'Slažem se'),
  t('Neither agree nor disagree', 'Niti se slažem niti se ne slažem', 'Niti se slažem niti se ne slažem', 'Niti se slažem niti se ne slažem'),
  t('Disagree', 'Ne slažem se', 'Ne slažem se', 'Ne slažem se'),
  t('Disagree strongly', 'Uopće se ne slažem', 'Uopće se ne slažem', 'Uopšte se ne slažem'),
]);

/** Yes = 1, No = 2, as ESS codes yes/no items. */
export const YES_NO: Choice[] = choices([1, 2], [t('Yes', 'Da', 'Da', 'Da'), t('No', 'Ne', 'Ne', 'Ne')]);

/** Satisfaction, 1 very dissatisfied … 5 very satisfied. */
export const SATISFIED_5: Choice[] = choices([1, 2, 3, 4, 5], [
  t('Very dissatisfied', 'Veoma nezadovoljan/na', 'Vrlo nezadovoljan/na', 'Veoma nezadovoljan/na'),
  t('Dissatisfied', 'Nezadovoljan/na', 'Nezadovoljan/na', 'Nezadovoljan/na'),
  t('Neither satisfied nor dissatisfied', 'Niti zadovoljan/na niti nezadovoljan/na', 'Niti zadovoljan/na niti nezadovoljan/na', 'Niti zadovoljan/na niti nezadovoljan/na'),
  t('Satisfied', 'Zadovoljan/na', 'Zadovoljan/na', 'Zadovoljan/na'),
  t('Very satisfied', 'Veoma zadovoljan/na', 'Vrlo zadovoljan/na', 'Veoma zadovoljan/na'),
]);

export const PREFER_NOT_TO_SAY_TEXT = t('Prefer not to say', 'Ne želim odgovoriti', 'Ne želim odgovoriti', 'Ne želim da odgovorim');

/**
 * A question everyone must answer because it decides which questions follow, but that some may
 * not want to answer (contact with the police): "Prefer not to say" is offered as the ESS refusal
 * code 7, so declining is an answer of its own and never counted as a value.
 */
export const REFUSAL_OFFERED: MissingCode[] = [{ value: 7, meaning: 'refusal', offered: true, text: PREFER_NOT_TO_SAY_TEXT }];

/** ESS export codes for an unanswered short item when "Don't know" is not offered. */
export const MISSING_SHORT_EXPORT: MissingCode[] = MISSING_SHORT.map(({ value, meaning }) => ({ value, meaning, offered: false }));

/** Codes for questions about facts (screening, residence, demographics): no missing codes. */
export const NO_MISSING: MissingCode[] = [];
