import { importDefinition, type Rename } from '../import-surveyjs.ts';
import type { LanguageCode, SurveyDefinition, SurveyMeta } from '../types.ts';
import { safeVariableName } from '../variable-names.ts';
import { readChoices, type ChoiceLists } from './choices.ts';
import { questionElement, type RowScope } from './elements.ts';
import { languageOf } from './languages.ts';
import { Columns, type Texts, type Unmapped, type XlsformSheet, type XlsformWorkbook } from './sheets.ts';
import { resolveName, type Symbols } from './symbols.ts';
import { mapTexts, surveyText } from './texts.ts';
import { translateXPath } from './xpath.ts';

export interface XlsformConversion {
  definition: SurveyDefinition;
  meta: SurveyMeta;
  /** Names changed so SPSS, Stata and R can use them (decision 008), old → new. */
  renames: Rename[];
  /** Every row (or cell) of the file that the questionnaire does not carry, with sheet, row and reason. */
  unmapped: Unmapped[];
  /** The settings sheet's form_id and version, if given. */
  formId?: string;
  formVersion?: string;
}

/** A file that cannot be read as an XLSForm at all (answered 422 with `field` and `issue`). */
export class XlsformError extends Error {
  constructor(message: string, readonly issue: string) {
    super(message);
  }
}

type Element = Record<string, unknown>;
interface Frame { kind: 'group' | 'repeat'; name: string; row: number; children: Element[]; repeats: string[] }

const BEGIN = /^begin[ _](group|repeat)$/;
const END = /^end[ _](group|repeat)$/;
const SETTINGS = new Set(['form_title', 'form_id', 'version', 'default_language']);

/**
 * An XLSForm (its survey, choices and settings sheets as plain cells) as a SurveyJS definition
 * plus meta: top-level groups become pages, nested groups panels, repeats dynamic panels;
 * `relevant`, `required` and `constraint` become SurveyJS expressions (xpath.ts); `label::<language>`
 * columns our languages. Names then follow decision 008 (import-surveyjs.ts). Whatever cannot be
 * carried over is listed in `unmapped`, never silently dropped.
 */
export function convertXlsform(workbook: XlsformWorkbook): XlsformConversion {
  const survey = workbook.survey;
  if (!survey) throw new XlsformError('The file has no "survey" sheet, so it is not an XLSForm.', 'needs a sheet named "survey"');
  const headers = new Set(survey.header.map((header) => header.trim().toLowerCase()));
  if (!headers.has('type') || !headers.has('name')) throw new XlsformError('The "survey" sheet has no "type" and "name" columns in its first row.', 'the survey sheet needs the columns "type" and "name"');
  const unmapped: Unmapped[] = [];
  const settings = readSettings(workbook, unmapped);
  const columns = new Columns('survey', survey, settings.language, unmapped);
  const choiceColumns = workbook.choices ? new Columns('choices', workbook.choices, settings.language, unmapped) : undefined;
  const choiceLists = readChoices(workbook.choices, choiceColumns, unmapped);
  for (const sheet of workbook.otherSheets ?? []) unmapped.push({ sheet, row: 1, reason: `the sheet "${sheet}" is not part of an XLSForm that Trustlens reads (survey, choices, settings)` });

  // The default language first when it has texts; a form written only in Bosnian and Serbian is offered in those.
  const written = unique([...columns.languages(survey), ...(choiceColumns && workbook.choices ? choiceColumns.languages(workbook.choices) : [])]);
  const languages = written.length === 0 ? [settings.language] : written.includes(settings.language) ? [settings.language, ...written.filter((language) => language !== settings.language)] : written;
  const symbols = collectSymbols(survey, columns);
  const pages = buildPages(survey, columns, symbols, choiceLists, languages, unmapped);
  const titleLanguage = languages.includes(settings.language) ? settings.language : languages[0]!;
  const definition: SurveyDefinition = { ...(settings.title ? { title: surveyText({ [titleLanguage]: settings.title }) } : {}), pages };
  const imported = importDefinition(definition, { languages } as SurveyMeta);
  return {
    definition: imported.definition, meta: imported.meta, renames: imported.renames,
    unmapped: unmapped.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row),
    ...(settings.formId ? { formId: settings.formId } : {}), ...(settings.version ? { formVersion: settings.version } : {}),
  };
}

