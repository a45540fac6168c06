import { referencedQuestions } from './conditions.ts';
import { itemToQuestion, localize } from './items/to-question.ts';
import { CONSTRUCTS, type Item, type Texts } from './items/types.ts';
import type { IndicatorSpec, LanguageCode, SurveyDefinition, SurveyMeta } from './types.ts';

/** The numeric range of an item's scale (not counting missing codes), or undefined for a nominal one. */
export function numericRange(item: Item): [number, number] | undefined {
  const scale = item.scale;
  if (scale.type === 'rating') return [scale.min, scale.max];
  if (scale.type === 'checkbox' || !scale.ordered) return undefined;
  const values = scale.choices.map((choice) => choice.value);
  if (!values.every((value): value is number => typeof value === 'number')) return undefined;
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The indicators that follow from a set of items: for every item with a favourable end, the share
 * favourable (and the mean, for 0-10 ratings); for every construct with two or more ordered items on
 * one numeric range, a scale score rescaled to 0-100 with its reliability set.
 * @example deriveIndicators([trustPolice]) // → { indicators: [{ id: 'trust_police_fav', type: 'share', … }, { id: 'trust_police_mean', … }], reliability: [] }
 */
export function deriveIndicators(items: Item[]): Pick<SurveyMeta, 'indicators' | 'reliability'> {
  const indicators: IndicatorSpec[] = [];
  for (const item of items) {
    const scale = item.scale;
    const missing = item.missing.map((code) => code.value);
    if (scale.type === 'checkbox' || !scale.favourable?.length) continue;
    indicators.push({ id: `${item.name}_fav`, label: item.text.en, type: 'share', item: item.name, favourable: scale.favourable as number[], missing, ci: 'logit' });
    if (scale.type === 'rating') indicators.push({ id: `${item.name}_mean`, label: item.text.en, type: 'mean', item: item.name, missing, ci: 't' });
  }
  const reliability: { id: string; items: string[] }[] = [];
  for (const construct of Object.keys(CONSTRUCTS)) {
    const members = items.filter((item) => item.construct === construct && numericRange(item));
    const ranges = new Set(members.map((item) => numericRange(item)!.join('-')));
    if (members.length < 2 || ranges.size !== 1) continue;
    const names = members.map((item) => item.name);
    indicators.push({
      id: `${construct}_score`, label: `${CONSTRUCTS[construct as keyof typeof CONSTRUCTS]}, 0-100`, type: 'scale', items: names,
      reverse: members.filter((item) => item.reverse).map((item) => item.name), minValid: Math.ceil(names.length / 2),
      missing: [...new Set(members.flatMap((item) => item.missing.map((code) => code.value)))],
      rescale: { from: numericRange(members[0]!)!, to: [0, 100] },
    });
    reliability.push({ id: construct, items: names });
  }
  return { indicators, reliability };
}

/** The questions a follow-up item's conditions read (its filter questions), e.g. contact_any for last_reason. */
export function filterQuestionsOf(item: Item): string[] {
  const followUp = item.askedIf;
  if (!followUp) return [];
  return referencedQuestions(`${followUp.visibleIf} ${followUp.choicesVisibleIf ?? ''}`);
}

/**
 * The items to add so that every follow-up arrives with its filter questions: `items`, plus each
 * filter question (from `bank`) that is neither among them nor in `present` (the questions the
 * questionnaire has already), each placed just before the first item that needs it, in the same
 * way for filters of filters (lives_in_bih needs age_18_plus, which needs consent).
 * @example withFilterQuestions([lastReason], ITEM_BANK) // → [contactAny, lastReason]
 */
export function withFilterQuestions(items: Item[], bank: Item[], present: Set<string> = new Set()): Item[] {
  const result: Item[] = [];
  const placed = new Set(present);
  const place = (item: Item, trail: Set<string>) => {
    if (placed.has(item.name) || trail.has(item.name)) return;
    trail.add(item.name);
    for (const name of filterQuestionsOf(item)) {
      const filter = bank.find((candidate) => candidate.name === name);
      // A filter asked later among the chosen items is moved up, not added twice.
      if (filter && !placed.has(name)) place(filter, trail);
    }
    placed.add(item.name);
    result.push(item);
  };
  for (const item of items) place(item, new Set());
  return result;
}

/**
 * A questionnaire made of item-bank items in all five languages, one page per construct in the
 * order the items come, each follow-up item with its condition and its filter questions (added
 * from `bank` when not chosen; see withFilterQuestions), with the indicators and reliability sets
 * that follow from them.
 */
export function composeFromItems(chosen: Item[], title: Texts, languages: LanguageCode[], bank: Item[] = chosen): { definition: SurveyDefinition; meta: SurveyMeta } {
  const items = withFilterQuestions(chosen, bank);
  // Pages are named after constructs but carry no title: a researcher adds translated titles in the builder.
  const pages: { name: string; elements: Record<string, unknown>[] }[] = [];
  for (const item of items) {
    let page = pages.find((candidate) => candidate.name === item.construct);
    if (!page) {
      page = { name: item.construct, elements: [] };
      pages.push(page);
    }
    page.elements.push(itemToQuestion(item));
  }
  return {
    definition: { title: localize(title), showQuestionNumbers: 'off', pages },
    meta: { languages, ...deriveIndicators(items) },
  };
}
