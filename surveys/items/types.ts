/**
 * The item bank's format. An item is one question with a permanent name, the construct it
 * measures, its scale and its text in every language. Serbian Cyrillic is never stored: it is
 * generated from Serbian Latin (see ../transliterate.ts) when an item becomes a SurveyJS question.
 */

/** An item's text in the four languages we write by hand. */
export interface Texts {
  en: string;
  bs: string;
  hr: string;
  'sr-Latn': string;
}

export const CONSTRUCTS = {
  screening: 'Consent and eligibility',
  residence: 'Where the respondent lives',
  institutional_trust: 'Institutional trust in the police (0-10)',
  comparison_trust: 'Trust in comparison institutions (0-10)',
  confidence: 'Confidence in the police (WVS/EVS, 4-point)',
  effectiveness: 'Police effectiveness',
  procedural_fairness: 'Procedural fairness',
  distributive_fairness: 'Distributive fairness',
  integrity: 'Police integrity and lawfulness',
  legitimacy_obligation: 'Legitimacy: felt obligation to obey',
  legitimacy_moral_alignment: 'Legitimacy: moral alignment',
  contact: 'Contact with the police in the last 12 months',
  channels: 'Channel awareness and preference',
  community_policing: 'Community policing',
  safety: 'Feeling of safety',
  demographics: 'Demographics',
} as const;
export type Construct = keyof typeof CONSTRUCTS;

export type Value = number | string;

export interface Choice {
  value: Value;
  text: Texts;
}

/**
 * A value that is not an answer on the scale. `offered` codes are shown to the respondent as
 * extra choices ("Don't know"); the others are the codes an export writes for an unanswered
 * item (ESS: 77/88/99 on 0-10 items, 7/8/9 on shorter ones).
 */
export interface MissingCode {
  value: number;
  meaning: 'refusal' | 'dont_know' | 'no_answer' | 'not_applicable';
  offered: boolean;
  text?: Texts;
}

/** 0…10 (or other numeric range) shown as a row of buttons with the two ends labelled. */
export interface RatingScale {
  type: 'rating';
  min: number;
  max: number;
  minText: Texts;
  maxText: Texts;
  favourable: number[];
  unfavourable?: number[];
}

/** A list of labelled choices; `ordered` scales may be averaged, nominal ones only counted. */
export interface ChoiceScale {
  type: 'radiogroup' | 'dropdown';
  choices: Choice[];
  ordered: boolean;
  favourable?: Value[];
  unfavourable?: Value[];
}

/** Several choices may be ticked (multiple response). */
export interface MultipleScale {
  type: 'checkbox';
  choices: Choice[];
}

export type Scale = RatingScale | ChoiceScale | MultipleScale;

/**
 * How a follow-up item is asked: only after an earlier answer makes it apply ("How did you contact
 * the police?" only for someone who had contact). Wherever the item is added to a questionnaire
 * (the full instrument, composeFromItems, the builder) its question carries this condition, and
 * the checker warns when a questionnaire asks it without the condition or without the filter
 * questions the condition reads.
 */
export interface FollowUp {
  /** SurveyJS condition on earlier answers, e.g. `{contact_any} = 1`; the questions it names are the filter questions. */
  visibleIf: string;
  /** Required whenever it is shown (its answer steers later questions). */
  requiredWhenShown?: boolean;
  /** SurveyJS `choicesVisibleIf`: offer only the choices an earlier answer allows. */
  choicesVisibleIf?: string;
}

export interface Item {
  /** Permanent question name: answers are stored under it in every version. */
  name: string;
  construct: Construct;
  /** European Social Survey variable the item corresponds to, when it does. */
  ess?: string;
  /** Where the wording comes from: "ESS5 trstplc (adapted)", "WVS E069_17", "Trustlens". */
  source: string;
  text: Texts;
  description?: Texts;
  scale: Scale;
  missing: MissingCode[];
  /** True when a higher value means a less favourable view, so a scale score mirrors it. */
  reverse: boolean;
  /** The questionnaire cannot go on without an answer (consent, where one lives, skip-logic keys). */
  required?: boolean;
  /** Asked only after an earlier answer (a follow-up question); absent for items everyone is asked. */
  askedIf?: FollowUp;
}
