import type { SurveyDefinition, SurveyMeta } from '../../../surveys/types.ts';

/**
 * The builder edits one thing: the {definition, meta} pair the API stores as a draft. Every
 * operation here is pure: it returns a new pair and never changes the one it was given, so the
 * page can keep history, compare and save without surprises.
 */
export interface Draft {
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

export type Element = Record<string, unknown> & { name: string; type: string };
export interface Page {
  name: string;
  title?: unknown;
  elements: Element[];
  visibleIf?: string;
  [key: string]: unknown;
}

/** Where a question sits: page index and element index in that page. */
export interface Position {
  page: number;
  index: number;
}

export function pagesOf(draft: Draft): Page[] {
  const pages = draft.definition.pages;
  return Array.isArray(pages) ? (pages as Page[]) : [];
}

/** Every question of the draft with its position, in questionnaire order. */
export function questionsOf(draft: Draft): (Position & { element: Element })[] {
  return pagesOf(draft).flatMap((page, pageIndex) =>
    (page.elements ?? []).map((element, index) => ({ page: pageIndex, index, element })));
}

export function findQuestion(draft: Draft, name: string): (Position & { element: Element }) | undefined {
  return questionsOf(draft).find((entry) => entry.element.name === name);
}

/** A copy of the draft with its pages replaced. */
export function withPages(draft: Draft, pages: Page[]): Draft {
  return { definition: { ...draft.definition, pages }, meta: draft.meta };
}

function clonePages(draft: Draft): Page[] {
  return structuredClone(pagesOf(draft));
}

/** Moves an item of a list from one index to another (indexes outside the list are clamped). */
export function moveInList<T>(list: T[], from: number, to: number): T[] {
  const copy = [...list];
  const target = Math.max(0, Math.min(copy.length - 1, to));
  if (from < 0 || from >= copy.length || from === target) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved!);
  return copy;
}

export function movePage(draft: Draft, from: number, to: number): Draft {
  return withPages(draft, moveInList(clonePages(draft), from, to));
}

/**
 * Moves a question. Within a page it changes places; moving past the first or last place of a
 * page (to index -1 or length) carries it to the end of the page before or the start of the next;
 * a target on another page (drag and drop) puts it at that place there.
 */
export function moveQuestion(draft: Draft, from: Position, to: Position): Draft {
  const pages = clonePages(draft);
  const source = pages[from.page];
  if (!source || !source.elements[from.index]) return draft;
  if (to.page === from.page && to.index >= 0 && to.index < source.elements.length) {
    source.elements = moveInList(source.elements, from.index, to.index);
    return withPages(draft, pages);
  }
  const step = to.index < 0 ? -1 : 1;
  const targetPage = to.page !== from.page ? pages[to.page] : pages[from.page + step];
  if (!targetPage) return draft;
  const [moved] = source.elements.splice(from.index, 1);
  if (to.page !== from.page) targetPage.elements.splice(Math.max(0, Math.min(to.index, targetPage.elements.length)), 0, moved!);
  else if (step < 0) targetPage.elements.push(moved!);
  else targetPage.elements.unshift(moved!);
  return withPages(draft, pages);
}

/** Changes one question (found by name) with `change`, which gets a copy it may edit. */
export function updateQuestion(draft: Draft, name: string, change: (element: Element) => Element): Draft {
  const pages = clonePages(draft);
  for (const page of pages) {
    const index = page.elements.findIndex((element) => element.name === name);
    if (index >= 0) {
      page.elements[index] = change(page.elements[index]!);
      return withPages(draft, pages);
    }
  }
  return draft;
}

export function setRequired(draft: Draft, name: string, required: boolean): Draft {
  return updateQuestion(draft, name, (element) => {
    const { isRequired: _old, ...rest } = element;
    return (required ? { ...rest, isRequired: true } : rest) as Element;
  });
}

export function removeQuestion(draft: Draft, name: string): Draft {
  const pages = clonePages(draft).map((page) => ({ ...page, elements: page.elements.filter((element) => element.name !== name) }));
  return withPages(draft, pages);
}

/** Adds questions to a page (by default the last one), creating a first page when there is none. */
export function addQuestions(draft: Draft, questions: Element[], pageIndex?: number): Draft {
  const pages = clonePages(draft);
  if (pages.length === 0) pages.push({ name: 'page1', elements: [] });
  const page = pages[pageIndex ?? pages.length - 1] ?? pages[pages.length - 1]!;
  page.elements.push(...structuredClone(questions));
  return withPages(draft, pages);
}

/** A page name not yet used: page1, page2, … */
export function newPageName(draft: Draft): string {
  const used = new Set(pagesOf(draft).map((page) => page.name));
  let number = used.size + 1;
  while (used.has(`page${number}`)) number += 1;
  return `page${number}`;
}

export function addPage(draft: Draft, name = newPageName(draft)): Draft {
  return withPages(draft, [...clonePages(draft), { name, elements: [] }]);
}

/** Removes an empty page; a page that still holds questions is kept (its questions would be lost). */
export function removePage(draft: Draft, index: number): Draft {
  const pages = clonePages(draft);
  if (pages[index]?.elements.length) return draft;
  pages.splice(index, 1);
  return withPages(draft, pages);
}

export function updatePage(draft: Draft, index: number, change: (page: Page) => Page): Draft {
  const pages = clonePages(draft);
  if (!pages[index]) return draft;
  pages[index] = change(pages[index]!);
  return withPages(draft, pages);
}

/** Every question name already in use, so new questions get a name of their own. */
export function questionNames(draft: Draft): Set<string> {
  return new Set(questionsOf(draft).map((entry) => entry.element.name));
}
