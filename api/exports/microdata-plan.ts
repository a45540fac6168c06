import { choiceValues, listQuestions } from '../../surveys/questions.ts';
import type { SurveyDefinition } from '../../surveys/types.ts';
import type { Layout } from '../indicators/layout.ts';
import { valueLabels, type MicrodataColumn } from './microdata-columns.ts';

/**
 * Where one microdata column's cells come from.
 * - packed: read from response_values' packed float64s (no JSON parsing), at `position`;
 *   `codes` turns a text variable's index back into its text (or label).
 * - json: extracted from the stored JSON answers by SQLite (`json_extract`, no JS parsing).
 */
export type ColumnPlan =
  | { source: 'packed'; position: number; member: boolean; codes: Cell[] | null; labels: Map<string, string> | null; versions: Set<number> }
  | { source: 'json'; path: string; labels: Map<string, string> | null };

type Cell = string | number | null;

/** Choice-like types whose answer is exactly one of the question's listed values. */
const LISTED = new Set(['radiogroup', 'dropdown', 'rating', 'imagepicker']);
/** Items that let an answer fall outside the listed values (or list them at run time). */
const EXTRA_ITEMS = ['showOtherItem', 'hasOther', 'showNoneItem', 'hasNone', 'showRefuseItem', 'showDontKnowItem', 'choicesByUrl', 'choicesFromQuestion'];

/** Label map of a column in `labels` mode: choices only (as the export always did), else null. */
export function columnLabels(column: MicrodataColumn, values: 'codes' | 'labels'): Map<string, string> | null {
  if (values !== 'labels' || column.kind === 'member' || !Array.isArray(column.json.choices)) return null;
  return new Map(valueLabels(column).map(({ value, label }) => [String(value), label]));
}

/**
 * Decides, per column, whether the packed values reproduce the stored JSON answer exactly.
 * A 0/1 choice column always does (packing records ticked/not ticked for every choice). A value
 * column does when every version asks it as a listed-choice question whose values are all numbers
 * (packed as the number) or all text (packed as the index of the text), with no "other", "none",
 * "refuse" or "don't know" item: then a valid answer is one of the values and packs losslessly.
 * Everything else (free text, numbers typed in, booleans with custom values, rankings, matrices)
 * is read from the JSON, by SQLite.
 */
export function planColumns(columns: MicrodataColumn[], layout: Layout, definitions: readonly SurveyDefinition[], values: 'codes' | 'labels'): ColumnPlan[] {
  const asked = new Map<string, Record<string, unknown>[]>();
  for (const definition of definitions) {
    for (const question of listQuestions(definition)) {
      if (!question.name) continue;
      const list = asked.get(question.name) ?? [];
      list.push({ ...question.json, __values: question.values ?? [] });
      asked.set(question.name, list);
    }
  }
  return columns.map((column) => {
    const labels = columnLabels(column, values);
    const variable = layout.byName.get(column.name);
    if (variable && column.kind === 'member' && variable.kind === 'member') {
      return { source: 'packed', position: variable.position, member: true, codes: null, labels: null, versions: new Set(column.versions) };
    }
    if (variable && column.kind === 'value' && variable.kind !== 'member' && lossless(asked.get(column.question) ?? [], variable.kind)) {
      const codes = variable.kind === 'code' ? variable.codes.map((code) => labels?.get(code) ?? code) : null;
      return { source: 'packed', position: variable.position, member: false, codes, labels: codes ? null : labels, versions: new Set(column.versions) };
    }
    return { source: 'json', path: `$."${column.question}"`, labels };
  });
}

function lossless(versions: Record<string, unknown>[], kind: 'number' | 'code'): boolean {
  if (versions.length === 0) return false;
  return versions.every((json) => {
    const listed = json.__values as unknown[];
    if (!LISTED.has(String(json.type)) || listed.length === 0) return false;
    if (EXTRA_ITEMS.some((key) => json[key] !== undefined && json[key] !== false)) return false;
    // ratingValues() turns rateValues into numbers; text rate values would not pack.
    if (Array.isArray(json.rateValues) && !choiceValues(json.rateValues).every((value) => typeof value === 'number')) return false;
    return listed.every((value) => (kind === 'number' ? typeof value === 'number' : typeof value === 'string'));
  });
}
