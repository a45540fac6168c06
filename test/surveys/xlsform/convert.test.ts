import { Model, type PanelModel, type QuestionCheckboxModel, type QuestionPanelDynamicModel } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../surveys/answers.ts';
import { checkSurveyFile } from '../../../surveys/check.ts';
import { convertXlsform, XlsformError } from '../../../surveys/xlsform/convert.ts';
import { sheet } from './sheet.ts';

// XLSForms written for these tests, one construct after another, in the shapes KoBoToolbox and
// ODK users write them. Each result must be accepted by survey-core and by our checker.
const HEADER = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'calculation', 'appearance', 'default'];
const CHOICES = sheet(['list_name', 'name', 'label'],
  ['yes_no', 'yes', 'Yes'], ['yes_no', 'no', 'No'],
  ['channel', 'station', 'At a police station'], ['channel', 'emergency', 'Emergency number 122'], ['channel', 'app', 'Police app'],
  ['agree5', '1', 'Agree strongly'], ['agree5', '2', 'Agree'], ['agree5', '3', 'Neither'], ['agree5', '4', 'Disagree'], ['agree5', '5', 'Disagree strongly'],
);
const convert = (...rows: string[][]) => convertXlsform({ survey: sheet(HEADER, ...rows), choices: CHOICES, settings: sheet(['form_title', 'form_id', 'version'], ['Police contact', 'police_contact', '2024-05']) });
const accepted = (result: ReturnType<typeof convert>) => {
  const model = new Model(result.definition);
  expect(model.jsonErrors ?? []).toEqual([]);
  expect(checkSurveyFile({ slug: 'imported', definition: result.definition, meta: result.meta })).toEqual([]);
  return model;
};

