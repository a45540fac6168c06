import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AnalysisSpec, Columns } from '../../analysis/types.ts';

/** Folder of the R-produced fixtures (see test/fixtures/analysis/make-fixtures.R). */
export const fixtureDir = fileURLToPath(new URL('../fixtures/analysis/', import.meta.url));

/** A committed CSV as label columns, exactly as the command line reads it. */
export function readCsvColumns(file: string): Columns {
  const records = parse(readFileSync(fixtureDir + file, 'utf8'), { columns: false, skip_empty_lines: true }) as string[][];
  const [header, ...rows] = records;
  const columns: Record<string, string[]> = {};
  (header ?? []).forEach((name, index) => {
    columns[name] = rows.map((row) => row[index] ?? '');
  });
  return columns;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(fixtureDir + file, 'utf8')) as T;
}

export function readSpec(file: string): AnalysisSpec {
  return readJson<AnalysisSpec>(file);
}

/** A key identifying a row: indicator and groups. */
export function rowKey(row: { indicator: string; groups: Record<string, string> }): string {
  return `${row.indicator}|${Object.entries(row.groups).map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/** True when `actual` equals `expected` to a relative 1e-8 (absolute 1e-12 near zero). */
export function closeTo(actual: number | null | undefined, expected: number | null | undefined, tolerance = 1e-8): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= tolerance * Math.abs(expected) + 1e-12;
}

/** The fields of two rows that differ beyond the tolerance, for a readable failure. */
export function mismatches<T extends object>(actual: T, expected: Partial<T>, fields: readonly (keyof T)[]): string[] {
  return fields.filter((field) => !closeTo(actual[field] as number | null, expected[field] as number | null))
    .map((field) => `${String(field)}: ours ${String(actual[field])}, R ${String(expected[field])}`);
}
