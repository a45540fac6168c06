import { describe, expect, it } from 'vitest';
import { itemToQuestion } from '../../surveys/items/index.ts';
import { ITEM_BANK, findItem } from '../../surveys/items/index.ts';
import { addPage, addQuestions, movePage, moveQuestion, pagesOf, questionsOf, removePage, setRequired, type Draft } from '../../web/src/builder/draft-model.ts';
import { createCustomQuestion, nameProblem, suggestName } from '../../web/src/builder/custom-question.ts';

const item = (name: string) => itemToQuestion(findItem(ITEM_BANK, name)) as never;
const draft = (): Draft => ({
  definition: { pages: [
    { name: 'trust', elements: [item('trust_police'), item('trust_courts')] },
    { name: 'fairness', elements: [item('pf_respect')] },
  ] },
  meta: { languages: ['en'] },
});
const order = (value: Draft) => pagesOf(value).map((page) => page.elements.map((element) => element.name));

describe('the builder document model', () => {
  it('adds bank items to the last page, or a first page when there is none, without changing the original', () => {
    const original = draft();
    const next = addQuestions(original, [item('eff_prevent')]);
    expect(order(next)).toEqual([['trust_police', 'trust_courts'], ['pf_respect', 'eff_prevent']]);
    expect(order(original)).toEqual([['trust_police', 'trust_courts'], ['pf_respect']]);
    const blank = addQuestions({ definition: {}, meta: { languages: ['en'] } }, [item('sex')]);
    expect(order(blank)).toEqual([['sex']]);
  });

  it('moves a question within a page, across to the neighbouring page at either end, and pages', () => {
    expect(order(moveQuestion(draft(), { page: 0, index: 0 }, { page: 0, index: 1 }))).toEqual([['trust_courts', 'trust_police'], ['pf_respect']]);
    expect(order(moveQuestion(draft(), { page: 0, index: 1 }, { page: 0, index: 2 }))).toEqual([['trust_police'], ['trust_courts', 'pf_respect']]);
    expect(order(moveQuestion(draft(), { page: 1, index: 0 }, { page: 1, index: -1 }))).toEqual([['trust_police', 'trust_courts', 'pf_respect'], []]);
    expect(order(moveQuestion(draft(), { page: 0, index: 0 }, { page: 0, index: -1 }))).toEqual(order(draft()));
    expect(order(moveQuestion(draft(), { page: 0, index: 0 }, { page: 1, index: 1 }))).toEqual([['trust_courts'], ['pf_respect', 'trust_police']]);
    const three = addQuestions(addPage(draft()), [item('sex')]);
    expect(order(moveQuestion(three, { page: 0, index: 0 }, { page: 2, index: 0 }))).toEqual([['trust_courts'], ['pf_respect'], ['trust_police', 'sex']]);
    expect(pagesOf(movePage(draft(), 1, 0)).map((page) => page.name)).toEqual(['fairness', 'trust']);
  });

  it('sets and clears required, and removes only empty pages', () => {
    const required = setRequired(draft(), 'trust_courts', true);
    expect(questionsOf(required)[1]!.element.isRequired).toBe(true);
    expect('isRequired' in questionsOf(setRequired(required, 'trust_courts', false))[1]!.element).toBe(false);
    const withEmpty = addPage(draft());
    expect(pagesOf(withEmpty).map((page) => page.name)).toEqual(['trust', 'fairness', 'page3']);
    expect(pagesOf(removePage(withEmpty, 2))).toHaveLength(2);
    expect(pagesOf(removePage(withEmpty, 0))).toHaveLength(3);
  });
});

describe('a researcher\'s own question', () => {
  const title = { default: 'Which bus do you take?', bs: 'Kojim autobusom idete?' };
  it('becomes the SurveyJS question of its kind, choices numbered from 1', () => {
    expect(createCustomQuestion({ kind: 'single', name: 'bus', title, choices: [{ default: 'A' }, { default: 'B' }], required: true })).toEqual({
      type: 'radiogroup', name: 'bus', title, isRequired: true, choices: [{ value: 1, text: { default: 'A' } }, { value: 2, text: { default: 'B' } }],
    });
    expect(createCustomQuestion({ kind: 'multiple', name: 'bus', title, choices: [] }).type).toBe('checkbox');
    expect(createCustomQuestion({ kind: 'rating', name: 'bus', title })).toMatchObject({ type: 'rating', rateMin: 0, rateMax: 10 });
    expect(createCustomQuestion({ kind: 'number', name: 'bus', title })).toMatchObject({ type: 'text', inputType: 'number' });
    expect(createCustomQuestion({ kind: 'text', name: 'bus', title }).type).toBe('comment');
  });

  it('gets a valid, unused name suggested from its English text', () => {
    expect(suggestName('How often do you walk?', new Set())).toBe('how_often_do_you_walk');
    expect(suggestName('Šta mislite o 122?', new Set(['sta_mislite_o_122']))).toBe('sta_mislite_o_122_2');
    expect(suggestName('???', new Set())).toBe('question');
    expect(nameProblem('Bad name', new Set())).toMatch(/lower-case/);
    expect(nameProblem('trust_police', new Set(['trust_police']))).toMatch(/already/);
    expect(nameProblem('bus_line', new Set())).toBeUndefined();
  });
});

describe('drag and drop', () => {
  it('puts a dragged question in the place of the one it is dropped on, on any page, or at the end of a page', async () => {
    const { applyDrop, pageDropId, pageId } = await import('../../web/src/builder/drag-drop.ts');
    expect(order(applyDrop(draft(), 'trust_police', 'trust_courts'))).toEqual([['trust_courts', 'trust_police'], ['pf_respect']]);
    expect(order(applyDrop(draft(), 'pf_respect', 'trust_police'))).toEqual([['pf_respect', 'trust_police', 'trust_courts'], []]);
    expect(order(applyDrop(draft(), 'trust_police', pageDropId(1)))).toEqual([['trust_courts'], ['pf_respect', 'trust_police']]);
    expect(order(applyDrop(draft(), 'trust_police', pageDropId(0)))).toEqual([['trust_courts', 'trust_police'], ['pf_respect']]);
    expect(pagesOf(applyDrop(draft(), pageId('fairness'), pageId('trust'))).map((page) => page.name)).toEqual(['fairness', 'trust']);
    expect(applyDrop(draft(), 'trust_police', undefined)).toEqual(draft());
    expect(applyDrop(draft(), 'nothing', 'trust_police')).toEqual(draft());
  });
});
