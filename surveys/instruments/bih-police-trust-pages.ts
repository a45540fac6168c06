import { findItem, HAD_CONTACT, itemToQuestion, localize, REGION_EXPRESSION, type Item } from '../items/index.ts';
import type { Texts } from '../items/types.ts';
import { CONSENT_HTML, DECLINED_HTML, INELIGIBLE_HTML, PAGE_TITLES } from './bih-police-trust-texts.ts';

/**
 * Later pages are hidden from a respondent who declines or is not eligible (under 18, not living
 * in BiH). Written as "not screened out" rather than "eligible" so that Next, not Complete, shows
 * before the screening questions are answered (they are required, so no one passes unanswered).
 */
export const ELIGIBLE = '{consent} <> 2 and {age_18_plus} <> 2 and {lives_in_bih} <> 2';

type Element = [name: string, extra?: Record<string, unknown>];

/**
 * Page name, the condition under which it is shown, and its questions in order. The follow-up
 * questions' own conditions (age_18_plus after consent, canton in the Federation, the contact
 * questions after contact_any, sm_follows after sm_aware) come from the item bank (`askedIf`);
 * a page shown only under an item's condition (last_contact) makes it unnecessary on the question.
 */
const LAYOUT: [page: string, visibleIf: string | undefined, elements: Element[]][] = [
  ['consent', undefined, [['consent'], ['age_18_plus'], ['lives_in_bih']]],
  ['residence', ELIGIBLE, [
    ['entity'],
    ['canton'],
    // Hidden, so survey-core's default clearInvisibleValues 'onComplete' would drop the computed
    // region on completion and the server (which requires it) would refuse every submission;
    // 'none' keeps it. test/e2e/full-instrument.test.ts fails without it.
    ['region', { visible: false, clearIfInvisible: 'none', setValueExpression: REGION_EXPRESSION }],
  ]],
  ['trust', ELIGIBLE, [['trust_police'], ['trust_courts'], ['trust_local_gov'], ['conf_police']]],
  ['effectiveness', ELIGIBLE, [['eff_prevent'], ['eff_burglars'], ['eff_arrive']]],
  ['fairness', ELIGIBLE, [['pf_respect'], ['pf_fair'], ['pf_explain'], ['df_rich_poor'], ['df_ethnic']]],
  ['integrity', ELIGIBLE, [['int_bribes'], ['int_force'], ['int_law']]],
  ['legitimacy', ELIGIBLE, [['leg_back_decisions'], ['leg_do_as_told'], ['leg_despite_treatment'], ['leg_right_wrong'], ['leg_values'], ['leg_support']]],
  ['contact', ELIGIBLE, [['contact_any'], ['contact_initiated'], ['channels_used']]],
  ['last_contact', `${ELIGIBLE} and ${HAD_CONTACT}`, [['last_channel'], ['last_reason'], ['last_satisfaction'], ['last_respect'], ['last_solved']]],
  ['channels', ELIGIBLE, [['sm_aware'], ['sm_follows'], ['report_online'], ['pref_channel_report'], ['pref_channel_info'], ['sm_info_trust']]],
  ['community', ELIGIBLE, [['cp_knows_officer'], ['cp_meeting'], ['safe_dark']]],
  ['about_you', ELIGIBLE, [['sex'], ['age_group'], ['education'], ['settlement'], ['internet_use']]],
];

/** The consent and eligibility questions, as every Trustlens questionnaire opens. */
export const SCREENING_ELEMENTS: Element[] = LAYOUT[0]![2];

/**
 * The first page of a questionnaire: the information text (what taking part means, what is
 * recorded, which questions must be answered), then consent and eligibility. A respondent who
 * declines or is not eligible is shown the questionnaire's end message and nothing else.
 */
export function screeningPage(items: Item[], consentHtml: Texts): Record<string, unknown> {
  return {
    name: 'consent',
    title: localize(PAGE_TITLES.consent!),
    elements: [
      { type: 'html', name: 'consent_text', html: localize(consentHtml) },
      ...SCREENING_ELEMENTS.map(([name, extra]) => itemToQuestion(findItem(items, name), extra, [undefined])),
    ],
  };
}

/**
 * The end messages of a screened-out contact (`completedHtmlOnCondition`): one for a declined
 * consent, one for someone under 18 or not living in BiH. The respondent page shows them instead
 * of its own "your answers have been saved".
 */
export function screeningEndMessages(): { expression: string; html: Record<string, string> }[] {
  return [
    { expression: '{consent} = 2', html: localize(DECLINED_HTML) },
    { expression: '{consent} = 1 and ({age_18_plus} = 2 or {lives_in_bih} = 2)', html: localize(INELIGIBLE_HTML) },
  ];
}

/** The SurveyJS pages of the full instrument, built from the item bank (including the residence items). */
export function buildPages(items: Item[]): Record<string, unknown>[] {
  return LAYOUT.map(([page, visibleIf, elements]) => {
    if (page === 'consent') return screeningPage(items, CONSENT_HTML);
    const questions = elements.map(([name, extra]) => itemToQuestion(findItem(items, name), extra, [visibleIf]));
    return {
      name: page,
      title: localize(PAGE_TITLES[page]!),
      ...(visibleIf ? { visibleIf } : {}),
      elements: questions,
    };
  });
}
