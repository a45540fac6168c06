import { ITEM_BANK, localize, residenceItems, type RegionRow } from '../items/index.ts';
import type { SurveyFile } from '../types.ts';
import { buildMeta, type PopulationSource } from './bih-police-trust-meta.ts';
import { buildPages, screeningEndMessages } from './bih-police-trust-pages.ts';
import { COMPLETED_HTML, DESCRIPTION, TITLE } from './bih-police-trust-texts.ts';

export const SLUG = 'bih-police-trust';

/**
 * The full BiH police-trust and contact-channel questionnaire, composed from the item bank and
 * the regions table (passed in: surveys/ reads no files of data/). data/build-instrument.ts calls
 * this and writes surveys/bih-police-trust.json; a test keeps the two equal.
 */
export function buildBihPoliceTrust(regions: RegionRow[], population: PopulationSource): SurveyFile {
  const items = [...ITEM_BANK, ...residenceItems(regions)];
  return {
    slug: SLUG,
    definition: {
      title: localize(TITLE),
      description: localize(DESCRIPTION),
      showQuestionNumbers: 'off',
      showProgressBar: 'top',
      completedHtml: localize(COMPLETED_HTML),
      completedHtmlOnCondition: screeningEndMessages(),
      pages: buildPages(items),
    },
    meta: buildMeta(items, regions, population),
  };
}
