import { describe, expect, it } from 'vitest';
import { ITEM_BANK, findItem, itemToQuestion } from '../../surveys/items/index.ts';
import { addBankItems } from '../../web/src/builder/add-items.ts';
import { pagesOf, type Draft } from '../../web/src/builder/draft-model.ts';
import { checkDraftWarnings } from '../../web/src/builder/problems.ts';

const draft = (pages: Draft['definition']['pages']): Draft => ({ definition: { pages }, meta: { languages: ['en'] } });
const summary = (value: Draft) => pagesOf(value).map((page) => page.elements.map((element) => [element.name, element.visibleIf ?? null]));

describe('adding bank items in the builder', () => {
  it('a whole construct keeps its skip logic and derives its indicators', () => {
    const contact = ITEM_BANK.filter((item) => item.construct === 'contact');
    const { draft: next, alsoAdded } = addBankItems(draft([{ name: 'page1', elements: [] }]), contact, ITEM_BANK);
    expect(alsoAdded).toEqual([]);
    expect(summary(next)[0]).toEqual([
      ['contact_any', null], ['contact_initiated', '{contact_any} = 1'], ['channels_used', '{contact_any} = 1'], ['last_channel', '{contact_any} = 1'],
      ['last_reason', '{contact_any} = 1'], ['last_satisfaction', '{contact_any} = 1'], ['last_respect', '{contact_any} = 1'], ['last_solved', '{contact_any} = 1'],
    ]);
    expect(checkDraftWarnings(next)).toEqual([]);
    expect(next.meta.indicators?.map((indicator) => indicator.id)).toContain('last_satisfaction_fav');
  });

  it('one follow-up brings its filter question when the draft lacks it, and says so', () => {
    const { draft: next, alsoAdded } = addBankItems(draft([{ name: 'page1', elements: [] }]), [findItem(ITEM_BANK, 'last_reason')], ITEM_BANK);
    expect(alsoAdded.map((item) => item.name)).toEqual(['contact_any']);
    expect(summary(next)[0]).toEqual([['contact_any', null], ['last_reason', '{contact_any} = 1']]);
    const already = draft([{ name: 'page1', elements: [itemToQuestion(findItem(ITEM_BANK, 'contact_any')) as never] }, { name: 'page2', elements: [] }]);
    const added = addBankItems(already, [findItem(ITEM_BANK, 'last_reason')], ITEM_BANK);
    expect(added.alsoAdded).toEqual([]);
    expect(summary(added.draft)).toEqual([[['contact_any', null]], [['last_reason', '{contact_any} = 1']]]);
  });

  it('a question stripped of its condition afterwards is warned about, beside the question', () => {
    const { draft: next } = addBankItems(draft([{ name: 'page1', elements: [] }]), [findItem(ITEM_BANK, 'contact_initiated')], ITEM_BANK);
    const pages = pagesOf(next);
    const stripped = draft([{ ...pages[0]!, elements: pages[0]!.elements.map(({ visibleIf: _condition, ...element }) => element as never) }]);
    expect(checkDraftWarnings(stripped)).toEqual([{ field: 'definition.pages[0].elements[1].visibleIf', issue: "is asked of everyone, without the item bank's condition {contact_any} = 1: add it, or the microdata will hold answers from people the question does not apply to" }]);
  });
});
