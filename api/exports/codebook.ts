import { ITEM_BANK } from '../../surveys/items/index.ts';
import type { Item } from '../../surveys/items/index.ts';
import type { SurveyLayout } from '../indicators/survey-layout.ts';
import type { Cell } from './csv-stream.ts';
import { codedValues } from './native/coded-values.ts';
import { FIXED_COLUMNS, microdataColumns, textIn, valueLabels } from './microdata-columns.ts';

export interface CodebookEntry {
  variable: string;
  question: string | null;
  type: string;
  /** Question text per language of the survey (en, bs, hr, sr-Latn, sr-Cyrl…). */
  text: Record<string, string | null>;
  values: { value: string | number; label: string }[];
  construct: string | null;
  essVariable: string | null;
  missing: { value: number; meaning: string }[];
  /** Text-valued choices: the number each value is stored as in the .sav and .dta files (coded-values.ts). */
  nativeCodes: { value: string; code: number }[];
  versions: number[];
  /** The question's name in the file it was imported from, when the import renamed it (meta.originalNames). */
  originalName: string | null;
}

const FIXED_TEXT: Record<(typeof FIXED_COLUMNS)[number], [string, string]> = {
  id: ['string', 'Response id (generated on the device that sent it)'],
  is_synthetic: ['integer', '1 = SYNTHETIC: invented by the demo generator, not a real response; 0 = a real response'],
  version: ['integer', 'Questionnaire version answered'],
  language: ['string', 'Language answered in'],
  mode: ['string', 'web = self-completion, enumerator = face-to-face interview, import = loaded from a microdata file (an earlier wave)'],
  wave: ['integer', 'Survey wave'],
  stratum: ['string', 'Sampling stratum'],
  psu: ['string', 'Primary sampling unit'],
  weight: ['number', 'Design weight'],
  started_at: ['timestamp', 'When the respondent started (ISO 8601, UTC)'],
  completed_at: ['timestamp', 'When the respondent finished (ISO 8601, UTC)'],
  received_at: ['timestamp', 'When the server stored the response (ISO 8601, UTC)'],
};

const bank = new Map<string, Item>(ITEM_BANK.map((item) => [item.name, item]));

/** The codebook of a survey's microdata export: one entry per column, across all versions. */
export function codebook(survey: SurveyLayout): CodebookEntry[] {
  const languages = survey.versions.at(-1)?.meta.languages ?? ['en'];
  const allVersions = survey.versions.map((version) => version.version);
  const fixed: CodebookEntry[] = FIXED_COLUMNS.map((name) => ({
    variable: name, question: null, type: FIXED_TEXT[name][0],
    text: Object.fromEntries(languages.map((language) => [language, language === 'en' ? FIXED_TEXT[name][1] : null])),
    values: name === 'is_synthetic' ? [{ value: 0, label: 'real response' }, { value: 1, label: 'SYNTHETIC (invented, not a real response)' }] : [],
    construct: null, essVariable: null, missing: [], nativeCodes: [], versions: allVersions, originalName: null,
  }));
  const coded = codedValues(survey.versions.map((version) => version.definition));
  // Any version's import may have renamed a question; the name it came with is kept for the codebook.
  const originalNames = new Map<string, string>();
  for (const version of survey.versions) {
    const names = version.meta.originalNames;
    if (names && typeof names === 'object') for (const [name, original] of Object.entries(names)) if (typeof original === 'string') originalNames.set(name, original);
  }
  return [...fixed, ...microdataColumns(survey).map((column): CodebookEntry => {
    const item = bank.get(column.question);
    const title = column.json.title ?? column.question;
    const choiceText = column.kind === 'member'
      ? (valueLabelsFor(column.json, column.choice) ?? String(column.choice))
      : null;
    return {
      variable: column.name,
      question: column.question,
      type: column.kind === 'member' ? 'member' : column.type,
      text: Object.fromEntries(languages.map((language) => {
        const text = textIn(title, language) ?? (typeof title === 'string' ? title : null);
        return [language, text && choiceText ? `${text} — ${choiceText}` : text];
      })),
      values: valueLabels(column),
      construct: item?.construct ?? (column.question === 'region' || column.question === 'entity' || column.question === 'canton' ? 'residence' : null),
      essVariable: item?.ess ?? null,
      missing: column.kind === 'member' ? [] : (item?.missing ?? []).map(({ value, meaning }) => ({ value, meaning })),
      nativeCodes: column.kind === 'value' && coded.get(column.question)?.numeric === false
        ? [...coded.get(column.question)!.codes].map(([value, code]) => ({ value, code }))
        : [],
      versions: column.versions,
      originalName: originalNames.get(column.question) ?? null,
    };
  })];
}

function valueLabelsFor(json: Record<string, unknown>, choice: string | number | undefined): string | null {
  if (!Array.isArray(json.choices)) return null;
  const found = json.choices.find((entry: unknown) => (entry && typeof entry === 'object' ? (entry as { value: unknown }).value : entry) === choice);
  return found && typeof found === 'object' ? textIn((found as { text?: unknown }).text, 'en') : null;
}

/** The codebook as CSV rows: one line per variable, values and missing codes as "code=label" lists. */
export function codebookRows(entries: CodebookEntry[], languages: readonly string[]): { header: string[]; rows: Cell[][] } {
  return {
    header: ['variable', 'question', 'type', ...languages.map((language) => `text_${language}`), 'values', 'construct', 'ess_variable', 'missing', 'native_codes', 'versions', 'original_name'],
    rows: entries.map((entry) => [
      entry.variable, entry.question, entry.type, ...languages.map((language) => entry.text[language] ?? null),
      entry.values.map(({ value, label }) => `${value}=${label}`).join('; ') || null,
      entry.construct, entry.essVariable,
      entry.missing.map(({ value, meaning }) => `${value}=${meaning}`).join('; ') || null,
      entry.nativeCodes.map(({ value, code }) => `${code}=${value}`).join('; ') || null,
      entry.versions.join(' '),
      entry.originalName,
    ]),
  };
}

/**
 * The microdata header with each question renamed to its ESS variable where its item has one
 * (`names=ess`), so the data merge with ESS extracts; other columns keep their names. A name
 * another column already has is left as it was.
 */
export function essNames(header: readonly string[], entries: CodebookEntry[]): string[] {
  const ess = new Map(entries.flatMap((entry) => (entry.essVariable ? [[entry.variable, entry.essVariable] as const] : [])));
  const taken = new Set(header);
  return header.map((name) => {
    const renamed = ess.get(name);
    if (!renamed || taken.has(renamed)) return name;
    taken.add(renamed);
    return renamed;
  });
}

/** The codebook with each question's variable renamed to its ESS name where the item has one, as essNames renames the export's header. */
export function withEssNames(entries: CodebookEntry[]): CodebookEntry[] {
  const names = essNames(entries.map((entry) => entry.variable), entries);
  return entries.map((entry, index) => ({ ...entry, variable: names[index]! }));
}
