import { ITEM_BANK, residenceItems, type RegionRow } from '../../surveys/items/index.ts';
import type { LanguageCode } from '../../surveys/types.ts';
import { answerConstructs } from './attitudes.ts';
import { answerChannelsAndCommunity, answerContact, answerDemographics } from './contact.ts';
import { drawSample } from './design.ts';
import { FIELDWORK_START, REGION_SHIFT, WAVE_SHIFT } from './effects.ts';
import { Random, uuidFrom } from './prng.ts';
import { drawPerson } from './respondent.ts';

/** One synthetic interview, ready to be stored as a response to the `bih-police-trust` questionnaire. */
export interface DemoRow {
  id: string;
  answers: Record<string, unknown>;
  language: LanguageCode;
  mode: 'web' | 'enumerator';
  startedAt: string;
  completedAt: string;
  stratum: string;
  psu: string;
  weight: number;
  wave: number;
  isSynthetic: true;
}

export interface DemoOptions {
  responses: number;
  seed: number | string;
  regions: RegionRow[];
  /** Survey waves; the responses are split evenly between them. Default 2024 and 2025. */
  waves?: number[];
}

/**
 * SYNTHETIC demo data for the full instrument: a stratified cluster sample per wave (strata =
 * regions, PSUs = sampling points), design weights that add up to the 2013 population, answers
 * correlated within each construct, invented regional, wave and channel differences, some item
 * non-response, and interviews in all five languages. The same options always give the same rows.
 */
export function generateDemo(options: DemoOptions): DemoRow[] {
  const waves = options.waves ?? [2024, 2025];
  const items = [...ITEM_BANK, ...residenceItems(options.regions)];
  const entityOf = new Map(options.regions.map((region) => [region.id, region.entity]));
  const rows: DemoRow[] = [];
  waves.forEach((wave, waveIndex) => {
    const interviews = Math.floor(options.responses / waves.length) + (waveIndex < options.responses % waves.length ? 1 : 0);
    const random = new Random(`trustlens-demo:${options.seed}:${wave}`);
    for (const point of drawSample(options.regions, interviews, wave)) {
      const entity = entityOf.get(point.stratum)!;
      const pointShift = random.normal(0, 0.3);
      for (let interview = 0; interview < point.interviews; interview += 1) {
        const person = drawPerson(random, point.stratum);
        const general = (REGION_SHIFT[point.stratum] ?? 0) + (waveIndex > 0 ? (WAVE_SHIFT[entity] ?? 0) : 0) + pointShift + random.normal(0, 0.9);
        const residence = entity === 'fbih' ? { entity, canton: point.stratum, region: point.stratum } : { entity, region: point.stratum };
        const answers = {
          consent: 1, age_18_plus: 1, lives_in_bih: 1, ...residence,
          ...answerConstructs(items, general, random),
          ...answerContact(items, person, general, random),
          ...answerChannelsAndCommunity(items, person, general, random),
          ...answerDemographics(person),
        };
        const started = Date.parse(FIELDWORK_START[wave] ?? `${wave}-10-01T08:00:00Z`) + random.integer(0, 42) * 86_400_000 + random.integer(0, 11 * 60) * 60_000;
        rows.push({
          id: uuidFrom(`trustlens-demo:${options.seed}:${wave}:${point.psu}:${interview}`),
          answers,
          language: person.language,
          mode: person.mode,
          startedAt: new Date(started).toISOString(),
          completedAt: new Date(started + random.integer(7, 25) * 60_000).toISOString(),
          stratum: point.stratum,
          psu: point.psu,
          weight: point.weight,
          wave,
          isSynthetic: true,
        });
      }
    }
  });
  return rows;
}
