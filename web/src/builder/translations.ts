import { latinToCyrillic } from '../../../surveys/transliterate.ts';
import type { LanguageCode } from '../../../surveys/types.ts';

/** A SurveyJS localizable string: `{ default, bs, hr, 'sr-Latn', 'sr-Cyrl' }` (`default` is English). */
export type LocalText = Record<string, string>;

/** SurveyJS keeps English under `default`. */
export function localeKey(language: LanguageCode): string {
  return language === 'en' ? 'default' : language;
}

/** Reads any SurveyJS text (plain string or localizable object) as a localizable object. */
export function asLocalText(value: unknown): LocalText {
  if (typeof value === 'string') return { default: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return {};
}

export function textIn(value: unknown, language: LanguageCode): string {
  return asLocalText(value)[localeKey(language)] ?? '';
}

/**
 * Sets one language of a text. Serbian Cyrillic follows Serbian Latin automatically while it is
 * still what transliteration gives (or empty); once a researcher has typed their own Cyrillic,
 * it is theirs and a later Latin edit leaves it alone.
 * @example setText({}, 'sr-Latn', 'Ljudi') // → { 'sr-Latn': 'Ljudi', 'sr-Cyrl': 'Људи' }
 */
export function setText(value: unknown, language: LanguageCode, text: string): LocalText {
  const current = asLocalText(value);
  const next: LocalText = { ...current, [localeKey(language)]: text };
  if (language === 'sr-Latn' && !isCyrillicOverridden(current)) {
    next['sr-Cyrl'] = latinToCyrillic(text);
  }
  for (const key of Object.keys(next)) if (next[key] === '') delete next[key];
  return next;
}

/** True when the Cyrillic text was written by hand rather than generated from the Latin one. */
export function isCyrillicOverridden(value: unknown): boolean {
  const texts = asLocalText(value);
  const cyrillic = texts['sr-Cyrl'];
  if (!cyrillic) return false;
  return cyrillic !== latinToCyrillic(texts['sr-Latn'] ?? '');
}

/** Puts the Cyrillic text back to what transliteration of the Latin gives. */
export function resetCyrillic(value: unknown): LocalText {
  const texts = asLocalText(value);
  return { ...texts, 'sr-Cyrl': latinToCyrillic(texts['sr-Latn'] ?? '') };
}

/** Languages of `languages` in which the text is missing or blank. */
export function missingLanguages(value: unknown, languages: LanguageCode[]): LanguageCode[] {
  return languages.filter((language) => !textIn(value, language).trim());
}

/** Fills Serbian Cyrillic from Serbian Latin wherever Cyrillic is missing, throughout a definition. */
export function fillCyrillic(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fillCyrillic);
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (typeof record['sr-Latn'] === 'string' && !record['sr-Cyrl']) {
    return { ...record, 'sr-Cyrl': latinToCyrillic(record['sr-Latn']) };
  }
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fillCyrillic(value)]));
}
