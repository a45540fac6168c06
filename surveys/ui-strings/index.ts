import { LANGUAGE_NAMES } from '../languages.ts';
import { bosnianUiStrings } from './bs.ts';
import { croatianUiStrings } from './hr.ts';
import { serbianCyrillicUiStrings } from './sr-cyrl.ts';
import { serbianLatinUiStrings } from './sr-latn.ts';

/**
 * survey-core interface dictionaries we add ourselves, keyed by SurveyJS locale code (the keys
 * used in our localizable strings). Register them with survey-core's `setupLocale` wherever a
 * SurveyModel is shown. English is survey-core's built-in default.
 */
export const uiDictionaries: Record<string, { strings: Record<string, string>; nativeName: string; englishName: string }> = {
  bs: { strings: bosnianUiStrings, nativeName: LANGUAGE_NAMES.bs, englishName: 'Bosnian' },
  hr: { strings: croatianUiStrings, nativeName: LANGUAGE_NAMES.hr, englishName: 'Croatian' },
  'sr-Latn': { strings: serbianLatinUiStrings, nativeName: LANGUAGE_NAMES['sr-Latn'], englishName: 'Serbian (Latin)' },
  'sr-Cyrl': { strings: serbianCyrillicUiStrings, nativeName: LANGUAGE_NAMES['sr-Cyrl'], englishName: 'Serbian (Cyrillic)' },
};
