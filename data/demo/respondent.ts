import type { LanguageCode } from '../../surveys/types.ts';
import { LANGUAGE_MIX } from './effects.ts';
import type { Random } from './prng.ts';

/** Who a synthetic respondent is, before any attitude is drawn. */
export interface Person {
  sex: 1 | 2;
  ageGroup: '18_29' | '30_44' | '45_59' | '60_plus';
  education: 'primary' | 'secondary' | 'higher';
  settlement: 'city' | 'town' | 'village';
  internetUse: 1 | 2 | 3 | 4 | 5;
  language: LanguageCode;
  mode: 'web' | 'enumerator';
}

const CITY_REGIONS = new Set(['sarajevo', 'tuzla', 'brcko']);

/** Draws sex, age group, education, settlement, internet use, interview language and mode. */
export function drawPerson(random: Random, region: string): Person {
  const sex = random.chance(0.515) ? 2 : 1;
  const ageGroup = random.weighted<Person['ageGroup']>([['18_29', 20], ['30_44', 25], ['45_59', 27], ['60_plus', 28]]);
  const old = ageGroup === '60_plus' ? 1 : ageGroup === '45_59' ? 0.5 : 0;
  const education = random.weighted<Person['education']>([['primary', 18 + 25 * old], ['secondary', 55], ['higher', 22 - 8 * old]]);
  const settlement = CITY_REGIONS.has(region)
    ? random.weighted<Person['settlement']>([['city', 55], ['town', 20], ['village', 25]])
    : random.weighted<Person['settlement']>([['city', 20], ['town', 30], ['village', 50]]);
  const online = 1.6 - 1.4 * old + (education === 'higher' ? 0.6 : 0) + (settlement === 'city' ? 0.3 : 0) + random.normal(0, 0.8);
  const internetUse = Math.min(5, Math.max(1, Math.round(3 + online))) as Person['internetUse'];
  const language = random.weighted(LANGUAGE_MIX[region] ?? [['bs', 1]]);
  const mode = random.chance(internetUse === 5 ? 0.4 : 0.1) ? 'web' : 'enumerator';
  return { sex, ageGroup, education, settlement, internetUse, language, mode };
}
