import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFollowUps } from '../../surveys/check-follow-ups.ts';
import { composeFromItems, withFilterQuestions } from '../../surveys/compose.ts';
import { conjuncts, holds } from '../../surveys/conditions.ts';
import { ITEM_BANK, checkItems, findItem, itemToQuestion } from '../../surveys/items/index.ts';
import { validateAnswers } from '../../surveys/answers.ts';

const item = (name: string) => findItem(ITEM_BANK, name);
const title = { en: 'Contact', bs: 'Kontakt', hr: 'Kontakt', 'sr-Latn': 'Kontakt' };
type Question = { name: string; visibleIf?: string; isRequired?: boolean; choicesVisibleIf?: string };
const questions = (definition: Record<string, unknown>) => (definition.pages as { elements: Question[] }[]).flatMap((page) => page.elements);

describe('follow-up items carry their skip logic from the bank', () => {
  it('the "Contact" construct asks how the contact went only after contact with the police, and the answers agree', () => {
    const contact = ITEM_BANK.filter((entry) => entry.construct === 'contact');
    const { definition } = composeFromItems(contact, title, ['en']);
    const byName = new Map(questions(definition).map((question) => [question.name, question]));
    expect(byName.get('contact_any')).toMatchObject({ isRequired: true });
    expect(byName.get('contact_any')!.visibleIf).toBeUndefined();
    for (const name of ['contact_initiated', 'channels_used', 'last_channel', 'last_reason', 'last_satisfaction', 'last_respect', 'last_solved']) {
      expect(byName.get(name)!.visibleIf).toBe('{contact_any} = 1');
    }
    expect(byName.get('channels_used')!.isRequired).toBe(true);
    expect(byName.get('last_channel')!.choicesVisibleIf).toBe('{channels_used} contains {item}');
    expect(checkFollowUps(definition)).toEqual([]);
    // No contact: how the contact took place is not asked, and an answer to it is refused, not stored as a contradiction.
    expect(validateAnswers(definition, { contact_any: 2 })).toEqual([]);
    expect(validateAnswers(definition, { contact_any: 2, last_channel: 'station' }).map((problem) => problem.field)).toContain('last_channel');
  });

  it('a follow-up chosen alone arrives with its filter questions, each before the first question that needs it', () => {
    expect(withFilterQuestions([item('last_reason')], ITEM_BANK).map((entry) => entry.name)).toEqual(['contact_any', 'last_reason']);
    expect(withFilterQuestions([item('last_channel')], ITEM_BANK).map((entry) => entry.name)).toEqual(['contact_any', 'channels_used', 'last_channel']);
    expect(withFilterQuestions([item('lives_in_bih'), item('consent')], ITEM_BANK).map((entry) => entry.name)).toEqual(['consent', 'age_18_plus', 'lives_in_bih']);
    expect(withFilterQuestions([item('last_reason')], ITEM_BANK, new Set(['contact_any'])).map((entry) => entry.name)).toEqual(['last_reason']);
    const { definition } = composeFromItems([item('sm_follows')], title, ['en'], ITEM_BANK);
    expect(questions(definition).map((question) => [question.name, question.visibleIf])).toEqual([['sm_aware', undefined], ['sm_follows', '{sm_aware} = 1']]);
  });

  it('leaves the condition off a question whose page is shown only under it', () => {
    expect(itemToQuestion(item('last_reason')).visibleIf).toBe('{contact_any} = 1');
    expect(itemToQuestion(item('last_reason'), {}, ['{consent} <> 2 and {contact_any} = 1']).visibleIf).toBeUndefined();
    expect(itemToQuestion(item('last_reason'), {}, ['{contact_any} = 2']).visibleIf).toBe('{contact_any} = 1');
  });

  it('the bank check refuses a condition on a later or unknown item, or one that does not parse', () => {
    const contactAny = item('contact_any');
    const early = { ...item('last_reason'), askedIf: { visibleIf: '{contact_any} = 1' } };
    expect(checkItems([early, contactAny])).toEqual([{ path: 'items.last_reason.askedIf.visibleIf', message: '"{contact_any}" is not an item before last_reason in the bank' }]);
    expect(checkItems([contactAny, { ...early, askedIf: { visibleIf: '{contact_any} = = 1' } }])).toEqual([{ path: 'items.last_reason.askedIf.visibleIf', message: 'cannot parse the condition "{contact_any} = = 1"' }]);
  });

  it('reads conditions the way survey-core does, part by part', () => {
    expect(conjuncts('{a} = 1 and ({b} <> 2)')).toEqual(['({a} == 1)', '({b} != 2)']);
    expect(holds('{contact_any} == 1', ['{consent} <> 2 and {contact_any} = 1'])).toBe(true);
    expect(holds('{contact_any} = 1', ['{contact_any} = 1 or {x} = 1'])).toBe(false);
  });
});

