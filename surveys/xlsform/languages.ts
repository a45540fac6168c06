import { SUPPORTED_LANGUAGES, type LanguageCode } from '../types.ts';

/**
 * XLSForm names a column's language after `::` as the form's author wrote it: ODK asks for
 * `Name (code)` (`Bosnian (bs)`), KoBoToolbox writes whatever was typed (`bs`, `Bosanski`,
 * `Serbian Cyrillic`, `Српски`). These map to our codes; a plain `sr` / "Serbian" has no script,
 * so the texts decide (any Cyrillic letter: sr-Cyrl, else sr-Latn).
 */
const BY_NAME: Record<string, LanguageCode | 'sr'> = {
  en: 'en', eng: 'en', english: 'en', 'en-gb': 'en', 'en-us': 'en', engleski: 'en', default: 'en',
  bs: 'bs', bos: 'bs', bosnian: 'bs', bosanski: 'bs', 'bs-latn': 'bs', 'bs-ba': 'bs', босански: 'bs',
  hr: 'hr', hrv: 'hr', croatian: 'hr', hrvatski: 'hr', 'hr-hr': 'hr', хрватски: 'hr',
  'sr-latn': 'sr-Latn', sr_latn: 'sr-Latn', 'serbian latin': 'sr-Latn', 'serbian (latin)': 'sr-Latn', 'srpski latinica': 'sr-Latn',
  'srpski (latinica)': 'sr-Latn', 'srpski - latinica': 'sr-Latn', 'sr-latn-ba': 'sr-Latn', 'sr-latn-rs': 'sr-Latn',
  'sr-cyrl': 'sr-Cyrl', sr_cyrl: 'sr-Cyrl', 'serbian cyrillic': 'sr-Cyrl', 'serbian (cyrillic)': 'sr-Cyrl', 'srpski ćirilica': 'sr-Cyrl',
  'srpski (ćirilica)': 'sr-Cyrl', 'srpski cirilica': 'sr-Cyrl', 'српски': 'sr', 'српски (ћирилица)': 'sr-Cyrl', 'српски ћирилица': 'sr-Cyrl',
  'sr-cyrl-ba': 'sr-Cyrl', 'sr-cyrl-rs': 'sr-Cyrl',
  sr: 'sr', srp: 'sr', serbian: 'sr', srpski: 'sr',
};

const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * The language of an XLSForm column suffix, or undefined when it is none we offer.
 * `texts` are the column's texts, read only for a Serbian name without a script.
 * @example languageOf('Bosnian (bs)', []) // → 'bs'
 * @example languageOf('Serbian', ['Поверење']) // → 'sr-Cyrl'
 */
export function languageOf(suffix: string, texts: readonly string[]): LanguageCode | undefined {
  const written = suffix.trim();
  const code = /\(([^()]+)\)\s*$/.exec(written)?.[1];
  const candidates = [code, written, written.replace(/\s*\([^()]*\)\s*$/, '')].filter((value): value is string => Boolean(value));
  for (const candidate of candidates) {
    const found = BY_NAME[candidate.trim().toLowerCase().replace(/\s+/g, ' ')];
    if (found === 'sr') return texts.some((text) => CYRILLIC.test(text)) ? 'sr-Cyrl' : 'sr-Latn';
    if (found) return found;
  }
  return undefined;
}

export const OFFERED_LANGUAGES = SUPPORTED_LANGUAGES.join(', ');
