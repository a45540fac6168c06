import type { Columns, Texts, Unmapped, XlsformSheet } from './sheets.ts';

export interface Choice {
  value: string | number;
  texts: Texts;
}

/** The choice lists of the `choices` sheet by list name, in sheet order. */
export type ChoiceLists = Map<string, Choice[]>;

const WHOLE_NUMBER = /^-?(0|[1-9]\d{0,14})$/;
const KNOWN = new Set(['list_name', 'list name', 'name', 'value', 'label']);

/**
 * Reads the choices sheet. A list whose names are all whole numbers keeps them as numbers, so
 * the exports code them as written (1 = …, 2 = …) rather than by order of appearance.
 * Columns used only by `choice_filter` are reported once (row 1), since filtering is not carried over.
 */
export function readChoices(sheet: XlsformSheet | undefined, columns: Columns | undefined, unmapped: Unmapped[]): ChoiceLists {
  const lists: ChoiceLists = new Map();
  if (!sheet || !columns) return lists;
  const names = new Map<string, Set<string>>();
  const reportedColumns = new Set<string>();
  for (const { row, cells } of sheet.rows) {
    const list = columns.plain(cells, 'list_name') || columns.plain(cells, 'list name');
    const name = columns.plain(cells, 'name') || columns.plain(cells, 'value');
    if (!list && !name) {
      if (Object.values(cells).some((cell) => cell.trim())) unmapped.push({ sheet: 'choices', row, reason: 'a choice needs a list_name and a name' });
      continue;
    }
    if (!list || !name) {
      unmapped.push({ sheet: 'choices', row, ...(name ? { name } : {}), reason: list ? 'the choice has no name' : 'the choice has no list_name' });
      continue;
    }
    const seen = names.get(list) ?? new Set<string>();
    names.set(list, seen);
    if (seen.has(name)) {
      unmapped.push({ sheet: 'choices', row, name, reason: `list "${list}" has the choice "${name}" twice; the first is kept` });
      continue;
    }
    seen.add(name);
    for (const column of columns.unknown(cells, KNOWN)) {
      if (reportedColumns.has(column)) continue;
      reportedColumns.add(column);
      unmapped.push({ sheet: 'choices', row: 1, column, reason: /^(media|image|audio|video|big-image)/i.test(column) ? 'choice images and media are not carried over' : 'extra choice columns (used by choice_filter) are not carried over' });
    }
    const choices = lists.get(list) ?? [];
    lists.set(list, choices);
    choices.push({ value: name, texts: columns.texts(cells, 'label') });
  }
  for (const choices of lists.values()) {
    if (choices.every((choice) => WHOLE_NUMBER.test(String(choice.value)))) for (const choice of choices) choice.value = Number(choice.value);
  }
  return lists;
}
