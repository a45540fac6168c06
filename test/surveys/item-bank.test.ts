import { describe, expect, it } from 'vitest';
import { CONSTRUCTS, ITEM_BANK, checkItems, findItem, itemToQuestion, residenceItems, type Item, type RegionRow } from '../../surveys/items/index.ts';

const regions: RegionRow[] = [
  { id: 'sarajevo', entity: 'fbih', name: { en: 'Sarajevo Canton', bs: 'Kanton Sarajevo', hr: 'Županija Sarajevo', 'sr-Latn': 'Kanton Sarajevo' }, population: 413593 },
  { id: 'tuzla', entity: 'fbih', name: { en: 'Tuzla Canton', bs: 'Tuzlanski kanton', hr: 'Tuzlanska županija', 'sr-Latn': 'Tuzlanski kanton' }, population: 445028 },
  { id: 'republika_srpska', entity: 'republika_srpska', name: { en: 'Republika Srpska', bs: 'Republika Srpska', hr: 'Republika Srpska', 'sr-Latn': 'Republika Srpska' }, population: 1228423 },
];

describe('the item bank', () => {
  it('passes its own check', () => {
    expect(checkItems([...ITEM_BANK, ...residenceItems(regions)])).toEqual([]);
  });

  it('covers every construct of DOMAIN.md, with the ESS variables named there', () => {
    const constructs = new Set([...ITEM_BANK, ...residenceItems(regions)].map((item) => item.construct));
    expect([...constructs].sort()).toEqual(Object.keys(CONSTRUCTS).sort());
    const ess = new Set(ITEM_BANK.map((item) => item.ess));
    for (const variable of ['trstplc', 'plcpvcr', 'plccbrg', 'plcarcr', 'plcrspc', 'plcfrdc', 'plcexdc', 'bplcdc', 'doplcsy', 'dpcstrb', 'plcrgwr', 'plcipvl', 'gsupplc']) {
      expect(ess, variable).toContain(variable);
    }
  });

  it('turns an item into a SurveyJS question in five languages, Cyrillic generated from Serbian Latin', () => {
    const question = itemToQuestion(findItem(ITEM_BANK, 'pf_respect'));
    expect(question).toMatchObject({ type: 'radiogroup', name: 'pf_respect' });
    expect(question.title).toMatchObject({
      'sr-Latn': expect.stringContaining('koliko često policija'),
      'sr-Cyrl': expect.stringContaining('колико често полиција'),
    });
    const choices = question.choices as { value: number; text: Record<string, string> }[];
    expect(choices.map((choice) => choice.value)).toEqual([1, 2, 3, 4, 8]);
    expect(choices[4]!.text).toMatchObject({ default: "Don't know", 'sr-Cyrl': 'Не знам' });
    expect(itemToQuestion(findItem(ITEM_BANK, 'trust_police'))).toMatchObject({ type: 'rating', rateMin: 0, rateMax: 10 });
  });
});

describe('checking items', () => {
  const good = findItem(ITEM_BANK, 'conf_police');
  const broken = (change: (item: Item) => void): Item => {
    const copy = structuredClone(good);
    change(copy);
    return copy;
  };

  it('refuses two items with the same name', () => {
    expect(checkItems([good, good])).toEqual([{ path: 'items.conf_police.name', message: 'two items share the name "conf_police"' }]);
  });

  it('refuses a missing translation, naming the language', () => {
    const problems = checkItems([broken((item) => { item.text.hr = ''; })]);
    expect(problems).toEqual([{ path: 'items.conf_police.text', message: 'text missing in hr' }]);
  });

  it('refuses Cyrillic typed into the Serbian Latin text', () => {
    const problems = checkItems([broken((item) => { item.text['sr-Latn'] = 'Колико?'; })]);
    expect(problems[0]?.path).toBe('items.conf_police.text.sr-Latn');
  });

  it('refuses a favourable value outside the scale and reverse-scoring that contradicts the favourable end', () => {
    const outside = checkItems([broken((item) => { if (item.scale.type === 'radiogroup') item.scale.favourable = [1, 6]; })]);
    expect(outside).toContainEqual({ path: 'items.conf_police.scale.favourable', message: "6 not among the scale's values (1, 2, 3, 4)" });
    const contradiction = checkItems([broken((item) => { item.reverse = false; })]);
    expect(contradiction).toEqual([{ path: 'items.conf_police.reverse', message: 'the favourable end is the low end of the scale, so the item must be reverse-scored' }]);
  });

  it('refuses a missing code that is also a scale value', () => {
    const problems = checkItems([broken((item) => { item.missing[1]!.value = 4; })]);
    expect(problems).toContainEqual({ path: 'items.conf_police.missing[1]', message: 'missing code 4 is also a value on the scale' });
  });
});