describe('the checker warns about a follow-up placed without what makes it apply', () => {
  const page = (elements: Record<string, unknown>[], visibleIf?: string) => ({ name: `p${elements.length}`, ...(visibleIf ? { visibleIf } : {}), elements });
  const bare = (name: string) => ({ ...itemToQuestion(item(name)), visibleIf: undefined });

  it('finds nothing in the questionnaires in surveys/ (the short one asks channels_used of everyone, with a "no contact" answer)', () => {
    for (const file of ['surveys/bih-police-trust.json', 'surveys/bih-police-trust-short.json']) {
      expect(checkFollowUps(JSON.parse(readFileSync(file, 'utf8')).definition)).toEqual([]);
    }
  });

  it('names the missing filter question, the missing condition and the unlimited choices', () => {
    const warnings = checkFollowUps({ pages: [page([bare('last_reason'), { ...bare('last_channel'), choicesVisibleIf: undefined }])] });
    expect(warnings).toEqual([
      { path: 'definition.pages[0].elements[0]', message: 'is asked only when {contact_any} = 1 (item bank), but its filter question "contact_any" is not in the questionnaire: add it before this question' },
      { path: 'definition.pages[0].elements[0].visibleIf', message: "is asked of everyone, without the item bank's condition {contact_any} = 1: add it, or the microdata will hold answers from people the question does not apply to" },
      { path: 'definition.pages[0].elements[1]', message: 'is asked only when {contact_any} = 1 (item bank), but its filter question "contact_any" is not in the questionnaire: add it before this question' },
      { path: 'definition.pages[0].elements[1]', message: 'is asked only when {contact_any} = 1 (item bank), but its filter question "channels_used" is not in the questionnaire: add it before this question' },
      { path: 'definition.pages[0].elements[1].visibleIf', message: "is asked of everyone, without the item bank's condition {contact_any} = 1: add it, or the microdata will hold answers from people the question does not apply to" },
      { path: 'definition.pages[0].elements[1].choicesVisibleIf', message: 'offers every choice, but the item bank offers only those where {channels_used} contains {item}' },
    ]);
  });

  it('says when the filter comes after its follow-up, or the condition is another one', () => {
    const late = checkFollowUps({ pages: [page([itemToQuestion(item('contact_initiated'))]), page([itemToQuestion(item('contact_any'))])] });
    expect(late).toEqual([{ path: 'definition.pages[0].elements[0]', message: 'depends on "contact_any", which is asked after it: move "contact_any" before this question' }]);
    const other = checkFollowUps({ pages: [page([itemToQuestion(item('contact_any')), { ...itemToQuestion(item('contact_initiated')), visibleIf: '{contact_any} = 2' }])] });
    expect(other.map((warning) => warning.message)).toEqual(["its condition ({contact_any} = 2) does not include the item bank's condition {contact_any} = 1: add it, or the microdata will hold answers from people the question does not apply to"]);
  });

  it('accepts the condition written another way, or held by the page or a panel', () => {
    expect(checkFollowUps({ pages: [page([itemToQuestion(item('contact_any')), { ...bare('contact_initiated'), visibleIf: '({contact_any} == 1)' }])] })).toEqual([]);
    expect(checkFollowUps({ pages: [page([itemToQuestion(item('contact_any'))]), page([bare('last_reason')], '{contact_any} = 1')] })).toEqual([]);
    expect(checkFollowUps({ pages: [page([itemToQuestion(item('contact_any')), { type: 'panel', name: 'panel1', visibleIf: '{contact_any} = 1', elements: [bare('last_reason')] }])] })).toEqual([]);
  });
});
