import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../surveys/load.ts';
import { earlyFirstPage } from '../../web/src/lib/first-page.ts';

// What the respondent page may show before SurveyJS arrives: only what SurveyJS would show the same way.
describe('the early first page', () => {
  it('takes the full questionnaire\'s text and consent question, in the language asked, and stops at the first condition', () => {
    const { definition } = loadSurveyFile('surveys/bih-police-trust.json');
    const page = earlyFirstPage(definition, 'bs');
    expect(page.pageTitle).toBe('O ovoj anketi');
    expect(page.elements.map((element) => element.name)).toEqual(['consent_text', 'consent']);
    expect(page.elements[1]).toMatchObject({ kind: 'single', required: true, choices: [{ value: 1, text: 'Da, pristajem' }, { value: 2, text: 'Ne' }] });
    expect(earlyFirstPage(definition, 'en').elements[1]).toMatchObject({ choices: [{ value: 1, text: 'Yes, I agree' }, { value: 2, text: 'No' }] });
  });

  it('leaves to SurveyJS other question types, piped text, "other" boxes, random order and a start page', () => {
    const radio = { type: 'radiogroup', name: 'a', title: 'A?', choices: [1, 2] };
    const page = (elements: unknown[], extra: Record<string, unknown> = {}) => earlyFirstPage({ pages: [{ name: 'p', elements }], ...extra }, 'en');
    expect(page([radio, { type: 'rating', name: 'r' }, radio]).elements.map((element) => element.name)).toEqual(['a']);
    expect(page([{ ...radio, title: 'Hello {name}' }]).elements).toEqual([]);
    expect(page([{ ...radio, showOtherItem: true }]).elements).toEqual([]);
    expect(page([{ ...radio, choices: [{ value: 1, text: 'x', visibleIf: '{b} = 1' }] }]).elements).toEqual([]);
    expect(page([radio], { questionsOrder: 'random' }).elements).toEqual([]);
    expect(page([radio], { firstPageIsStarted: true }).elements).toEqual([]);
    expect(page([{ type: 'text', name: 't', title: 'T', isRequired: true }]).elements).toEqual([{ kind: 'text', name: 't', title: 'T', required: true, multiline: false }]);
  });
});
