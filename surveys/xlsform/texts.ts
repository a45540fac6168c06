import type { LanguageCode } from '../types.ts';
import type { Texts } from './sheets.ts';

/**
 * Texts in each language as a SurveyJS localizable string: English under `default` (SurveyJS's
 * own default locale, our `en`), the others under their codes. Without English there is no
 * `default`, so the checker names English as missing if a researcher adds it later.
 */
export function surveyText(texts: Texts): string | Record<string, string> | undefined {
  const entries = Object.entries(texts).filter(([, text]) => text) as [LanguageCode, string][];
  if (entries.length === 0) return undefined;
  if (entries.length === 1 && entries[0]![0] === 'en') return entries[0]![1];
  return Object.fromEntries(entries.map(([language, text]) => [language === 'en' ? 'default' : language, text]));
}

/** The same text for each language, e.g. a message we add. */
export function inLanguages(all: Record<LanguageCode, string>, languages: readonly LanguageCode[]): Texts {
  return Object.fromEntries(languages.map((language) => [language, all[language]]));
}

/** Applies `change` to every language's text. */
export function mapTexts(texts: Texts, change: (text: string) => string): Texts {
  return Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, change(text!)]));
}

/** A note's label as HTML: escaped, with XLSForm's markdown for bold, italics and line breaks. */
export function noteHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])[*_](?![\s*_])(.+?)[*_](?![*\w])/g, '$1<em>$2</em>')
    .replace(/\r?\n/g, '<br>');
}

/** "Enter a whole number." in each language we offer (the integer question's check). */
export const WHOLE_NUMBER_MESSAGE: Record<LanguageCode, string> = {
  en: 'Enter a whole number.',
  bs: 'Unesite cijeli broj.',
  hr: 'Unesite cijeli broj.',
  'sr-Latn': 'Unesite ceo broj.',
  'sr-Cyrl': 'Унесите цео број.',
};
