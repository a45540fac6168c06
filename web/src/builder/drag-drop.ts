import { findQuestion, movePage, moveQuestion, pagesOf, type Draft } from './draft-model.ts';

/** Sortable ids: a question is its (permanent) name; a page is `page:<name>`; a page's drop area `page-drop:<index>`. */
export const pageId = (name: string) => `page:${name}`;
export const pageDropId = (index: number) => `page-drop:${index}`;

/**
 * What dropping the dragged thing (`active`) on `over` does to the draft: a question dropped on a
 * question takes its place (on that page), dropped on a page's drop area goes to the end of that
 * page; a page dropped on a page takes its place. Anything else changes nothing.
 * @example applyDrop(draft, 'pf_fair', 'trust_police') // pf_fair moves to where trust_police was
 */
export function applyDrop(draft: Draft, active: string, over: string | undefined): Draft {
  if (!over || active === over) return draft;
  const pages = pagesOf(draft);
  if (active.startsWith('page:')) {
    const from = pages.findIndex((page) => pageId(page.name) === active);
    const to = pages.findIndex((page) => pageId(page.name) === over);
    return from >= 0 && to >= 0 ? movePage(draft, from, to) : draft;
  }
  const source = findQuestion(draft, active);
  if (!source) return draft;
  if (over.startsWith('page-drop:')) {
    const page = Number(over.slice('page-drop:'.length));
    if (!pages[page]) return draft;
    const end = pages[page]!.elements.length - (page === source.page ? 1 : 0);
    return moveQuestion(draft, source, { page, index: end });
  }
  const target = findQuestion(draft, over);
  return target ? moveQuestion(draft, source, { page: target.page, index: target.index }) : draft;
}
