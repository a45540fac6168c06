import { withFilterQuestions } from '../../../surveys/compose.ts';
import { itemToQuestion, type Item } from '../../../surveys/items/index.ts';
import { addQuestions, pagesOf, questionNames, type Draft, type Element } from './draft-model.ts';
import { deriveForDraft } from './indicators.ts';

/**
 * Adds item-bank items (one, or a whole construct) to the last page, each follow-up with the
 * skip logic the bank gives it (surveys/items `askedIf`: its condition, required-when-shown,
 * limited choices), and with any filter question it needs that the draft does not ask yet, placed
 * before it. The indicators follow the items. `alsoAdded` names those filter questions, so the
 * builder can say why they appeared.
 * @example addBankItems(draft, [lastReason], ITEM_BANK) // → { draft: (contact_any, then last_reason shown if {contact_any} = 1), alsoAdded: [contactAny] }
 */
export function addBankItems(draft: Draft, items: Item[], bank: Item[]): { draft: Draft; alsoAdded: Item[] } {
  const toAdd = withFilterQuestions(items, bank, questionNames(draft));
  const pages = pagesOf(draft);
  const lastPage = pages[pages.length - 1];
  const questions = toAdd.map((item) => itemToQuestion(item, {}, [lastPage?.visibleIf]) as Element);
  const chosen = new Set(items.map((item) => item.name));
  return {
    draft: deriveForDraft(addQuestions(draft, questions), bank),
    alsoAdded: toAdd.filter((item) => !chosen.has(item.name)),
  };
}
