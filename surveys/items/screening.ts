import { choices, NO_MISSING, t, YES_NO } from './scales.ts';
import type { Item } from './types.ts';

/** Consent and eligibility (18 or older, lives in Bosnia and Herzegovina). All required. */
export const SCREENING_ITEMS: Item[] = [
  {
    name: 'consent',
    construct: 'screening',
    source: 'Trustlens',
    required: true,
    text: t('Do you agree to take part in this survey?', 'Da li pristajete da učestvujete u ovoj anketi?', 'Pristajete li sudjelovati u ovoj anketi?', 'Da li pristajete da učestvujete u ovoj anketi?'),
    scale: { type: 'radiogroup', ordered: false, choices: choices([1, 2], [t('Yes, I agree', 'Da, pristajem', 'Da, pristajem', 'Da, pristajem'), t('No', 'Ne', 'Ne', 'Ne')]) },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'age_18_plus',
    construct: 'screening',
    askedIf: { visibleIf: '{consent} = 1' },
    source: 'Trustlens',
    required: true,
    text: t('Are you 18 years of age or older?', 'Da li imate 18 ili više godina?', 'Imate li 18 ili više godina?', 'Da li imate 18 ili više godina?'),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO },
    missing: NO_MISSING,
    reverse: false,
  },
  {
    name: 'lives_in_bih',
    construct: 'screening',
    askedIf: { visibleIf: '{consent} = 1 and {age_18_plus} = 1' },
    source: 'Trustlens',
    required: true,
    text: t('Do you live in Bosnia and Herzegovina?', 'Da li živite u Bosni i Hercegovini?', 'Živite li u Bosni i Hercegovini?', 'Da li živite u Bosni i Hercegovini?'),
    scale: { type: 'radiogroup', ordered: false, choices: YES_NO },
    missing: NO_MISSING,
    reverse: false,
  },
];

/** The answer to every screening question that lets a respondent go on ("Yes"). */
export const ELIGIBLE_ANSWER = 1;

/**
 * Whether a record is a screened-out contact rather than an interview: a screening question
 * answered with anything but "Yes" (declined consent, under 18, not living in BiH). Such a record
 * is kept (the contact counts for the response rate) but is never a completed interview. A
 * screening question left unanswered (a version that does not ask it) screens no one out.
 */
export function isScreenedOut(answer: (question: string) => unknown): boolean {
  return SCREENING_ITEMS.some((item) => {
    const value = answer(item.name);
    return value !== null && value !== undefined && !(typeof value === 'number' && value !== value) && value !== ELIGIBLE_ANSWER;
  });
}
