import { listQuestions } from './questions.ts';
import type { SurveyDefinition } from './types.ts';
import { QUESTION_NAME, safeVariableName } from './variable-names.ts';

/** One question renamed on import, so that SPSS, Stata and R can use its name. */
export interface Rename {
  from: string;
  to: string;
  /** JSON path of the (first) question that carried the name. */
  path: string;
}

export interface ImportedDefinition<Meta> {
  definition: SurveyDefinition;
  meta: Meta;
  renames: Rename[];
}

/** Properties of triggers and questions that hold a question's name rather than an expression. */
const NAME_PROPERTIES = new Set(['setToName', 'fromName', 'gotoName', 'choicesFromQuestion']);
/** Meta keys that hold texts, never question names. */
const META_TEXT_KEYS = new Set(['label', 'title', 'languages', 'originalNames']);

/**
 * Brings a SurveyJS definition from another tool into the shape our checker and exports expect,
 * accepting what survey-core accepts:
 * - questions in top-level `elements` (or the older `questions`) are put on one page, as
 *   survey-core does itself;
 * - question names our rule refuses (`fullName`, `first-name`, `Hot hatch`) are renamed
 *   (variable-names.ts), and every reference to them follows: `{name}` in expressions and piped
 *   texts (case-insensitive, as survey-core reads them; also `{panel.name}`, `{name.row}`,
 *   `{name[0]}`), trigger targets, `choicesFromQuestion`, and the meta's references;
 * - `meta.originalNames` keeps each new name's original, for the codebook.
 * Names that already follow the rule are left alone. The input is not changed.
 * @example importDefinition({ elements: [{ type: 'text', name: 'fullName' }] }, { languages: ['en'] }).renames
 *   // → [{ from: 'fullName', to: 'full_name', path: 'definition.pages[0].elements[0]' }]
 */
export function importDefinition<Meta extends Record<string, unknown>>(input: SurveyDefinition, meta: Meta): ImportedDefinition<Meta> {
  const definition = wrapInPage(structuredClone(input));
  const questions = [...listQuestions(definition), ...dynamicPanels(definition)]
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const taken = new Set(questions.map((question) => question.name).filter((name) => QUESTION_NAME.test(name)));
  const byOldName = new Map<string, string>();
  const renames: Rename[] = [];
  for (const question of questions) {
    if (QUESTION_NAME.test(question.name)) continue;
    const known = byOldName.get(question.name.toLowerCase());
    const to = known ?? safeVariableName(question.name, taken);
    if (!known) {
      taken.add(to);
      byOldName.set(question.name.toLowerCase(), to);
      renames.push({ from: question.name, to, path: question.path });
    }
    question.json.name = to;
  }
  if (renames.length === 0) return { definition, meta: structuredClone(meta), renames };
  const rewritten = rewriteReferences(definition, byOldName, false) as SurveyDefinition;
  const newMeta = rewriteMeta(structuredClone(meta), byOldName) as Meta;
  const originalNames = { ...(newMeta.originalNames as Record<string, string> | undefined), ...Object.fromEntries(renames.map(({ from, to }) => [to, from])) };
  return { definition: rewritten, meta: { ...newMeta, originalNames }, renames };
}

/** Dynamic panels hold answers (a list of panels) that expressions read as `{name[0].inner}`, though listQuestions skips them. */
function dynamicPanels(node: unknown, path = 'definition', found: { name: string; path: string; json: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((child, index) => dynamicPanels(child, `${path}[${index}]`, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'paneldynamic' && typeof element.name === 'string') found.push({ name: element.name, path, json: element });
    for (const key of ['pages', 'elements', 'templateElements']) if (Array.isArray(element[key])) dynamicPanels(element[key], `${path}.${key}`, found);
  }
  return found;
}

function wrapInPage(definition: SurveyDefinition): SurveyDefinition {
  if (Array.isArray(definition.pages)) return definition;
  const elements = Array.isArray(definition.elements) ? definition.elements : Array.isArray(definition.questions) ? definition.questions : undefined;
  if (!elements) return definition;
  const { elements: _elements, questions: _questions, ...rest } = definition;
  return { ...rest, pages: [{ name: 'page1', elements }] };
}

/**
 * `{…}` references in a string, with each renamed question's part renamed: `{name}`,
 * `{panel.inner}`, `{dynamic[0].inner}`, `{matrix.row}` (a part that is no renamed question, such
 * as a context prefix or a matrix row, stays as it is).
 */
export function renameInText(text: string, byOldName: ReadonlyMap<string, string>): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, inner: string) => {
    let changed = false;
    const segments = inner.split('.').map((segment) => {
      const match = /^(\s*)(.*?)((?:\[[^\]]*\])?(?:-unwrapped)?)(\s*)$/.exec(segment)!;
      const renamed = byOldName.get(match[2]!.toLowerCase());
      if (!renamed) return segment;
      changed = true;
      return `${match[1]}${renamed}${match[3]}${match[4]}`;
    });
    return changed ? `{${segments.join('.')}}` : whole;
  });
}

function rewriteReferences(node: unknown, byOldName: ReadonlyMap<string, string>, isNameValue: boolean): unknown {
  if (typeof node === 'string') {
    return isNameValue ? (byOldName.get(node.toLowerCase()) ?? node) : renameInText(node, byOldName);
  }
  if (Array.isArray(node)) return node.map((child) => rewriteReferences(child, byOldName, false));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [
    key,
    // Element names are already renamed; a calculated value's name is a variable, not a question.
    key === 'name' ? value : rewriteReferences(value, byOldName, NAME_PROPERTIES.has(key)),
  ]));
}

/** The meta refers to questions by plain name (indicator items, dimensions, design columns). */
function rewriteMeta(node: unknown, byOldName: ReadonlyMap<string, string>): unknown {
  if (typeof node === 'string') return byOldName.get(node.toLowerCase()) ?? node;
  if (Array.isArray(node)) return node.map((child) => rewriteMeta(child, byOldName));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, META_TEXT_KEYS.has(key) ? value : rewriteMeta(value, byOldName)]));
}