function readSettings(workbook: XlsformWorkbook, unmapped: Unmapped[]) {
  const sheet = workbook.settings;
  const first = sheet?.rows[0];
  const cell = (field: string) => Object.entries(first?.cells ?? {}).find(([header]) => header.trim().toLowerCase() === field)?.[1]?.trim() ?? '';
  const written = cell('default_language');
  const labels = workbook.survey?.rows.map((row) => Object.entries(row.cells).find(([header]) => header.trim().toLowerCase() === 'label')?.[1] ?? '') ?? [];
  let language: LanguageCode = 'en';
  if (written) {
    const found = languageOf(written, labels);
    if (found) language = found;
    else unmapped.push({ sheet: 'settings', row: first!.row, column: 'default_language', reason: `"${written}" is not a language Trustlens offers; the texts without a language are taken as English` });
  }
  for (const [header, value] of Object.entries(first?.cells ?? {})) {
    if (value.trim() && !SETTINGS.has(header.trim().toLowerCase())) unmapped.push({ sheet: 'settings', row: first!.row, column: header, reason: `the setting "${header}" is not used by Trustlens` });
  }
  for (const extra of sheet?.rows.slice(1) ?? []) unmapped.push({ sheet: 'settings', row: extra.row, reason: 'only the first row of the settings sheet is read' });
  return { language, title: cell('form_title'), formId: cell('form_id'), version: cell('version') };
}

/** What each name is (question, group, repeat), so expressions can refer to rows further down. */
function collectSymbols(survey: XlsformSheet, columns: Columns): Symbols {
  const symbols: Symbols = new Map();
  const stack: { kind: string; name: string }[] = [];
  for (const { cells } of survey.rows) {
    const type = normalType(columns.plain(cells, 'type'));
    const name = columns.plain(cells, 'name');
    const repeats = stack.filter((frame) => frame.kind === 'repeat').map((frame) => frame.name);
    const begin = BEGIN.exec(type);
    if (begin) {
      if (name) symbols.set(name, { kind: begin[1] as 'group' | 'repeat', multiple: false, repeats });
      stack.push({ kind: begin[1]!, name });
    } else if (END.test(type)) {
      if (stack.at(-1)?.kind === END.exec(type)![1]) stack.pop();
    } else if (name && type) {
      symbols.set(name, { kind: 'question', multiple: type.startsWith('select_multiple'), repeats });
    }
  }
  return symbols;
}

function buildPages(survey: XlsformSheet, columns: Columns, symbols: Symbols, choiceLists: ChoiceLists, languages: LanguageCode[], unmapped: Unmapped[]): Element[] {
  const pages: Element[] = [];
  const pageNames = new Set<string>();
  let loose: Element[] | undefined;
  const stack: Frame[] = [];
  const target = (): Element[] => {
    if (stack.length > 0) return stack.at(-1)!.children;
    if (!loose) {
      loose = [];
      pages.push({ name: safeVariableName(`page${pages.length + 1}`, pageNames), elements: loose });
      pageNames.add(pages.at(-1)!.name as string);
    }
    return loose;
  };

  for (const { row, cells } of survey.rows) {
    const type = normalType(columns.plain(cells, 'type'));
    const name = columns.plain(cells, 'name');
    const report = (reason: string, column?: string) => unmapped.push({ sheet: 'survey', row, ...(column ? { column } : {}), ...(name ? { name } : {}), reason });
    if (!type) {
      if (Object.entries(cells).some(([header, value]) => value.trim() && !header.trim().startsWith('$'))) report('the row has no type');
      continue;
    }
    const repeats = stack.filter((frame) => frame.kind === 'repeat').map((frame) => frame.name);
    const scope = rowScope({ row, cells, type, name, columns, symbols, choiceLists, languages, repeats, report });
    const end = END.exec(type);
    if (end) {
      if (stack.at(-1)?.kind === end[1]) stack.pop();
      else report(stack.length === 0 ? `"${type}" has no "begin ${end[1]}" before it` : `"${type}" while the ${stack.at(-1)!.kind} "${stack.at(-1)!.name}" is open; the row is ignored`);
      continue;
    }
    const begin = BEGIN.exec(type);
    if (begin) {
      const container = containerElement(begin[1] as 'group' | 'repeat', scope, stack.length === 0, row);
      if (stack.length === 0 && begin[1] === 'group') {
        container.name = safeVariableName(String(container.name), pageNames);
        pageNames.add(container.name as string);
        pages.push(container);
        loose = undefined;
      } else {
        target().push(container);
      }
      stack.push({ kind: begin[1] as 'group' | 'repeat', name: name || String(container.name), row, children: (container.elements ?? container.templateElements) as Element[], repeats });
      scope.finish();
      continue;
    }
    if (!name) {
      report(`a "${type}" row needs a name`);
      continue;
    }
    const element = questionElement(scope);
    if (element) {
      target().push(element);
      scope.finish();
    }
  }
  for (const frame of stack.reverse()) unmapped.push({ sheet: 'survey', row: frame.row, name: frame.name, reason: `the ${frame.kind} "${frame.name}" has no "end ${frame.kind}"; it is closed at the end of the sheet` });
  const kept = pages.filter((page) => (page.elements as Element[]).length > 0);
  return kept.length > 0 ? kept : [{ name: 'page1', elements: [] }];
}

