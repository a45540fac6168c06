import { findItem, HAD_CONTACT, itemToQuestion, localize, REGION_EXPRESSION, type Item } from '../items/index.ts';
import { CONSENT_HTML, PAGE_TITLES } from './bih-police-trust-texts.ts';

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

/** The SurveyJS pages of the full instrument, built from the item bank (including the residence items). */
export function buildPages(items: Item[]): Record<string, unknown>[] {
  return LAYOUT.map(([page, visibleIf, elements]) => {
    const questions = elements.map(([name, extra]) => itemToQuestion(findItem(items, name), extra, [visibleIf]));
    const intro = page === 'consent' ? [{ type: 'html', name: 'consent_text', html: localize(CONSENT_HTML) }] : [];
    return {
      name: page,
      title: localize(PAGE_TITLES[page]!),
      ...(visibleIf ? { visibleIf } : {}),
      elements: [...intro, ...questions],
    };
  });
}
