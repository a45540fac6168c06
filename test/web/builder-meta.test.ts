import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeFromItems } from '../../surveys/compose.ts';
import { findItem, ITEM_BANK } from '../../surveys/items/index.ts';
import { addChoice, choicesOf, removeChoice, renameChoice } from '../../web/src/builder/choice-lists.ts';
import { addQuestions, removeQuestion, type Draft } from '../../web/src/builder/draft-model.ts';
import { deriveForDraft, regionQuotas, setRegionQuota, updateIndicator } from '../../web/src/builder/indicators.ts';
import { checkDraft, groupProblems, targetOf } from '../../web/src/builder/problems.ts';
import { exportDraft, importDraft } from '../../web/src/builder/survey-json.ts';
import { searchItems, describeScale, itemLanguages } from '../../web/src/builder/item-search.ts';

const title = { en: 'T', bs: 'T', hr: 'T', 'sr-Latn': 'T' };
const composed = (names: string[]): Draft => composeFromItems(names.map((name) => findItem(ITEM_BANK, name)), title, ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
const template = () => JSON.parse(readFileSync('surveys/bih-police-trust.json', 'utf8')) as Draft & { slug: string };

describe('checker problems next to the element at fault', () => {
  it('runs the server\'s checker and names the question, page, meta section or survey setting', () => {
    const draft = addQuestions(composed(['trust_police']), [{ type: 'radiogroup', name: 'bus', title: { default: 'Bus?' }, choices: [1, 2] }]);
    const problems = checkDraft('x', draft);
    expect(problems).toContainEqual({ field: 'definition.pages[0].elements[1].title', issue: 'text missing in bs, hr, sr-Latn, sr-Cyrl' });
    expect(targetOf(draft, 'definition.pages[0].elements[1].title')).toEqual({ kind: 'question', name: 'bus', detail: 'title' });
    expect(targetOf(draft, 'definition.pages[0].title')).toEqual({ kind: 'page', index: 0, detail: 'title' });
    expect(targetOf(draft, 'meta.indicators[2].item')).toEqual({ kind: 'meta', section: 'indicators', detail: 'indicators[2].item' });
    expect(targetOf(draft, 'definition.title')).toEqual({ kind: 'survey', detail: 'title' });
    expect(groupProblems(draft, problems).get('question:bus')![0]!.detail).toBe('title');
  });

  it('finds nothing wrong in a questionnaire composed from the bank', () => {
    expect(checkDraft('x', composed(['trust_police', 'pf_respect', 'pf_fair']))).toEqual([]);
  });
});

describe('indicators, quotas and choice lists', () => {
  it('follow the items chosen, keeping a researcher\'s label, and dropping those of removed items', () => {
    let draft = deriveForDraft(composed(['trust_police', 'pf_respect', 'pf_fair']), ITEM_BANK);
    expect(draft.meta.indicators!.map((indicator) => indicator.id)).toEqual(['trust_police_fav', 'trust_police_mean', 'pf_respect_fav', 'pf_fair_fav', 'procedural_fairness_score']);
    draft = updateIndicator(draft, 'trust_police_fav', { label: 'Trusts the police' });
    draft = deriveForDraft(removeQuestion(draft, 'pf_fair'), ITEM_BANK);
    expect(draft.meta.indicators!.map((indicator) => indicator.id)).toEqual(['trust_police_fav', 'trust_police_mean', 'pf_respect_fav']);
    expect(draft.meta.indicators![0]!.label).toBe('Trusts the police');
    expect(draft.meta.reliability).toEqual([]);
  });

  it('keeps quota targets per region', () => {
    let draft = setRegionQuota(composed(['trust_police']), 'sarajevo', 40);
    draft = setRegionQuota(draft, 'tuzla', 25.4);
    expect(regionQuotas(draft)).toEqual({ sarajevo: 40, tuzla: 25 });
    expect(regionQuotas(setRegionQuota(draft, 'tuzla', undefined))).toEqual({ sarajevo: 40 });
  });

  it('makes the channel dimension and raking margins follow the region and channel lists of the template', () => {
    let draft: Draft = template();
    const texts = { default: 'Tram stop', bs: 'Tramvajska stanica', hr: 'Tramvajska stanica', 'sr-Latn': 'Tramvajska stanica', 'sr-Cyrl': 'Трамвајска станица' };
    draft = addChoice(draft, 'channels_used', texts);
    draft = removeChoice(draft, 'channels_used', 'email');
    const channel = draft.meta.dimensions!.channel as { multiple: Record<string, string> };
    expect(channel.multiple.tram_stop).toBe('channels_used_tram_stop');
    expect(channel.multiple.email).toBeUndefined();
    expect(choicesOf(draft, 'channels_used').at(-1)).toEqual({ value: 'tram_stop', text: texts });

    draft = renameChoice(draft, 'region', 'brcko', { ...choicesOf(draft, 'region').find((choice) => choice.value === 'brcko')!.text, default: 'Brčko District of BiH' });
    expect(choicesOf(draft, 'region').find((choice) => choice.value === 'brcko')!.text.default).toBe('Brčko District of BiH');
    const withoutBrcko = removeChoice(draft, 'region', 'brcko');
    expect(withoutBrcko.meta.weighting!.rake!.region!.brcko).toBeUndefined();
    expect(checkDraft('x', draft)).toEqual([]);
    // A new region has no census population yet: the checker asks for one.
    const withNew = addChoice(draft, 'region', { ...texts, default: 'Nowhere' });
    expect(checkDraft('x', withNew).map((problem) => problem.field)).toContain('meta.weighting.rake.region');
  });
});

describe('import and export', () => {
  it('round-trips a questionnaire and accepts plain SurveyJS JSON, taking its languages from its texts', () => {
    const draft = composed(['trust_police']);
    const exported = exportDraft('my-survey', draft);
    expect(importDraft(exported)).toEqual({ draft, renames: [] });
    const plain = importDraft(JSON.stringify({ elements: [{ type: 'text', name: 'a', title: { default: 'A', bs: 'A' } }] }));
    expect(plain).toEqual({ draft: { definition: { pages: [{ name: 'page1', elements: [{ type: 'text', name: 'a', title: { default: 'A', bs: 'A' } }] }] }, meta: { languages: ['en', 'bs'] } }, renames: [] });
    const renamed = importDraft(JSON.stringify({ elements: [{ type: 'text', name: 'firstName' }, { type: 'text', name: 'b', visibleIf: '{firstName} notempty' }] }));
    expect(renamed).toMatchObject({ renames: [{ from: 'firstName', to: 'first_name' }], draft: { meta: { originalNames: { first_name: 'firstName' } } } });
    expect(renamed).toHaveProperty('draft.definition.pages.0.elements.1.visibleIf', '{first_name} notempty');
    expect(importDraft('{ nope')).toHaveProperty('error', expect.stringContaining('not JSON'));
    expect(importDraft('[1]')).toHaveProperty('error', 'The file must hold a JSON object.');
    expect(importDraft('{"a":1}')).toHaveProperty('error', expect.stringContaining('neither'));
  });
});

describe('searching the item bank', () => {
  it('finds items by words in any language, by construct and by ESS variable', () => {
    expect(searchItems(ITEM_BANK, { query: 'povjerenja policiju', construct: '', ess: '' }).map((item) => item.name)).toContain('trust_police');
    expect(searchItems(ITEM_BANK, { query: '', construct: 'procedural_fairness', ess: '' }).map((item) => item.name)).toEqual(['pf_respect', 'pf_fair', 'pf_explain']);
    expect(searchItems(ITEM_BANK, { query: '', construct: '', ess: 'trstplc' }).map((item) => item.name)).toEqual(['trust_police']);
    expect(searchItems(ITEM_BANK, { query: '', construct: '', ess: 'ess' }).every((item) => item.ess)).toBe(true);
    const trust = findItem(ITEM_BANK, 'trust_police');
    expect(describeScale(trust)).toBe('rating 0–10');
    expect(itemLanguages(trust)).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
  });
});
