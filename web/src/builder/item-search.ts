import { stemmer as serbianStem } from '@orama/stemmers/serbian';
import MiniSearch from 'minisearch';
import { CONSTRUCTS, type Construct, type Item } from '../../../surveys/items/index.ts';
import { cyrillicToLatin } from '../../../surveys/transliterate.ts';

export interface ItemFilter {
  /** Words to find in the item's name, ESS variable, text, description or choices (any language). */
  query: string;
  construct: Construct | '';
  /** '' = any; 'ess' = only items with an ESS variable; otherwise that ESS variable. */
  ess: string;
}

/**
 * A search term as it is indexed and looked up: Serbian Cyrillic read as Latin (so поверење finds
 * povjerenje), lower case, đ as dj, and without diacritics (č, ć → c; š → s; ž → z), so a query
 * typed on a keyboard without BCS letters finds every item.
 * @example foldTerm('Сигурност') // → 'sigurnost'
 */
export function foldTerm(term: string): string {
  return cyrillicToLatin(term).toLowerCase().replace(/đ/g, 'dj').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Fields of an item that search looks in, with their weight in the ranking. */
const BOOST = { name: 3, ess: 3, text: 2, description: 1, choices: 0.5, source: 1 };

interface Indexed {
  id: string;
  name: string;
  ess: string;
  text: string;
  description: string;
  choices: string;
  source: string;
}

function indexed(item: Item): Indexed {
  const scale = item.scale;
  const choices = scale.type === 'rating' ? [scale.minText, scale.maxText] : scale.choices.map((choice) => choice.text);
  return {
    id: item.name,
    // Names are found as written and as words: trust_police by "trust police" too.
    name: `${item.name} ${item.name.replace(/_/g, ' ')}`,
    ess: item.ess ?? '',
    text: Object.values(item.text).join(' '),
    description: item.description ? Object.values(item.description).join(' ') : '',
    choices: choices.flatMap((text) => Object.values(text)).join(' '),
    source: item.source,
  };
}

/**
 * The stem of a folded word: its case and number endings removed, and ijekavian read as ekavian
 * (povjerenje, povjerenja, povjerenju → poverenj; sigurnost, sigurno → sigurn; sudove, sudovima →
 * sudov; mjeseci → mesec), by Orama's Serbian stemmer, which serves Bosnian and Croatian as well:
 * the three share their grammar. English words pass almost unchanged (police → polic).
 * @example stemTerm('povjerenja') // → 'poverenj'
 */
export function stemTerm(folded: string): string {
  return serbianStem(folded);
}

/**
 * The bank's items indexed for word search (MiniSearch): names, ESS variables, texts,
 * descriptions and choices in every language, and the source of the wording. Every word is
 * folded (foldTerm) and indexed as written and as its stem (stemTerm); "Trustlens" in a source
 * is the project's name, not a word to find items by.
 */
export function itemIndex(items: Item[]): MiniSearch<Indexed> {
  const index = new MiniSearch<Indexed>({
    fields: Object.keys(BOOST),
    processTerm: (term, field) => {
      const folded = foldTerm(term);
      if (folded === '' || (field === 'source' && folded === 'trustlens')) return null;
      const stem = stemTerm(folded);
      return stem && stem !== folded ? [folded, stem] : folded;
    },
    // A query word is looked up by its stem, so every form of it finds every other.
    searchOptions: { processTerm: (term) => stemTerm(foldTerm(term)) || null },
  });
  index.addAll(items.map(indexed));
  return index;
}

const indexes = new WeakMap<Item[], MiniSearch<Indexed>>();

/**
 * Items whose words match every word of the query, best match first (bank order without a
 * query), within the construct and ESS filters. A query word matches by its stem (stemTerm:
 * "povjerenje" finds "povjerenja", "sigurnost" finds "sigurno", "sudovima" finds "sudove"), as
 * the start of a longer word ("kontakt" finds "kontaktirali"), or with one typing slip in words of
 * five letters or more (two from nine: "succesful"), in any script and with or without diacritics
 * ("поверење", "ucestvujete").
 */
export function searchItems(items: Item[], filter: ItemFilter): Item[] {
  const inFilter = (item: Item) => {
    if (filter.construct && item.construct !== filter.construct) return false;
    if (filter.ess === 'ess' && !item.ess) return false;
    return !(filter.ess && filter.ess !== 'ess' && item.ess !== filter.ess);
  };
  if (!filter.query.trim()) return items.filter(inFilter);
  let index = indexes.get(items);
  if (!index) {
    index = itemIndex(items);
    indexes.set(items, index);
  }
  const byName = new Map(items.map((item) => [item.name, item]));
  return index.search(filter.query, {
    combineWith: 'AND',
    boost: BOOST,
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length < 5 ? false : term.length < 9 ? 1 : 2),
  }).map((result) => byName.get(String(result.id))!).filter(inFilter);
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
