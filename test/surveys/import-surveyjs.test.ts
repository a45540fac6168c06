import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../surveys/answers.ts';
import { checkSurveyFile } from '../../surveys/check.ts';
import { importDefinition } from '../../surveys/import-surveyjs.ts';
import { safeVariableName } from '../../surveys/variable-names.ts';

// SurveyJS definitions in the shapes other SurveyJS tools write (written for these tests, after
// the shapes of the SurveyJS libraries' own examples): what survey-core accepts, our checker must too.
const meta: Record<string, unknown> = { languages: ['en'] };
const checked = (definition: Record<string, unknown>) => {
  const imported = importDefinition(definition, meta);
  return { ...imported, problems: checkSurveyFile({ slug: 'imported', definition: imported.definition, meta: imported.meta }) };
};

describe('importing SurveyJS JSON from other tools', () => {
  it('puts questions given in top-level elements on one page, as survey-core does', () => {
    const definition = { title: 'Feedback', elements: [{ type: 'rating', name: 'satisfaction', title: 'How satisfied are you?' }, { type: 'comment', name: 'why', title: 'Why?' }] };
    const { definition: imported, problems, renames } = checked(definition);
    expect(problems).toEqual([]);
    expect(renames).toEqual([]);
    expect(imported).toEqual({ title: 'Feedback', pages: [{ name: 'page1', elements: definition.elements }] });
    expect(new Model(imported).getAllQuestions().map((question) => question.name)).toEqual(new Model(definition).getAllQuestions().map((question) => question.name));
  });

  it('renames names SPSS, Stata and R cannot use, and every reference to them follows', () => {
    const definition = {
      pages: [{
        name: 'About you',
        elements: [
          { type: 'text', name: 'fullName', title: 'Your name', isRequired: true },
          { type: 'text', name: 'first-name', title: 'Hello {FULLNAME}, what do friends call you?', visibleIf: '{fullName} notempty' },
          { type: 'radiogroup', name: 'Hot hatch', title: 'Favourite car', choices: ['golf', 'fiesta'] },
          { type: 'comment', name: 'why_car', title: 'Why the {Hot hatch}?', visibleIf: "{Hot hatch} = 'golf' and {first-name} notempty" },
          { type: 'paneldynamic', name: 'Kids', templateElements: [{ type: 'text', name: 'kidName' }, { type: 'text', name: 'kid_age', visibleIf: '{panel.kidName} notempty' }], templateTitle: 'Child {panel.kidName}' },
        ],
      }],
      triggers: [{ type: 'copyvalue', expression: '{fullName} notempty', fromName: 'fullName', setToName: 'first-name' }],
      completedHtmlOnCondition: [{ expression: '{Kids[0].kidName} notempty', html: 'Thanks, {fullName}!' }],
    };
    const { definition: imported, problems, renames, meta: importedMeta } = checked(definition);
    expect(problems).toEqual([]);
    expect(renames).toEqual([
      { from: 'fullName', to: 'full_name', path: 'definition.pages[0].elements[0]' },
      { from: 'first-name', to: 'first_name', path: 'definition.pages[0].elements[1]' },
      { from: 'Hot hatch', to: 'hot_hatch', path: 'definition.pages[0].elements[2]' },
      { from: 'Kids', to: 'kids', path: 'definition.pages[0].elements[4]' },
      { from: 'kidName', to: 'kid_name', path: 'definition.pages[0].elements[4].templateElements[0]' },
    ]);
    expect(importedMeta.originalNames).toEqual({ full_name: 'fullName', first_name: 'first-name', hot_hatch: 'Hot hatch', kids: 'Kids', kid_name: 'kidName' });
    const page = (imported.pages as { name: string; elements: Record<string, unknown>[] }[])[0]!;
    expect(page.name).toBe('About you');
    expect(page.elements[1]).toMatchObject({ title: 'Hello {full_name}, what do friends call you?', visibleIf: '{full_name} notempty' });
    expect(page.elements[3]).toMatchObject({ title: 'Why the {hot_hatch}?', visibleIf: "{hot_hatch} = 'golf' and {first_name} notempty" });
    expect(page.elements[4]).toMatchObject({ templateTitle: 'Child {panel.kid_name}', templateElements: [{ name: 'kid_name' }, { name: 'kid_age', visibleIf: '{panel.kid_name} notempty' }] });
    expect(imported.triggers).toEqual([{ type: 'copyvalue', expression: '{full_name} notempty', fromName: 'full_name', setToName: 'first_name' }]);
    expect(imported.completedHtmlOnCondition).toEqual([{ expression: '{kids[0].kid_name} notempty', html: 'Thanks, {full_name}!' }]);
    // The skip logic means what it meant: the comment shows for a golf fan with a first name, under the new names.
    expect(validateAnswers(imported, { full_name: 'Ana', first_name: 'Ana', hot_hatch: 'fiesta', why_car: 'fast' })).toEqual([
      { field: 'why_car', issue: 'answered, but the questionnaire skips this question for these answers' },
    ]);
    expect(validateAnswers(imported, { full_name: 'Ana', first_name: 'Ana', hot_hatch: 'golf', why_car: 'fast' })).toEqual([]);
  });

  it('the original file is refused by our name rule, so the renaming is what makes it importable', () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'fullName' }] }] };
    expect(checkSurveyFile({ slug: 'x', definition, meta }).map((problem) => problem.message)).toEqual([
      'question name "fullName" must be lower-case letters, digits and underscores, starting with a letter',
    ]);
    expect(checked(definition).problems).toEqual([]);
  });

  it('keeps names apart when two would become the same, and rewrites the meta that refers to them', () => {
    const definition = { elements: [{ type: 'rating', name: 'trust_police' }, { type: 'rating', name: 'Trust Police' }, { type: 'rating', name: '2nd wave' }] };
    const imported = importDefinition(definition, { languages: ['en'], indicators: [{ id: 'trust', label: 'Trust Police', type: 'mean', item: 'Trust Police' }] });
    expect(imported.renames.map(({ from, to }) => [from, to])).toEqual([['Trust Police', 'trust_police_2'], ['2nd wave', 'q_2nd_wave']]);
    expect(imported.meta.indicators).toEqual([{ id: 'trust', label: 'Trust Police', type: 'mean', item: 'trust_police_2' }]);
  });

  it('makes names from Cyrillic, diacritics and long names within Stata\'s 32 characters', () => {
    expect(safeVariableName('Повјерење у полицију', new Set())).toBe('povjerenje_u_policiju');
    expect(safeVariableName('Šta mislite – đaci?', new Set())).toBe('sta_mislite_djaci');
    expect(safeVariableName('HTMLParserOutput', new Set())).toBe('html_parser_output');
    const long = safeVariableName('howOftenDoYouSeePoliceOfficersPatrollingYourNeighbourhood', new Set());
    expect(long).toBe('how_often_do_you_see_police_offi');
    expect(safeVariableName('howOftenDoYouSeePoliceOfficersPatrollingYourNeighbourhood', new Set([long]))).toBe('how_often_do_you_see_police_of_2');
    expect(safeVariableName('???', new Set())).toBe('q');
  });

  it('accepts survey-core\'s built-in quiz variables and calculated values in conditions', () => {
    const definition = {
      elements: [{ type: 'radiogroup', name: 'capital', choices: ['sarajevo', 'mostar'], correctAnswer: 'sarajevo' }],
      calculatedValues: [{ name: 'score_pct', expression: '{correctAnswers} * 100 / {questionCount}' }],
      completedHtml: 'You got {correctAnswers} of {questionCount}.',
      completedHtmlOnCondition: [{ expression: '{correctAnswers} = {questionCount} and {score_pct} = 100 and {pageNo} >= 0', html: 'All right!' }],
    };
    expect(checked(definition).problems).toEqual([]);
    expect(checkSurveyFile({ slug: 'x', definition: { ...checked(definition).definition, completedHtmlOnCondition: [{ expression: '{correctAnswerz} = 1', html: 'x' }] }, meta }).map((problem) => problem.message))
      .toEqual(['"{correctAnswerz}" is not a question of this questionnaire']);
  });

  it('accepts a dropdown whose choices survey-core generates from choicesMin and choicesMax', () => {
    const definition = { elements: [{ type: 'dropdown', name: 'birth_year', choicesMin: 1930, choicesMax: 2008, choicesStep: 2 }] };
    const { definition: imported, problems } = checked(definition);
    expect(problems).toEqual([]);
    expect(validateAnswers(imported, { birth_year: 1990 })).toEqual([]);
    expect(validateAnswers(imported, { birth_year: 1991 })[0]?.field).toBe('birth_year');
  });
});
