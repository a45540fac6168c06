import { readFileSync } from 'node:fs';
import { Model, setupLocale } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { uiDictionaries } from '../../surveys/ui-strings/index.ts';

const KEYS = ['pageNextText', 'pagePrevText', 'completeText', 'requiredError', 'progressText'];

describe('interface dictionaries', () => {
  it('exist for Bosnian, Croatian and Serbian in both scripts, with the same strings in each', () => {
    expect(Object.keys(uiDictionaries).sort()).toEqual(['bs', 'hr', 'sr-Cyrl', 'sr-Latn']);
    const bosnianKeys = Object.keys(uiDictionaries.bs!.strings).sort();
    for (const [code, dictionary] of Object.entries(uiDictionaries)) {
      expect(Object.keys(dictionary.strings).sort(), code).toEqual(bosnianKeys);
      for (const key of KEYS) expect(dictionary.strings[key], `${code}.${key}`).toBeTruthy();
    }
  });

  it('writes Serbian Cyrillic in Cyrillic, keeping the progress placeholders', () => {
    const cyrillic = uiDictionaries['sr-Cyrl']!.strings;
    expect(cyrillic.pageNextText).toBe('Сљедећа');
    expect(cyrillic.completeText).toBe('Заврши');
    expect(cyrillic.progressText).toBe('Страница {0} од {1}');
  });

  it('make survey-core show the Next button and a required-answer error in Serbian Cyrillic', () => {
    for (const [code, dictionary] of Object.entries(uiDictionaries)) setupLocale({ localeCode: code, ...dictionary });
    const instrument = JSON.parse(readFileSync(new URL('../../surveys/bih-police-trust.json', import.meta.url), 'utf8'));
    const model = new Model(instrument.definition);
    model.locale = 'sr-Cyrl';
    expect(model.pageNextText).toBe('Сљедећа');
    expect(model.getQuestionByName('consent').title).toBe('Да ли пристајете да учествујете у овој анкети?');
    model.getQuestionByName('consent').hasErrors(true);
    expect(model.getQuestionByName('consent').errors[0]!.getText()).toBe('Молимо одговорите на ово питање.');
    model.locale = 'hr';
    expect(model.completeText).toBe('Završi');
  });
});
