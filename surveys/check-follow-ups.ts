import { filterQuestionsOf } from './compose.ts';
import { holds } from './conditions.ts';
import { ITEM_BANK, residenceItems, type Item } from './items/index.ts';
import type { Problem, SurveyDefinition } from './types.ts';

/** Every bank item, with the residence items (their conditions do not depend on the regions table). */
const BANK: Item[] = [...ITEM_BANK, ...residenceItems([])];

interface Placed {
  name: string;
  path: string;
  json: Record<string, unknown>;
  /** Conditions of the page and panels it sits in. */
  enclosing: (string | undefined)[];
}

function placedQuestions(definition: SurveyDefinition): Placed[] {
  const found: Placed[] = [];
  const walk = (elements: unknown, path: string, enclosing: (string | undefined)[]) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, index) => {
      if (!element || typeof element !== 'object') return;
      const json = element as Record<string, unknown>;
      const at = `${path}[${index}]`;
      if (Array.isArray(json.elements)) walk(json.elements, `${at}.elements`, [...enclosing, condition(json.visibleIf)]);
      else if (typeof json.name === 'string') found.push({ name: json.name, path: at, json, enclosing });
    });
  };
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  pages.forEach((page, index) => {
    const json = (page ?? {}) as Record<string, unknown>;
    walk(json.elements, `definition.pages[${index}].elements`, [condition(json.visibleIf)]);
  });
  return found;
}

function condition(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Warnings about follow-up questions of the item bank (items with `askedIf`) asked without what
 * makes them apply: their filter question missing or asked after them, their condition missing
 * from the question and the page or panel it is on, or choices an earlier answer should limit.
 * A question offering a "none" answer (`showNoneItem`) is its own filter and is not warned about.
 * Such a questionnaire can be published (a researcher may mean it), but its microdata would hold
 * answers that contradict each other ("no contact with the police", then how the contact went).
 * @example checkFollowUps({ pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'last_reason' }] }] })
 *   // → [{ path: 'definition.pages[0].elements[0]', message: 'is asked only when {contact_any} = 1 (item bank), but its filter question "contact_any" is not in the questionnaire: add it before this question' }, …]
 */
export function checkFollowUps(definition: SurveyDefinition, bank: Item[] = BANK): Problem[] {
  const questions = placedQuestions(definition);
  const order = new Map(questions.map((question, index) => [question.name, index]));
  const warnings: Problem[] = [];
  questions.forEach((question, index) => {
    const item = bank.find((candidate) => candidate.name === question.name);
    const followUp = item?.askedIf;
    // A multiple-choice question with a "none" answer ("I have had no contact with the police",
    // as in the short questionnaire) can be asked of everyone: that answer is its own filter.
    if (!item || !followUp || question.json.showNoneItem === true) return;
    for (const filter of filterQuestionsOf(item)) {
      const at = order.get(filter);
      if (at === undefined) {
        warnings.push({ path: question.path, message: `is asked only when ${followUp.visibleIf} (item bank), but its filter question "${filter}" is not in the questionnaire: add it before this question` });
      } else if (at > index) {
        warnings.push({ path: question.path, message: `depends on "${filter}", which is asked after it: move "${filter}" before this question` });
      }
    }
    const own = condition(question.json.visibleIf);
    if (!holds(followUp.visibleIf, [own, ...question.enclosing])) {
      warnings.push({
        path: `${question.path}.visibleIf`,
        message: `${own ? `its condition (${own}) does not include` : 'is asked of everyone, without'} the item bank's condition ${followUp.visibleIf}: add it, or the microdata will hold answers from people the question does not apply to`,
      });
    }
    if (followUp.choicesVisibleIf && !holds(followUp.choicesVisibleIf, [condition(question.json.choicesVisibleIf)])) {
      warnings.push({ path: `${question.path}.choicesVisibleIf`, message: `offers every choice, but the item bank offers only those where ${followUp.choicesVisibleIf}` });
    }
  });
  return warnings;
}
