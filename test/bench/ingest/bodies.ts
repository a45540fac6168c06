import { readRegions } from '../../../data/regions.ts';
import { generateDemo } from '../../../data/demo/generate.ts';
import { Random } from '../../../data/demo/prng.ts';

/** A questionnaire the benchmark submits to, with a pool of valid answers (each sent with a fresh id). */
export interface Questionnaire {
  label: 'short' | 'full';
  slug: string;
  /** `"language":…,"answers":…` of each pooled submission, serialised once so the load tool does little per request. */
  pool: string[];
}

const POOL = 2000;
const REGIONS = ['una_sana', 'posavina', 'tuzla', 'zenica_doboj', 'bosnian_podrinje', 'central_bosnia', 'herzegovina_neretva', 'west_herzegovina', 'sarajevo', 'canton_10', 'republika_srpska', 'brcko'];
const CHANNELS = ['station', 'patrol', 'phone_122', 'phone_other', 'community_officer', 'safety_meeting', 'website', 'facebook'];

/** The two-minute questionnaire (surveys/bih-police-trust-short.json): consent and eligibility, region, trust, two fairness items, channels. */
export function shortQuestionnaire(seed = 'bench-ingest'): Questionnaire {
  const random = new Random(seed);
  const pick = <T>(values: T[]) => values[Math.floor(random.next() * values.length)]!;
  const pool = Array.from({ length: POOL }, () => {
    const answers: Record<string, unknown> = { consent: 1, age_18_plus: 1, lives_in_bih: 1, region: pick(REGIONS), trust_police: Math.floor(random.next() * 11) };
    if (random.next() < 0.9) answers.pf_respect = 1 + Math.floor(random.next() * 4);
    if (random.next() < 0.9) answers.pf_fair = 1 + Math.floor(random.next() * 4);
    answers.channels_used = random.next() < 0.3 ? ['none'] : CHANNELS.filter(() => random.next() < 0.3).concat('phone_122').filter((value, index, all) => all.indexOf(value) === index);
    return body(pick(['en', 'bs']), answers);
  });
  return { label: 'short', slug: 'bih-police-trust-short', pool };
}

/** The full instrument (surveys/bih-police-trust.json), answered as the demo generator answers it. */
export function fullQuestionnaire(seed = 'bench-ingest'): Questionnaire {
  const rows = generateDemo({ responses: POOL, seed, regions: readRegions(), waves: [2025] });
  return { label: 'full', slug: 'bih-police-trust', pool: rows.map((row) => body(row.language, row.answers)) };
}

function body(language: string, answers: Record<string, unknown>): string {
  return `"language":${JSON.stringify(language)},"answers":${JSON.stringify(answers)}`;
}
