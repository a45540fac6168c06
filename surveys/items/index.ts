import { CHANNEL_ITEMS } from './channels.ts';
import { COMMUNITY_ITEMS } from './community.ts';
import { CONTACT_ITEMS } from './contact.ts';
import { DEMOGRAPHIC_ITEMS } from './demographics.ts';
import { EFFECTIVENESS_ITEMS } from './effectiveness.ts';
import { FAIRNESS_ITEMS } from './fairness.ts';
import { INTEGRITY_ITEMS } from './integrity.ts';
import { LEGITIMACY_ITEMS } from './legitimacy.ts';
import { SCREENING_ITEMS } from './screening.ts';
import { TRUST_ITEMS } from './trust.ts';
import type { Item } from './types.ts';

export type { Item, Texts, Construct, Scale, Choice, MissingCode, FollowUp } from './types.ts';
export { HAD_CONTACT } from './contact.ts';
export { ELIGIBLE_ANSWER, isScreenedOut, SCREENING_ITEMS } from './screening.ts';
export { CONSTRUCTS } from './types.ts';
export { residenceItems, REGION_EXPRESSION, ENTITIES, type RegionRow, type Entity } from './residence.ts';
export { CHANNELS } from './channel-list.ts';
export { followUpProperties, itemToQuestion, localize } from './to-question.ts';
export { checkItems } from './check-items.ts';

/**
 * The item bank: every validated item that does not depend on a reference table. The residence
 * items (entity, canton, region) are made from the regions table with `residenceItems(regions)`.
 */
export const ITEM_BANK: Item[] = [
  ...SCREENING_ITEMS,
  ...TRUST_ITEMS,
  ...EFFECTIVENESS_ITEMS,
  ...FAIRNESS_ITEMS,
  ...INTEGRITY_ITEMS,
  ...LEGITIMACY_ITEMS,
  ...CONTACT_ITEMS,
  ...CHANNEL_ITEMS,
  ...COMMUNITY_ITEMS,
  ...DEMOGRAPHIC_ITEMS,
];

/** The item with this permanent name; throws when there is none, since a layout naming a missing item is a bug. */
export function findItem(items: Item[], name: string): Item {
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no item named "${name}" in the item bank`);
  return item;
}
