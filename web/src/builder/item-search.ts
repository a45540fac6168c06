import { CONSTRUCTS, type Construct, type Item } from '../../../surveys/items/index.ts';

export interface ItemFilter {
  /** Words to find in the item's name, ESS variable or text (any language). */
  query: string;
  construct: Construct | '';
  /** '' = any; 'ess' = only items with an ESS variable; otherwise that ESS variable. */
  ess: string;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Items matching every word of the query and the construct and ESS filters, in bank order. */
export function searchItems(items: Item[], filter: ItemFilter): Item[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.construct && item.construct !== filter.construct) return false;
    if (filter.ess === 'ess' && !item.ess) return false;
    if (filter.ess && filter.ess !== 'ess' && item.ess !== filter.ess) return false;
    const haystack = fold([item.name, item.ess ?? '', item.source, ...Object.values(item.text)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** The ESS variables present in the bank, sorted. */
export function essVariables(items: Item[]): string[] {
  return [...new Set(items.map((item) => item.ess).filter((ess): ess is string => Boolean(ess)))].sort();
}

/** The constructs that have items, in the bank's order, with their names. */
export function constructsOf(items: Item[]): { id: Construct; label: string; count: number }[] {
  const ids = [...new Set(items.map((item) => item.construct))];
  return ids.map((id) => ({ id, label: CONSTRUCTS[id], count: items.filter((item) => item.construct === id).length }));
}

/**
 * An item's scale in a few words, for the list.
 * @example describeScale(trustPolice) // → 'rating 0–10'
 */
export function describeScale(item: Item): string {
  const scale = item.scale;
  if (scale.type === 'rating') return `rating ${scale.min}–${scale.max}`;
  if (scale.type === 'checkbox') return `multiple response, ${scale.choices.length} choices`;
  return `${scale.choices.length} choices, ${scale.ordered ? 'ordered' : 'nominal'}`;
}

/** Languages an item is available in: the four written ones, plus Serbian Cyrillic generated from Serbian Latin. */
export function itemLanguages(item: Item): string[] {
  const written = Object.entries(item.text).filter(([, text]) => text.trim()).map(([language]) => language);
  return written.includes('sr-Latn') ? [...written, 'sr-Cyrl'] : written;
}
