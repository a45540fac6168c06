import { NO_MISSING, t } from './scales.ts';
import type { Item, Texts } from './types.ts';

export const ENTITIES = ['fbih', 'republika_srpska', 'brcko'] as const;
export type Entity = (typeof ENTITIES)[number];

/**
 * One row of the regions table (data/regions.csv): a canton of the Federation, or Republika
 * Srpska or Brčko District as one region each, with its 2013 census population. Passed in by
 * whoever builds a questionnaire, since surveys/ imports nothing outside itself.
 */
export interface RegionRow {
  id: string;
  entity: Entity;
  name: Texts;
  population: number;
}

const ENTITY_NAMES: Record<Entity, Texts> = {
  fbih: t('Federation of Bosnia and Herzegovina', 'Federacija Bosne i Hercegovine', 'Federacija Bosne i Hercegovine', 'Federacija Bosne i Hercegovine'),
  republika_srpska: t('Republika Srpska', 'Republika Srpska', 'Republika Srpska', 'Republika Srpska'),
  brcko: t('Brčko District of Bosnia and Herzegovina', 'Brčko distrikt Bosne i Hercegovine', 'Brčko distrikt Bosne i Hercegovine', 'Brčko distrikt Bosne i Hercegovine'),
};

/** SurveyJS expression giving the region from the entity and canton answers. */
export const REGION_EXPRESSION = "iif({entity} = 'fbih', {canton}, {entity})";

/**
 * Where the respondent lives: the entity, then the canton for the Federation, and the region
 * (canton, or the entity when it is one region) worked out from those two; `region` is the
 * stratum and the region dimension. Regions outside the Federation must carry their entity's id.
 */
export function residenceItems(regions: RegionRow[]): Item[] {
  const cantons = regions.filter((region) => region.entity === 'fbih');
  return [
    {
      name: 'entity',
      construct: 'residence',
      source: 'Trustlens',
      required: true,
      text: t('Where do you live?', 'Gdje živite?', 'Gdje živite?', 'Gdje živite?'),
      scale: { type: 'radiogroup', ordered: false, choices: ENTITIES.map((entity) => ({ value: entity, text: ENTITY_NAMES[entity] })) },
      missing: NO_MISSING,
      reverse: false,
    },
    {
      name: 'canton',
      construct: 'residence',
    askedIf: { visibleIf: "{entity} = 'fbih'" },
      source: 'Trustlens',
      required: true,
      text: t('In which canton do you live?', 'U kojem kantonu živite?', 'U kojoj županiji (kantonu) živite?', 'U kom kantonu živite?'),
      scale: { type: 'dropdown', ordered: false, choices: cantons.map((region) => ({ value: region.id, text: region.name })) },
      missing: NO_MISSING,
      reverse: false,
    },
    {
      name: 'region',
      construct: 'residence',
      source: `Trustlens; worked out as ${REGION_EXPRESSION}`,
      text: t('Region (worked out from the answers above)', 'Regija (izvedena iz odgovora iznad)', 'Regija (izvedena iz gornjih odgovora)', 'Regija (izvedena iz odgovora iznad)'),
      scale: { type: 'dropdown', ordered: false, choices: regions.map((region) => ({ value: region.id, text: region.name })) },
      missing: NO_MISSING,
      reverse: false,
    },
  ];
}
