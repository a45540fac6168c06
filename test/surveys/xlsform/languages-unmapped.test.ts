import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { checkSurveyFile } from '../../../surveys/check.ts';
import { convertXlsform } from '../../../surveys/xlsform/convert.ts';
import { languageOf } from '../../../surveys/xlsform/languages.ts';
import { sheet } from './sheet.ts';

describe('XLSForm languages', () => {
  it('reads label::<language> and hint::<language> columns as our language codes', () => {
    expect(['Bosnian (bs)', 'bs', 'Bosanski', 'Serbian Cyrillic', 'sr-Cyrl', 'Српски (ћирилица)', 'Serbian (Latin)', 'sr-Latn', 'Croatian (hr)', 'English (en)', 'eng']
      .map((suffix) => languageOf(suffix, []))).toEqual(['bs', 'bs', 'bs', 'sr-Cyrl', 'sr-Cyrl', 'sr-Cyrl', 'sr-Latn', 'sr-Latn', 'hr', 'en', 'en']);
    // "Serbian" names no script: the texts decide.
    expect([languageOf('Serbian (sr)', ['Да ли верујете полицији?']), languageOf('Serbian (sr)', ['Da li verujete policiji?'])]).toEqual(['sr-Cyrl', 'sr-Latn']);
    expect(languageOf('Klingon (tlh)', ['nuqneH'])).toBeUndefined();
  });

  it('converts a Bosnian and Serbian Cyrillic form: both languages in every text, none missing', () => {
    const result = convertXlsform({
      survey: sheet(['type', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)', 'hint::bs', 'hint::sr-Cyrl', 'constraint', 'constraint_message::bs', 'constraint_message::Serbian Cyrillic'],
        ['select_one trust', 'trust_police', 'Koliko vjerujete policiji?', 'Колико верујете полицији?', 'Jedan odgovor', 'Један одговор'],
        ['integer', 'age', 'Koliko imate godina?', 'Колико имате година?', '', '', '. >= 18', 'Samo punoljetni', 'Само пунолетни'],
        ['note', 'thanks', 'Hvala!', 'Хвала!'],
      ),
      choices: sheet(['list_name', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)'],
        ['trust', 'a_lot', 'Mnogo', 'Много'], ['trust', 'little', 'Malo', 'Мало']),
      settings: sheet(['form_title', 'default_language'], ['Povjerenje u policiju', 'Bosnian (bs)']),
    });
    expect(result.unmapped).toEqual([]);
    expect(result.meta.languages).toEqual(['bs', 'sr-Cyrl']);
    expect(checkSurveyFile({ slug: 'povjerenje', definition: result.definition, meta: result.meta })).toEqual([
      // The settings sheet gives the title in the default language only: the checker says what is left to translate.
      { path: 'definition.title', message: 'text missing in sr-Cyrl' },
    ]);
    const [trust, age, thanks] = (result.definition.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(trust).toMatchObject({
      title: { bs: 'Koliko vjerujete policiji?', 'sr-Cyrl': 'Колико верујете полицији?' },
      description: { bs: 'Jedan odgovor', 'sr-Cyrl': 'Један одговор' },
      choices: [{ value: 'a_lot', text: { bs: 'Mnogo', 'sr-Cyrl': 'Много' } }, { value: 'little', text: { bs: 'Malo', 'sr-Cyrl': 'Мало' } }],
    });
    expect((age!.validators as { text: unknown }[]).map((validator) => validator.text)).toEqual([
      { bs: 'Unesite cijeli broj.', 'sr-Cyrl': 'Унесите цео број.' },
      { bs: 'Samo punoljetni', 'sr-Cyrl': 'Само пунолетни' },
    ]);
    expect(thanks!.html).toEqual({ bs: 'Hvala!', 'sr-Cyrl': 'Хвала!' });
    const model = new Model(result.definition);
    model.locale = 'sr-Cyrl';
    expect(model.getQuestionByName('trust_police').locTitle.renderedHtml).toBe('Колико верујете полицији?');
    const question = model.getQuestionByName('age');
    question.value = 16;
    question.validate();
    expect(question.errors.map((error) => error.text)).toEqual(['Само пунолетни']);
  });
});

describe('XLSForm rows that cannot be mapped', () => {
  it('lists each with its sheet, row and reason, and keeps everything else', () => {
    const result = convertXlsform({
      survey: sheet(['type', 'name', 'label', 'label::Klingon (tlh)', 'relevant', 'choice_filter', 'media::image', 'repeat_count'],
        ['start', 'start'],
        ['geopoint', 'where', 'Where are you?'],
        ['select_one region', 'region', 'Region'],
        ['select_one town', 'town', 'Town', 'veng', '', 'region=${region}'],
        ['hidden', 'batch'],
        ['select_one_from_file towns.csv', 'town2', 'Town'],
        ['text', 'name_q', 'Name', '', '', '', 'face.png'],
        ['integer', 'kids', 'Children'],
        ['begin repeat', 'child', 'Child', '', '', '', '', '${kids}'],
        ['text', 'child_name', 'Name'],
        ['end repeat'],
        ['text', 'first_child', 'About ${child_name}', '', "regex(${name_q}, '^A')"],
        ['end group'],
        ['', '', 'A label without a type'],
        ['begin group', 'open_group', 'Never closed'],
        ['text', 'last', 'Last question', '', "${region} = 'sa'"],
      ),
      choices: sheet(['list_name', 'name', 'label', 'region'], ['region', 'sa', 'Sarajevo'], ['region', 'sa', 'Sarajevo again'], ['town', 'ilidza', 'Ilidža', 'sa']),
      settings: sheet(['form_title', 'instance_name'], ['Messy', 'concat(${name_q})']),
      otherSheets: ['external_choices'],
    });
    expect(result.unmapped.map(({ sheet: name, row, column, reason }) => [name, row, column ?? '', reason])).toEqual([
      ['settings', 2, 'instance_name', 'the setting "instance_name" is not used by Trustlens'],
      ['survey', 1, 'label::Klingon (tlh)', expect.stringContaining('"Klingon (tlh)" is not a language Trustlens offers')],
      ['survey', 2, '', expect.stringContaining('"start" is device and interview metadata')],
      ['survey', 3, '', expect.stringContaining('"geopoint" questions')],
      ['survey', 5, 'choice_filter', 'the column "choice_filter" is not used for a "select_one town" row'],
      ['survey', 6, '', expect.stringContaining('"hidden" fields')],
      ['survey', 7, '', expect.stringContaining('reads its choices from a separate file')],
      ['survey', 8, 'media::image', 'the column "media::image" is not used for a "text" row'],
      ['survey', 10, 'repeat_count', expect.stringContaining('repeat_count computed from answers')],
      ['survey', 13, 'label', expect.stringContaining('"child_name" is inside the repeat "child"')],
      ['survey', 13, 'relevant', 'the relevant "regex(${name_q}, \'^A\')" is not carried over: the function regex() has no SurveyJS equivalent here'],
      ['survey', 14, '', '"end group" has no "begin group" before it'],
      ['survey', 15, '', 'the row has no type'],
      ['survey', 16, '', 'the group "open_group" has no "end group"; it is closed at the end of the sheet'],
      ['choices', 1, 'region', 'extra choice columns (used by choice_filter) are not carried over'],
      ['choices', 3, '', 'list "region" has the choice "sa" twice; the first is kept'],
      ['external_choices', 1, '', expect.stringContaining('is not part of an XLSForm')],
    ]);
    const names = new Model(result.definition).getAllQuestions().map((question) => question.name);
    expect(names).toEqual(['region', 'town', 'name_q', 'kids', 'child', 'first_child', 'last']);
    expect(checkSurveyFile({ slug: 'messy', definition: result.definition, meta: result.meta })).toEqual([]);
  });
});
