import type { ExportStore } from '../../db/store/exports.ts';
import type { SurveyLayout } from '../../indicators/survey-layout.ts';
import { codebook } from '../codebook.ts';
import type { Cell } from '../csv-stream.ts';
import { microdataColumns } from '../microdata-columns.ts';
import type { MicrodataQuery } from '../microdata-query.ts';
import { microdataHeader, storedMicrodataPages } from '../microdata-rows.ts';
import { nativeVariables, type NativeVariable } from './variables.ts';

/** What a native writer needs: the typed variables, how many rows, and the rows as the CSV's cells (codes). */
export interface NativeSource {
  variables: NativeVariable[];
  rows: number;
  /** Bytes of the Stata strL records of each text column's values (text-widths.ts). */
  strlBytes: Map<string, number>;
  /** Pulled one page at a time from the store (either database). */
  pages: AsyncGenerator<Cell[][]>;
}

/**
 * The microdata of a survey ready for a native file: the CSV's own column list and cells
 * (microdata-rows.ts), typed by nativeVariables, with text widths and the row count read first
 * (the store's scanRows: text-widths.ts on SQLite, store/pg/text-widths.ts on PostgreSQL).
 * Responses stored after the export starts are left out (rowid bound), so the dictionary written
 * ahead of the data holds for every row.
 */
export async function nativeSource(store: ExportStore, surveyId: number, survey: SurveyLayout, query: MicrodataQuery): Promise<NativeSource> {
  const columns = microdataColumns(survey);
  const header = microdataHeader(columns);
  const entries = codebook(survey);
  const options = { language: query.language, names: query.names, widths: new Map<string, number>() };
  const untyped = nativeVariables(survey, header, columns, entries, options);
  const upTo = await store.exportBound();
  const scope = { surveyId, upTo, ...(query.waves ? { waves: query.waves } : {}) };
  const texts = untyped.filter((variable) => variable.kind === 'text').map((variable) => variable.column);
  const { rows, widths, strlBytes } = await store.scanRows(scope, survey.versions.map((version) => version.version), texts);
  const variables = nativeVariables(survey, header, columns, entries, { ...options, widths });
  return { variables, rows, strlBytes, pages: storedMicrodataPages(store, { ...scope, columns, values: 'codes' }) };
}
