import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AnalysisSpec, Columns } from '../types.ts';
import { AnalysisError } from '../errors.ts';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new AnalysisError(`cannot read ${what} "${path}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Reads a CSV file with a header row into label columns (the engine parses numbers where it needs
 * them, so a bad value is reported with its column and row).
 *
 * @example
 * readCsv('test/fixtures/analysis/srs.csv').region; // => ['sarajevo', …]
 */
export function readCsv(path: string): Columns {
  let records: string[][];
  try {
    records = parse(readText(path, 'data file'), { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    throw new AnalysisError(`data file "${path}": ${(error as Error).message.split('\n')[0]}`);
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new AnalysisError(`data file "${path}" is empty`);
  const columns: Record<string, string[]> = {};
  header.forEach((name, index) => {
    if (name in columns) throw new AnalysisError(`data file "${path}": column "${name}" appears twice in the header`);
    columns[name] = rows.map((row) => row[index] ?? '');
  });
  return columns;
}

/**
 * Reads a spec file (shared/INDICATORS.md).
 *
 * @example
 * readSpecFile('test/fixtures/analysis/srs.spec.json').indicators?.length; // => 4
 */
export function readSpecFile(path: string): AnalysisSpec {
  const text = readText(path, 'spec file');
  try {
    const spec = JSON.parse(text) as unknown;
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new Error('not a JSON object');
    return spec as AnalysisSpec;
  } catch (error) {
    throw new AnalysisError(`spec file "${path}" is not valid JSON: ${(error as Error).message}`);
  }
}
