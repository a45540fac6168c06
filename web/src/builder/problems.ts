import { checkFollowUps } from '../../../surveys/check-follow-ups.ts';
import { checkSurveyFile } from '../../../surveys/check.ts';
import { pagesOf, type Draft } from './draft-model.ts';

/** One checker problem, the same `{ field, issue }` the server sends with a refused publish. */
export interface FieldProblem {
  field: string;
  issue: string;
}

/** The builder element a problem belongs to, so the message can be shown beside it. */
export type ProblemTarget =
  | { kind: 'question'; name: string; detail: string }
  | { kind: 'page'; index: number; detail: string }
  | { kind: 'survey'; detail: string }
  | { kind: 'meta'; section: string; detail: string };

/**
 * Runs the very checker the server runs on publish (surveys/check.ts), in the browser.
 * The slug only needs to be valid; the server checks the real one.
 */
export function checkDraft(slug: string, draft: Draft): FieldProblem[] {
  return checkSurveyFile({ slug, definition: draft.definition, meta: draft.meta })
    .map((problem) => ({ field: problem.path || '(questionnaire)', issue: problem.message }));
}

/**
 * The checker's warnings, as the server sends them with a draft: follow-up questions asked
 * without their filter question or condition. They do not stop publishing.
 */
export function checkDraftWarnings(draft: Draft): FieldProblem[] {
  return checkFollowUps(draft.definition).map((warning) => ({ field: warning.path, issue: warning.message }));
}

const ELEMENT = /^definition\.pages\[(\d+)\]\.elements\[(\d+)\](?:\.(.*))?$/;
const PAGE = /^definition\.pages\[(\d+)\](?:\.(.*))?$/;

/**
 * Maps a problem's JSON path back to the question, page, questionnaire setting or meta section
 * it is about. `detail` is the rest of the path in words a researcher reads ("title", "choices[2].text").
 * @example targetOf(draft, 'definition.pages[0].elements[1].title') // → { kind: 'question', name: 'trust_police', detail: 'title' }
 */
export function targetOf(draft: Draft, field: string): ProblemTarget {
  const pages = pagesOf(draft);
  const element = ELEMENT.exec(field);
  if (element) {
    const name = pages[Number(element[1])]?.elements?.[Number(element[2])]?.name;
    if (typeof name === 'string') return { kind: 'question', name, detail: element[3] ?? '' };
  }
  const page = PAGE.exec(field);
  if (page && !page[2]?.startsWith('elements')) return { kind: 'page', index: Number(page[1]), detail: page[2] ?? '' };
  if (field.startsWith('meta.')) {
    const section = field.slice(5).split(/[.[]/)[0]!;
    return { kind: 'meta', section, detail: field.slice(5) };
  }
  return { kind: 'survey', detail: field.replace(/^definition\.?/, '') };
}

/** Problems grouped by the key of their target (`question:<name>`, `page:<i>`, `meta:<section>`, `survey`). */
export function groupProblems(draft: Draft, problems: FieldProblem[]): Map<string, (FieldProblem & { detail: string })[]> {
  const groups = new Map<string, (FieldProblem & { detail: string })[]>();
  for (const problem of problems) {
    const target = targetOf(draft, problem.field);
    const key = target.kind === 'question' ? `question:${target.name}` : target.kind === 'page' ? `page:${target.index}`
      : target.kind === 'meta' ? `meta:${target.section}` : 'survey';
    groups.set(key, [...(groups.get(key) ?? []), { ...problem, detail: target.detail }]);
  }
  return groups;
}

/** A problem as one sentence: "title: text missing in sr-Cyrl". */
export function describeProblem(problem: { detail: string; issue: string }): string {
  return problem.detail ? `${problem.detail}: ${problem.issue}` : problem.issue;
}
