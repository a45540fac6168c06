import type { LanguageCode } from './types.ts';

/**
 * SurveyJS keeps the default language's text under the key "default"; we call it `en`.
 * These two helpers translate between a Trustlens language code and a SurveyJS locale key.
 */
export function surveyJsLocale(language: LanguageCode): string {
  return language === 'en' ? '' : language;
}

/** Names of each language in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: 'English',
  bs: 'Bosanski',
  hr: 'Hrvatski',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

/** Reads a SurveyJS localizable string (plain string or `{ default, bs, … }`) in one language. */
export function localized(value: unknown, language: LanguageCode): string | undefined {
  if (typeof value === 'string') return language === 'en' ? value : undefined;
  if (value && typeof value === 'object') {
    const texts = value as Record<string, unknown>;
    const text = language === 'en' ? (texts.default ?? texts.en) : texts[language];
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}
