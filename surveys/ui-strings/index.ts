import { bosnianUiStrings } from './bs.ts';

/**
 * survey-core interface dictionaries we add ourselves, keyed by SurveyJS locale code.
 * Register them with survey-core's `setupLocale` wherever a SurveyModel is shown.
 */
export const uiDictionaries: Record<string, { strings: Record<string, string>; nativeName: string; englishName: string }> = {
  bs: { strings: bosnianUiStrings, nativeName: 'Bosanski', englishName: 'Bosnian' },
};
