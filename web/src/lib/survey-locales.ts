import { setupLocale } from 'survey-core';
import { uiDictionaries } from '../../../surveys/ui-strings/index.ts';

let registered = false;

/** Gives survey-core our interface dictionaries (Bosnian, …) once, before the first survey renders. */
export function registerSurveyLocales(): void {
  if (registered) return;
  for (const [localeCode, dictionary] of Object.entries(uiDictionaries)) {
    setupLocale({ localeCode, strings: dictionary.strings, nativeName: dictionary.nativeName, englishName: dictionary.englishName });
  }
  registered = true;
}