describe('XLSForm to SurveyJS', () => {
  it('maps select_one, select_multiple and or_other to choice questions with the lists of the choices sheet', () => {
    const result = convert(
      ['select_one yes_no', 'contact', 'Any contact with the police?', '', 'yes'],
      ['select_multiple channel or_other', 'channels', 'How did you contact them?'],
      ['select_one agree5', 'fair', 'The police treat people fairly', '', '', '', '', '', '', 'minimal'],
    );
    const model = accepted(result);
    expect(result.unmapped).toEqual([]);
    expect(result.definition.title).toBe('Police contact');
    expect(result.formId).toBe('police_contact');
    const [contact, channels, fair] = (result.definition.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(contact).toEqual({ type: 'radiogroup', name: 'contact', title: 'Any contact with the police?', isRequired: true, choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }] });
    expect(channels).toMatchObject({ type: 'checkbox', showOtherItem: true, choices: [{ value: 'station' }, { value: 'emergency' }, { value: 'app' }] });
    // Whole-number names stay numbers, so the exports code them 1 … 5 as the form does.
    expect(fair).toMatchObject({ type: 'dropdown', choices: [{ value: 1, text: 'Agree strongly' }, { value: 2 }, { value: 3 }, { value: 4 }, { value: 5 }] });
    expect(validateAnswers(result.definition, { contact: 'yes', channels: ['app', 'other'], 'channels-Comment': 'Facebook', fair: 2 })).toEqual([]);
    expect((model.getQuestionByName('channels') as QuestionCheckboxModel).visibleChoices.map((choice) => choice.value)).toEqual(['station', 'emergency', 'app', 'other']);
  });

  it('maps integer, decimal, text, note, date and calculate', () => {
    const result = convert(
      ['note', 'intro', 'Welcome. **All answers are anonymous.**'],
      ['integer', 'age', 'Your age', 'In years'],
      ['decimal', 'hours', 'Hours waited'],
      ['text', 'comment', 'Anything else?', '', '', '', '', '', '', 'multiline'],
      ['date', 'visit', 'Date of the visit'],
      ['calculate', 'minutes', '', '', '', '', '', '', '${hours} * 60'],
    );
    const model = accepted(result);
    expect(result.unmapped).toEqual([]);
    const elements = (result.definition.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(elements.map((element) => [element.name, element.type, element.inputType])).toEqual([
      ['intro', 'html', undefined], ['age', 'text', 'number'], ['hours', 'text', 'number'], ['comment', 'comment', undefined],
      ['visit', 'text', 'date'], ['minutes', 'expression', undefined],
    ]);
    expect(elements[0]!.html).toBe('Welcome. <strong>All answers are anonymous.</strong>');
    expect(elements[1]!.description).toBe('In years');
    model.setValue('hours', 1.5);
    expect(model.getValue('minutes')).toBe(90);
    const age = model.getQuestionByName('age');
    age.value = 31.5;
    expect(age.validate()).toBe(false);
    expect(age.errors.map((error) => error.text)).toEqual(['Enter a whole number.']);
    age.value = 31;
    expect(age.validate()).toBe(true);
  });

  it('carries required, relevant and constraint with its message, and they behave as in ODK', () => {
    const result = convert(
      ['select_one yes_no', 'contact', 'Any contact?', '', 'yes'],
      ['select_multiple channel', 'channels', 'Which channels?', '', 'yes', "${contact} = 'yes'"],
      ['integer', 'visits', 'How many visits?', '', '', "selected(${channels}, 'station')", '. > 0 and . < 100', 'Between 1 and 99'],
      ['text', 'why_app', 'Why the app?', '', '', "selected(${channels}, 'app') and count-selected(${channels}) = 1"],
    );
    const model = accepted(result);
    const channels = model.getQuestionByName('channels');
    const visits = model.getQuestionByName('visits');
    const whyApp = model.getQuestionByName('why_app');
    expect(channels.isVisible).toBe(false);
    model.setValue('contact', 'yes');
    expect(channels.isVisible).toBe(true);
    expect(channels.validate()).toBe(false); // required once shown
    model.setValue('channels', ['app']);
    expect([visits.isVisible, whyApp.isVisible]).toEqual([false, true]);
    model.setValue('channels', ['app', 'station']);
    expect([visits.isVisible, whyApp.isVisible]).toEqual([true, false]);
    expect(visits.validate()).toBe(true); // a constraint is checked only once answered
    visits.value = 120;
    expect(visits.validate()).toBe(false);
    expect(visits.errors.map((error) => error.text)).toEqual(['Between 1 and 99']);
    // The server's validator reads the same conditions.
    expect(validateAnswers(result.definition, { contact: 'no', channels: ['app'] })).toEqual([{ field: 'channels', issue: expect.stringContaining('skips this question') }]);
  });

  it('makes top-level groups pages, nested groups panels and repeats dynamic panels', () => {
    const result = convert(
      ['begin group', 'consent_page', 'Consent'],
      ['select_one yes_no', 'consent', 'Do you agree to take part?', '', 'yes'],
      ['end group'],
      ['begin group', 'household', 'Your household', '', '', "${consent} = 'yes'"],
      ['integer', 'size', 'How many people live with you?'],
      ['begin group', 'adults', 'Adults'],
      ['integer', 'adults_n', 'How many are adults?', '', '', '', '. <= ${size}'],
      ['end group'],
      ['begin repeat', 'person', 'Person'],
      ['text', 'first_name', 'First name'],
      ['integer', 'person_age', 'Age of ${first_name}', '', '', '', '. < 130'],
      ['select_one yes_no', 'victim', 'Was ${first_name} a victim of crime?', '', '', '${person_age} >= 14'],
      ['end repeat'],
      ['end group'],
      ['text', 'remarks', 'Remarks'],
    );
    const model = accepted(result);
    expect(result.unmapped).toEqual([]);
    const pages = result.definition.pages as { name: string; visibleIf?: string; elements: Record<string, unknown>[] }[];
    expect(pages.map((page) => page.name)).toEqual(['consent_page', 'household', 'page3']);
    expect(pages[1]!.visibleIf).toBe("{consent} = 'yes'");
    expect(pages[1]!.elements.map((element) => [element.type, element.name])).toEqual([['text', 'size'], ['panel', 'adults'], ['paneldynamic', 'person']]);
    const person = model.getQuestionByName('person') as QuestionPanelDynamicModel;
    expect((pages[1]!.elements[2]!.templateElements as { title?: string }[])[1]!.title).toBe('Age of {panel.first_name}');
    model.setValue('consent', 'yes');
    model.setValue('person', [{ first_name: 'Ana', person_age: 10 }, { first_name: 'Emir', person_age: 40 }]);
    const [child, adult] = person.panels as PanelModel[];
    expect([child!.getQuestionByName('victim').isVisible, adult!.getQuestionByName('victim').isVisible]).toEqual([false, true]);
    expect(adult!.getQuestionByName('person_age').locTitle.renderedHtml).toBe('Age of Emir');
    expect(validateAnswers(result.definition, { consent: 'yes', size: 2, person: [{ first_name: 'Ana', person_age: 10, victim: 'no' }] }))
      .toEqual([{ field: 'person[0].victim', issue: expect.stringContaining('hides this') }]);
  });

  it('renames names SPSS, Stata and R cannot use, as a SurveyJS import does, and the expressions follow', () => {
    const result = convert(
      ['select_one yes_no', 'Q1_Contact', 'Any contact?'],
      ['integer', 'trust-police', 'Trust (0-10)', '', '', "${Q1_Contact} = 'yes'", '. <= 10'],
    );
    accepted(result);
    expect(result.renames.map(({ from, to }) => [from, to])).toEqual([['Q1_Contact', 'q1_contact'], ['trust-police', 'trust_police']]);
    const trust = (result.definition.pages as { elements: Record<string, unknown>[] }[])[0]!.elements[1]!;
    expect(trust.visibleIf).toBe("{q1_contact} = 'yes'");
    expect((trust.validators as { expression: string }[])[1]!.expression).toBe('{trust_police} empty or ({trust_police} <= 10)');
    expect(result.meta.originalNames).toEqual({ q1_contact: 'Q1_Contact', trust_police: 'trust-police' });
  });

  it('refuses a workbook without a survey sheet or its type and name columns', () => {
    expect(() => convertXlsform({ choices: CHOICES })).toThrow(XlsformError);
    expect(() => convertXlsform({ survey: sheet(['kind', 'label'], ['text', 'Hi']) })).toThrow(/"type" and "name"/);
  });
});
