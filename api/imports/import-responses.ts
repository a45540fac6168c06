import { createHash } from 'node:crypto';
import { validateAnswers } from '../../surveys/answers.ts';
import { listQuestions, type QuestionInfo } from '../../surveys/questions.ts';
import { contentHash } from '../canonical-json.ts';
import type { ImportedResponse, ImportsStore } from '../db/store/imports.ts';
import { ApiError } from '../errors.ts';
import type { PublishedVersion } from '../surveys/queries.ts';
import { fileProblem, readCsv } from './read-csv.ts';
import { issueAt, readRow, type ImportedRow, type ImportIssue } from './row-answers.ts';
import { columnRoles, sourceFormat } from './source-columns.ts';

export interface ImportOptions {
  fileName: string;
  /** Store the rows that fit and list the others, instead of storing nothing while any row fails. */
  skipInvalid: boolean;
  /** Language of rows without a language column (KoBoToolbox's files have none); default the questionnaire's first. */
  language?: string;
  /** Wave of rows without a wave column or cell. */
  wave?: number;
  userId: number | null;
  /** 'api' or 'command line', for the audit log. */
  via: string;
}

export interface ImportReport {
  survey: string;
  version: number;
  file: { name: string; sha256: string; format: string; rows: number };
  /** Rows stored now. */
  imported: number;
  /** Rows whose source id was stored before (an earlier import of another file with the same rows): not stored again. */
  alreadyStored: number[];
  /** With skip-invalid, the rows left out, each with its issues. */
  skipped: { row: number; issues: ImportIssue[] }[];
  /** Columns read as nothing: the source tool's metadata, our export's version/mode/received_at, unknown columns with no values. */
  ignoredColumns: string[];
  /** Set when this very file (same sha256) was imported into the survey before: nothing is added. */
  alreadyImported?: { rows: number; at: string };
  message: string;
}

const MAX_LISTED_ISSUES = 1000;

/**
 * Loads a microdata file (our own CSV export, or KoBoToolbox's CSV export of the same XLSForm) as
 * stored responses of one published version, marked mode 'import' with the file's sha256. Every
 * row is checked by the submission validator (surveys/answers.ts), as a respondent's answers
 * would be; while any row fails nothing is stored (422 listing row, column and issue) unless
 * `skipInvalid`. Everything is written in one transaction with its audit entry: the import
 * happens whole or not at all. The same file again adds nothing, and the report says so.
 */
