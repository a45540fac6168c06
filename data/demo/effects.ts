import type { LanguageCode } from '../../surveys/types.ts';

/**
 * INVENTED numbers that shape the synthetic demo data so that every screen has something to show.
 * None of them is a finding about Bosnia and Herzegovina.
 */

/** Shift of the general attitude to the police (standard-deviation units) by region. */
export const REGION_SHIFT: Record<string, number> = {
  una_sana: -0.25, posavina: 0.05, tuzla: 0.1, zenica_doboj: 0.05, bosnian_podrinje: 0.2, central_bosnia: -0.1,
  herzegovina_neretva: -0.3, west_herzegovina: 0.3, sarajevo: 0, canton_10: 0.1, republika_srpska: 0.2, brcko: -0.2,
};

/** Change between waves by entity: the second wave is a little warmer in the Federation. */
export const WAVE_SHIFT: Record<string, number> = { fbih: 0.12, republika_srpska: -0.05, brcko: 0.05 };

/** Satisfaction with the most recent contact by its channel (in person and community officer best, 122 worst). */
export const CHANNEL_SATISFACTION: Record<string, number> = {
  station: 0.1, patrol: -0.1, phone_122: -0.35, phone_other: -0.1, community_officer: 0.55, safety_meeting: 0.45,
  website: 0.05, facebook: 0.2, other_social: 0.1, app: 0.3, email: -0.2, online_office: 0.15, local_authority: 0,
};

/** How often each channel is used by someone who had contact; digital ones scale with internet use. */
export const CHANNEL_USE: Record<string, { base: number; digital: boolean }> = {
  station: { base: 0.4, digital: false }, patrol: { base: 0.3, digital: false }, phone_122: { base: 0.2, digital: false },
  phone_other: { base: 0.1, digital: false }, community_officer: { base: 0.1, digital: false }, safety_meeting: { base: 0.05, digital: false },
  website: { base: 0.08, digital: true }, facebook: { base: 0.12, digital: true }, other_social: { base: 0.04, digital: true },
  app: { base: 0.04, digital: true }, email: { base: 0.04, digital: true }, online_office: { base: 0.03, digital: true },
  local_authority: { base: 0.04, digital: false },
};

type LanguageMix = [LanguageCode, number][];
const BOSNIAK_MAJORITY: LanguageMix = [['bs', 90], ['hr', 3], ['sr-Latn', 3], ['sr-Cyrl', 2], ['en', 2]];
const CROAT_MAJORITY: LanguageMix = [['hr', 92], ['bs', 5], ['sr-Latn', 2], ['en', 1]];
const MIXED: LanguageMix = [['bs', 50], ['hr', 45], ['sr-Latn', 2], ['en', 3]];

/** Language the interview was done in, by region (an invented mix, not census language data). */
export const LANGUAGE_MIX: Record<string, LanguageMix> = {
  una_sana: BOSNIAK_MAJORITY, tuzla: BOSNIAK_MAJORITY, zenica_doboj: BOSNIAK_MAJORITY, bosnian_podrinje: BOSNIAK_MAJORITY, sarajevo: BOSNIAK_MAJORITY,
  posavina: CROAT_MAJORITY, west_herzegovina: CROAT_MAJORITY, canton_10: CROAT_MAJORITY,
  central_bosnia: MIXED, herzegovina_neretva: MIXED,
  republika_srpska: [['sr-Cyrl', 60], ['sr-Latn', 30], ['bs', 7], ['hr', 2], ['en', 1]],
  brcko: [['bs', 40], ['sr-Cyrl', 25], ['sr-Latn', 15], ['hr', 18], ['en', 2]],
};

/** Fieldwork start of each wave (interviews spread over the following six weeks). */
export const FIELDWORK_START: Record<number, string> = { 2024: '2024-10-01T08:00:00Z', 2025: '2025-10-01T08:00:00Z' };
