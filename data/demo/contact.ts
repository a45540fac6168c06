import { findItem, type Item } from '../../surveys/items/index.ts';
import type { Value } from '../../surveys/items/types.ts';
import { answerItem } from './answer-item.ts';
import { CHANNEL_SATISFACTION, CHANNEL_USE } from './effects.ts';
import type { Random } from './prng.ts';
import type { Person } from './respondent.ts';

/**
 * The contact block, following the questionnaire's skip logic: someone without contact, or who
 * prefers not to say (the ESS refusal code 7, about 2%), answers only `contact_any`; someone with
 * contact names every channel used, then the most recent contact (one of those channels) and how
 * it went, which depends on the channel and on their general attitude.
 */
export function answerContact(items: Item[], person: Person, general: number, random: Random): Record<string, Value | Value[]> {
  if (random.chance(0.02)) return { contact_any: 7 };
  const young = person.ageGroup === '18_29' ? 0.1 : person.ageGroup === '60_plus' ? -0.1 : 0;
  const hadContact = random.chance(0.3 + young + (person.settlement === 'city' ? 0.05 : 0));
  if (!hadContact) return { contact_any: 2 };
  const digital = (person.internetUse - 1) / 2;
  const used = Object.entries(CHANNEL_USE)
    .filter(([, use]) => random.chance(Math.min(0.9, use.base * (use.digital ? digital : 1))))
    .map(([channel]) => channel);
  if (used.length === 0) used.push(random.weighted([['station', 4], ['patrol', 3], ['phone_122', 2]]));
  const channels = Object.keys(CHANNEL_USE).filter((channel) => used.includes(channel));
  const lastChannel = channels[random.integer(0, channels.length - 1)]!;
  const answers: Record<string, Value | Value[]> = {
    contact_any: 1,
    contact_initiated: random.weighted([['self', 50], ['police', 35], ['both', 15]]),
    channels_used: channels,
    last_channel: lastChannel,
    last_reason: random.weighted(lastChannel === 'patrol' ? [['stopped', 70], ['report_other', 15], ['information', 15]] : [
      ['report_crime', 25], ['report_other', 20], ['stopped', 10], ['documents', 20], ['information', 15], ['witness', 5], ['community', 3], ['other', 2],
    ]),
  };
  const experience = 0.5 * general + (CHANNEL_SATISFACTION[lastChannel] ?? 0) + 0.85 * random.normal();
  for (const name of ['last_satisfaction', 'last_respect', 'last_solved']) {
    const value = answerItem(findItem(items, name), experience + 0.5 * random.normal(), random);
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}

/** Awareness of police social media, preferred channels, community policing and safety after dark. */
export function answerChannelsAndCommunity(items: Item[], person: Person, general: number, random: Random): Record<string, Value> {
  const answers: Record<string, Value> = {};
  const set = (name: string, value: Value | undefined) => {
    if (value !== undefined) answers[name] = value;
  };
  const online = (person.internetUse - 3) / 2;
  set('sm_aware', answerItem(findItem(items, 'sm_aware'), online + 0.3 * general - 0.2 + random.normal(0, 0.5), random));
  if (answers.sm_aware === 1) set('sm_follows', answerItem(findItem(items, 'sm_follows'), online - 0.6 + random.normal(0, 0.6), random));
  set('report_online', answerItem(findItem(items, 'report_online'), online + 0.2 * general + random.normal(0, 0.7), random));
  set('pref_channel_report', random.weighted(online > 0
    ? [['station', 25], ['phone_other', 15], ['app', 15], ['online_office', 12], ['website', 10], ['facebook', 10], ['email', 8], ['community_officer', 5]]
    : [['station', 45], ['phone_other', 20], ['phone_122', 10], ['community_officer', 15], ['local_authority', 10]]));
  set('pref_channel_info', random.weighted(online > 0
    ? [['facebook', 35], ['website', 15], ['app', 12], ['media', 20], ['other_social', 8], ['email', 5], ['community_officer', 5]]
    : [['media', 60], ['community_officer', 15], ['safety_meeting', 10], ['local_authority', 10], ['facebook', 5]]));
  set('sm_info_trust', answerItem(findItem(items, 'sm_info_trust'), 0.6 * general + 0.2 * online + random.normal(0, 0.8), random));
  const village = person.settlement === 'village' ? 0.4 : 0;
  set('cp_knows_officer', answerItem(findItem(items, 'cp_knows_officer'), -0.7 + village + 0.2 * general + random.normal(0, 0.5), random));
  set('cp_meeting', answerItem(findItem(items, 'cp_meeting'), -1.6 + village + random.normal(0, 0.4), random));
  set('safe_dark', answerItem(findItem(items, 'safe_dark'), 0.5 + 0.3 * general - (person.sex === 2 ? 0.4 : 0) - (person.settlement === 'city' ? 0.2 : 0) + random.normal(0, 0.8), random));
  return answers;
}

/** The demographic answers, as drawn for the person. */
export function answerDemographics(person: Person): Record<string, Value> {
  return { sex: person.sex, age_group: person.ageGroup, education: person.education, settlement: person.settlement, internet_use: person.internetUse };
}