export async function importResponses(store: ImportsStore, survey: PublishedVersion, file: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const sha256 = createHash('sha256').update(file).digest('hex');
  const language = options.language ?? survey.meta.languages[0]!;
  if (!survey.meta.languages.includes(language as never)) {
    throw new ApiError(422, 'The import options do not fit the questionnaire.', [{ field: 'language', issue: `must be one of ${survey.meta.languages.join(', ')}` }]);
  }
  const earlier = await store.earlier(survey.surveyId, sha256);
  const table = readCsv(file);
  const format = sourceFormat(table.header);
  const base = { survey: survey.slug, version: survey.version, file: { name: options.fileName, sha256, format, rows: table.rows.length } };
  if (earlier) {
    return { ...base, imported: 0, alreadyStored: [], skipped: [], ignoredColumns: [], alreadyImported: earlier,
      message: `This file (sha256 ${sha256.slice(0, 12)}…) was imported on ${earlier.at}: its ${earlier.rows} rows are stored; nothing was added.` };
  }

  const questions = new Map<string, QuestionInfo>();
  for (const question of listQuestions(survey.definition)) if (question.name && !question.path.includes('templateElements')) questions.set(question.name, question);
  const design = survey.meta.design as { weight?: string; strata?: string; cluster?: string } | undefined;
  const roles = columnRoles(table.header, { questions, originalNames: (survey.meta as { originalNames?: Record<string, string> }).originalNames ?? {}, design: design ?? {} });
  const ignoredColumns = table.header.filter((_, index) => roles[index]!.kind === 'ignored');
  const unknown = table.header.flatMap((name, index) => (roles[index]!.kind === 'unknown' && table.rows.some((cells) => cells[index] !== '') ? [name] : []));
  if (unknown.length > 0) {
    throw new ApiError(422, `The file has columns that are no question of version ${survey.version} of "${survey.slug}"; nothing was imported.`,
      unknown.map((column) => issueAt(1, column, `is no question of version ${survey.version}, nor a response or design column (wave, weight, stratum, psu, language, started_at, completed_at)`)));
  }
  ignoredColumns.push(...table.header.filter((_, index) => roles[index]!.kind === 'unknown'));

  const rows: ImportedRow[] = [];
  const skipped: ImportReport['skipped'] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    const { imported, issues } = readRow(cells, table.header, roles, index + 2, format === 'trustlens');
    imported.language ??= language;
    imported.wave ??= options.wave ?? null;
    if (!survey.meta.languages.includes(imported.language as never)) issues.push(issueAt(imported.row, table.header.includes('language') ? 'language' : '', `language must be one of ${survey.meta.languages.join(', ')}`));
    else for (const { field, issue } of validateAnswers(survey.definition, imported.answers)) issues.push(issueAt(imported.row, columnOf(imported, field), field.includes('.') || field.includes('[') ? `${field}: ${issue}` : issue));
    if (imported.sourceId !== null) {
      const first = seen.get(imported.sourceId);
      if (first !== undefined) issues.push(issueAt(imported.row, table.header[roles.findIndex((role) => role.kind === 'field' && role.field === 'sourceId')]!, `the same id as row ${first}`));
      else seen.set(imported.sourceId, imported.row);
    }
    if (issues.length > 0) skipped.push({ row: imported.row, issues });
    else rows.push(imported);
  });
  if (skipped.length > 0 && !options.skipInvalid) {
    const issues = skipped.flatMap((entry) => entry.issues);
    throw new ApiError(422, `${skipped.length} of ${table.rows.length} rows do not fit version ${survey.version} of "${survey.slug}"; nothing was imported${issues.length > MAX_LISTED_ISSUES ? ` (the first ${MAX_LISTED_ISSUES} of ${issues.length} issues are listed)` : ''}. Correct them, or import with skip-invalid to store the other rows.`,
      issues.slice(0, MAX_LISTED_ISSUES));
  }
  if (rows.length === 0) throw fileProblem(1, '', 'no row fits the questionnaire; nothing was imported');

  const stored: ImportedResponse[] = rows.map((row) => ({
    id: importedId(survey.surveyId, row.sourceId ?? `${sha256}:${row.row}`), surveyId: survey.surveyId, surveyVersionId: survey.versionId, version: survey.version, answers: row.answers,
    answersHash: contentHash({ survey: survey.surveyId, version: survey.version, language: row.language, answers: row.answers }),
    language: row.language!, mode: 'import' as const, isSynthetic: row.isSynthetic, wave: row.wave, stratum: row.stratum, psu: row.psu, weight: row.weight,
    startedAt: row.startedAt, completedAt: row.completedAt, importHash: sha256,
  }));
  // Rows whose id was stored before: by an earlier import of another file with the same rows.
  const alreadyStoredOf = (written: boolean[]) => rows.flatMap((row, index) => (written[index] ? [] : [row.row]));
  const written = await store.write(survey.surveyId, stored, (written) => {
    const alreadyStored = alreadyStoredOf(written);
    const imported = rows.length - alreadyStored.length;
    if (imported === 0) return undefined;
    return { userId: options.userId, action: 'responses.import', surveyId: survey.surveyId, target: `version ${survey.version}`,
      details: { file: options.fileName, sha256, format, imported, skipped: skipped.map((entry) => entry.row), alreadyStored, via: options.via } };
  });
  const alreadyStored = alreadyStoredOf(written);
  const imported = rows.length - alreadyStored.length;
  const parts = [`${imported} of ${table.rows.length} rows imported into version ${survey.version} of "${survey.slug}" (mode import)`];
  if (skipped.length > 0) parts.push(`${skipped.length} skipped for their issues`);
  if (alreadyStored.length > 0) parts.push(`${alreadyStored.length} already stored by an earlier import`);
  return { ...base, imported, alreadyStored, skipped, ignoredColumns, message: `${parts.join('; ')}.` };
}

/** The column an issue of the validator is about: the column its question's answer came from. */
function columnOf(row: ImportedRow, field: string): string {
  const key = field.split(/[.[]/)[0]!;
  return row.columns.get(key) ?? key;
}

/**
 * A stable response id for an imported row: a UUID made from the survey and the row's id in the
 * source (our export's id, KoBoToolbox's _uuid), or else the file's hash and row. Ids are unique
 * across surveys, so a file exported from one survey can be imported into another, and a row
 * already imported (from another file with the same rows) is recognised and not stored twice.
 */
function importedId(surveyId: number, source: string): string {
  const hex = createHash('sha256').update(`trustlens import:${surveyId}:${source}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
