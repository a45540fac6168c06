import { parse } from 'csv-parse/sync';
import { ApiError } from '../errors.ts';
import { issueAt } from './row-answers.ts';

/** The cells of a CSV file: its header and its rows, as text. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads a CSV file of microdata: UTF-8 (with or without a byte order mark), separated by commas
 * (our exports), semicolons (KoBoToolbox's CSV exports) or tabs, found from the header line.
 * A file that is not UTF-8 or not CSV, has no rows, repeats a column name or has a row with more
 * or fewer cells than the header is a 422 naming row and column; nothing is read further.
 */
export function readCsv(file: Uint8Array): CsvTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw fileProblem(1, '', 'the file is not UTF-8 text; save it as "CSV UTF-8" and import again');
  }
  text = text.replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw fileProblem(line, '', `the file is not valid CSV near line ${line}: ${(error as Error).message.replace(/^Invalid [^:]*: /, '')}`);
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw fileProblem(1, '', 'the file has no rows of data under its header');
  const seen = new Set<string>();
  for (const name of header) {
    if (name.trim() === '') throw fileProblem(1, name, 'a column has no name');
    if (seen.has(name)) throw fileProblem(1, name, 'the column name appears twice');
    seen.add(name);
  }
  rows.forEach((cells, index) => {
    if (cells.length !== header.length) throw fileProblem(index + 2, '', `the row has ${cells.length} cells, the header ${header.length}`);
  });
  return { header, rows, delimiter };
}

export function fileProblem(row: number, column: string, issue: string): ApiError {
  return new ApiError(422, 'The file cannot be imported.', [issueAt(row, column, issue)]);
}

/** The separator used most often outside quotes on the header line. */
function headerDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}
