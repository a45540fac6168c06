import type { LanguageCode } from '../types.ts';
import { languageOf, OFFERED_LANGUAGES } from './languages.ts';

/** One sheet of an XLSForm as plain text cells: what api/ reads out of the .xlsx. */
export interface XlsformSheet {
  /** The column headers of row 1, as written. */
  header: string[];
  /** Every row below the header that has a cell, with its spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: Record<string, string> }[];
}

/** The sheets the conversion reads; others in the file are listed as not used. */
export interface XlsformWorkbook {
  survey?: XlsformSheet;
  choices?: XlsformSheet;
  settings?: XlsformSheet;
  /** Names of the other sheets in the file. */
  otherSheets?: string[];
}

/** A row (or a column of a row) of the file that the questionnaire does not carry over, and why. */
export interface Unmapped {
  sheet: string;
  row: number;
  column?: string;
  /** The row's `name`, when it has one. */
  name?: string;
  reason: string;
}

/** Texts of one field (label, hint, …) in each language, with the column each came from. */
export type Texts = Partial<Record<LanguageCode, string>>;

/**
 * How a sheet's columns are read: the plain ones by lower-case name, the translated ones
 * (`label::Bosnian (bs)`) by field and language. A language we do not offer is reported once.
 */
export class Columns {
  /** Header as written → its field (lower case) and language. */
  private readonly byHeader = new Map<string, { field: string; language?: LanguageCode }>();

  constructor(sheetName: string, sheet: XlsformSheet, defaultLanguage: LanguageCode, unmapped: Unmapped[]) {
    for (const header of sheet.header) {
      if (!header.trim()) continue;
      const [field, ...suffix] = header.split('::');
      const base = field!.trim().toLowerCase();
      if (suffix.length === 0 || !TRANSLATABLE.has(base)) {
        // `media::image` and the like are fields of their own, reported per row if used.
        this.byHeader.set(header, suffix.length === 0 && TRANSLATABLE.has(base) ? { field: base, language: defaultLanguage } : { field: header.trim().toLowerCase() });
        continue;
      }
      const texts = sheet.rows.map((row) => row.cells[header] ?? '').filter(Boolean);
      const language = languageOf(suffix.join('::'), texts);
      if (language) this.byHeader.set(header, { field: base, language });
      else if (texts.length > 0) unmapped.push({ sheet: sheetName, row: 1, column: header, reason: `"${suffix.join('::')}" is not a language Trustlens offers (${OFFERED_LANGUAGES}); the column's texts are left out` });
    }
  }

  /** The plain cell of a field (`type`, `name`, `relevant` …), trimmed; '' when empty. */
  plain(cells: Record<string, string>, field: string): string {
    for (const [header, column] of this.byHeader) {
      if (column.field === field && !column.language) return (cells[header] ?? '').trim();
    }
    return '';
  }

  /** A translatable field's texts; a language's own column wins over the plain one. */
  texts(cells: Record<string, string>, field: string): Texts {
    const texts: Texts = {};
    for (const [header, column] of this.byHeader) {
      const text = (cells[header] ?? '').trim();
      if (column.field !== field || !column.language || !text) continue;
      if (!texts[column.language] || header.includes('::')) texts[column.language] = text;
    }
    return texts;
  }

  /** Languages with at least one text in this sheet, in column order. */
  languages(sheet: XlsformSheet): LanguageCode[] {
    const found = new Set<LanguageCode>();
    for (const [header, column] of this.byHeader) {
      if (column.language && sheet.rows.some((row) => (row.cells[header] ?? '').trim())) found.add(column.language);
    }
    return [...found];
  }

  /** Non-empty cells of columns that are not among `known` fields, for the report. */
  unknown(cells: Record<string, string>, known: ReadonlySet<string>): string[] {
    return Object.keys(cells).filter((header) => {
      if (!(cells[header] ?? '').trim() || header.trim().startsWith('$')) return false;
      const column = this.byHeader.get(header);
      return column !== undefined && !known.has(column.field);
    });
  }
}

/** Fields written per language. */
export const TRANSLATABLE = new Set(['label', 'hint', 'constraint_message', 'required_message', 'guidance_hint']);

/** XLSForm's yes/no cells (`yes`, `TRUE`, `true()` …); undefined for anything else (an expression). */
export function yesNo(value: string): boolean | undefined {
  const normal = value.trim().toLowerCase();
  if (['yes', 'true', 'true()', '1', 'y'].includes(normal)) return true;
  if (['no', 'false', 'false()', '0', 'n', ''].includes(normal)) return false;
  return undefined;
}