/** A page or panel for a group, a dynamic panel for a repeat. */
function containerElement(kind: 'group' | 'repeat', scope: RowScope & { finish(): void }, topLevel: boolean, row: number): Element {
  const name = scope.name || `${kind}_${row}`;
  const title = surveyText(scope.texts('label'));
  const element: Element = kind === 'repeat' ? { type: 'paneldynamic', name, templateElements: [] } : topLevel ? { name, elements: [] } : { type: 'panel', name, elements: [] };
  if (title) element.title = title;
  if (scope.cell('relevant')) {
    const condition = scope.expression('relevant');
    if (condition) element.visibleIf = condition;
  }
  const appearance = scope.cell('appearance').split(/\s+/).filter((word) => word && word !== 'field-list');
  if (appearance.length > 0) scope.report(`the appearance "${appearance.join(' ')}" is not carried over`, 'appearance');
  if (kind === 'repeat') {
    const count = scope.cell('repeat_count');
    // A fixed number of entries; a count computed from answers has no SurveyJS property.
    if (/^\d+$/.test(count)) Object.assign(element, { panelCount: Number(count), minPanelCount: Number(count), maxPanelCount: Number(count) });
    else if (count) scope.report('a repeat_count computed from answers is not carried over; respondents add and remove entries themselves', 'repeat_count');
  }
  return element;
}

interface RowInput {
  row: number; cells: Record<string, string>; type: string; name: string; columns: Columns; symbols: Symbols;
  choiceLists: ChoiceLists; languages: LanguageCode[]; repeats: string[]; report: (reason: string, column?: string) => void;
}

/** A row's view for the mappers: each cell read is noted, and `finish` reports the cells no mapper read. */
function rowScope(input: RowInput): RowScope & { finish(): void } {
  const used = new Set(['type', 'name']);
  const { columns, cells, symbols, repeats, report } = input;
  const context = { resolve: (name: string) => resolveName(symbols, name, repeats), self: input.name };
  const self = input.name ? resolveName(symbols, input.name, repeats) : { error: '' };
  const pipe = (text: string, field: string) => text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const resolved = resolveName(symbols, inner.trim(), repeats);
    if ('error' in resolved) {
      report(`the text refers to \${${inner}}, but ${resolved.error}; it is shown as written`, field);
      return whole;
    }
    return resolved.text;
  });
  return {
    name: input.name, type: input.type, languages: input.languages, choiceLists: input.choiceLists,
    self: 'text' in self ? self.text : `{${input.name}}`,
    cell: (field) => { used.add(field); return columns.plain(cells, field); },
    texts: (field): Texts => { used.add(field); return mapTexts(columns.texts(cells, field), (text) => pipe(text, field)); },
    expression: (field) => {
      used.add(field);
      const source = columns.plain(cells, field);
      if (!source) return undefined;
      const translated = translateXPath(source, context);
      if ('expression' in translated) return translated.expression;
      report(`the ${field} "${source}" is not carried over: ${translated.error}`, field);
      return undefined;
    },
    report,
    finish: () => {
      for (const column of columns.unknown(cells, used)) report(`the column "${column}" is not used for a "${input.type}" row`, column);
    },
  };
}

/** The type in lower case with single spaces, except a choice list's name, which is case-sensitive. */
function normalType(type: string): string {
  const words = type.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase() ?? '';
  const keepsList = first.startsWith('select_') || first === 'rank';
  return words.map((word, index) => (keepsList && index === 1 ? word : word.toLowerCase())).join(' ');
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function sheetOrder(sheet: string): number {
  return ['settings', 'survey', 'choices'].indexOf(sheet) + 1 || 9;
}
