import { localized } from './languages.ts';
import { latinToCyrillic } from './transliterate.ts';
import type { LanguageCode } from './types.ts';

/** "Copy of …" in each language (Serbian Cyrillic generated from Serbian Latin). */
const COPY_OF: Record<Exclude<LanguageCode, 'sr-Cyrl'>, string> = { en: 'Copy of', bs: 'Kopija:', hr: 'Kopija:', 'sr-Latn': 'Kopija:' };

/**
 * The title a copy of a questionnaire starts with, so that it is never mistaken for the original
 * in the studio or by residents: "Copy of <title>" in every language of the copy, as a SurveyJS
 * localizable string (English under `default`). A language the original has no title in gets the
 * English one after the prefix (Serbian Cyrillic: the Serbian Latin one, transliterated).
 * @example copyTitle({ default: 'Trust', bs: 'Povjerenje' }, ['en', 'bs']) // → { default: 'Copy of Trust', bs: 'Kopija: Povjerenje' }
 */
export function copyTitle(title: unknown, languages: LanguageCode[]): Record<string, string> {
  const english = localized(title, 'en') ?? '';
  const copy: Record<string, string> = {};
  for (const language of languages) {
    const own = localized(title, language);
    copy[language === 'en' ? 'default' : language] = language === 'sr-Cyrl'
      ? (own ? `Копија: ${own}` : latinToCyrillic(`${COPY_OF['sr-Latn']} ${localized(title, 'sr-Latn') ?? english}`))
      : `${COPY_OF[language]} ${own ?? english}`.trim();
  }
  return copy;
}
