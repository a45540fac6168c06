import { z } from 'zod';
import { cellAnswer, choiceAnswer } from './answer-cells.ts';
import type { ColumnRole, ResponseField } from './source-columns.ts';

/** One problem of an imported file: its row (the header is row 1, as a spreadsheet shows it), column and what is wrong. */
export interface ImportIssue {
  row: number;
  column: string;
  /** "row 3, trust_police": the two in one, as every 422 of the API names its `field`. */
  field: string;
  issue: string;
}

export function issueAt(row: number, column: string, issue: string): ImportIssue {
  return { row, column, field: column ? `row ${row}, ${column}` : `row ${row}`, issue };
}

/** A row of the file as it will be stored, before the answers are validated. */
export interface ImportedRow {
  row: number;
  sourceId: string | null;
  isSynthetic: boolean;
  language: string | null;
  wave: number | null;
  stratum: string | null;
  psu: string | null;
  weight: number | null;
  startedAt: string | null;
  completedAt: string | null;
  answers: Record<string, unknown>;
  /** Answer key → the column it was read from, to name the column of the validator's issues. */
  columns: Map<string, string>;
}

const dateTime = z.iso.datetime({ offset: true });
/** An apostrophe our exports put before text a spreadsheet would run as a formula (api/exports/safe-cell.ts). */
const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * Reads one row of cells through the columns' roles: answers keyed as SurveyJS stores them, the
 * response fields (id in the source, language, design, times), and an issue for each cell that
 * cannot be a value of its field. Answers are typed (answer-cells.ts) but not judged here: the
 * submission validator does that, for every row, as for a respondent's browser.
 */
export function readRow(cells: string[], header: string[], roles: ColumnRole[], row: number, unNeutralise: boolean): { imported: ImportedRow; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const imported: ImportedRow = {
    row, sourceId: null, isSynthetic: false, language: null, wave: null, stratum: null, psu: null, weight: null,
    startedAt: null, completedAt: null, answers: {}, columns: new Map(),
  };
  const ticked = new Map<string, { choices: unknown[]; answered: boolean }>();
  roles.forEach((role, index) => {
    let text = cells[index] ?? '';
    if (unNeutralise && NEUTRALISED.test(text)) text = text.slice(1);
    const column = header[index]!;
    if (role.kind === 'member') {
      const name = role.question.name;
      if (!imported.columns.has(name)) imported.columns.set(name, column);
      if (text === '') return;
      const entry = ticked.get(name) ?? { choices: [], answered: false };
      ticked.set(name, entry);
      if (text === '1') entry.choices.push(role.choice);
      else if (text !== '0') issues.push(issueAt(row, column, `must be 1 (ticked), 0 (not ticked) or empty, not "${text}"`));
      entry.answered ||= text === '1';
      return;
    }
    if (text === '') return;
    if (role.kind === 'answer') {
      const question = role.question;
      imported.columns.set(question.name, column);
      imported.answers[question.name] = question.type === 'checkbox' || question.type === 'tagbox'
        ? listAnswer(question, text)
        : cellAnswer(question, text);
    } else if (role.kind === 'comment') {
      imported.columns.set(role.key, column);
      imported.answers[role.key] = text;
    } else if (role.kind === 'field') {
      const problem = setField(imported, role.field, text);
      if (problem) issues.push(issueAt(row, column, problem));
    }
  });
  // A list column (KoBoToolbox's "a b") wins over its 0/1 columns; without one, the ticked columns make the list.
  for (const [name, { choices, answered }] of ticked) if (answered && imported.answers[name] === undefined) imported.answers[name] = choices;
  if (imported.startedAt && imported.completedAt && Date.parse(imported.completedAt) < Date.parse(imported.startedAt)) {
    issues.push(issueAt(row, header[roles.findIndex((role) => role.kind === 'field' && role.field === 'completedAt')] ?? 'completed_at', 'is before the start'));
  }
  return { imported, issues };
}

/** A multiple-response answer written in one cell: space-separated codes (KoBoToolbox), or a JSON list. */
function listAnswer(question: Parameters<typeof choiceAnswer>[0], text: string): unknown {
  if (text.startsWith('[')) return cellAnswer({ ...question, type: 'ranking' }, text);
  return text.split(/\s+/).filter(Boolean).map((code) => choiceAnswer(question, code));
}

function setField(row: ImportedRow, field: ResponseField, text: string): string | null {
  switch (field) {
    case 'sourceId':
      row.sourceId = text.replace(/^uuid:/, '');
      return null;
    case 'isSynthetic':
      if (text !== '0' && text !== '1') return 'must be 1 (synthetic) or 0';
      row.isSynthetic = text === '1';
      return null;
    case 'language':
      row.language = text;
      return null;
    case 'wave': {
      const wave = Number(text);
      if (!Number.isInteger(wave)) return 'must be a whole number (the wave, e.g. the fieldwork year)';
      row.wave = wave;
      return null;
    }
    case 'weight': {
      const weight = Number(text);
      if (!Number.isFinite(weight) || weight <= 0) return 'must be a positive number (the design weight)';
      row.weight = weight;
      return null;
    }
    case 'stratum':
    case 'psu':
      row[field] = text;
      return null;
    case 'startedAt':
    case 'completedAt':
      if (!dateTime.safeParse(text).success) return 'must be an ISO 8601 date-time with its offset (2024-05-01T10:15:00+02:00)';
      row[field] = text;
      return null;
  }
}
