import type { Reference } from './xpath.ts';

/** What a survey-sheet name stands for, and inside which repeats (outermost first) it sits. */
export interface XlsformSymbol {
  kind: 'question' | 'group' | 'repeat';
  multiple: boolean;
  repeats: string[];
}

export type Symbols = Map<string, XlsformSymbol>;

/**
 * How `${name}` is written in SurveyJS from a row inside `repeats`: a top-level question as
 * `{name}` (survey-core finds it from inside a dynamic panel too), a question of the same repeat
 * as `{panel.name}`, one of the enclosing repeat as `{parentPanel.name}`. A question inside a
 * repeat the row is not in holds one answer per entry, which XLSForm reads as a list: not translated.
 */
export function resolveName(symbols: Symbols, name: string, repeats: readonly string[]): Reference | { error: string } {
  const symbol = symbols.get(name);
  if (!symbol) return { error: `no question named "${name}" in the survey sheet` };
  if (symbol.kind !== 'question') return { error: `"${name}" is a ${symbol.kind}, not a question` };
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  const multiple = symbol.multiple;
  if (symbol.repeats.length === 0) return { text: `{${name}}`, multiple };
  if (same(symbol.repeats, repeats)) return { text: `{panel.${name}}`, multiple };
  if (same(symbol.repeats, repeats.slice(0, -1))) return { text: `{parentPanel.${name}}`, multiple };
  return { error: `"${name}" is inside the repeat "${symbol.repeats.at(-1)}", which this row is not in (one answer per entry)` };
}
