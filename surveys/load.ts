import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSurveyFile } from './check.ts';
import type { Problem, SurveyFile } from './types.ts';

/** Raised when a questionnaire file is unreadable or broken; names the file and every problem. */
export class SurveyFileError extends Error {
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(`${file} is not a valid questionnaire:\n${problems.map((p) => `  - ${p.path || '(file)'}: ${p.message}`).join('\n')}`);
    this.name = 'SurveyFileError';
  }
}

/**
 * Reads and checks every `*.json` questionnaire directly in `directory` (not sub-folders such
 * as the item bank). Throws SurveyFileError on the first broken file: a half-valid survey is never served.
 */
export function loadSurveyFiles(directory: string): SurveyFile[] {
  const names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  const files = names.map((name) => loadSurveyFile(join(directory, name)));
  const slugs = new Map<string, string>();
  files.forEach((file, index) => {
    const other = slugs.get(file.slug);
    if (other) throw new SurveyFileError(names[index]!, [{ path: 'slug', message: `slug "${file.slug}" is also used by ${other}` }]);
    slugs.set(file.slug, names[index]!);
  });
  return files;
}

export function loadSurveyFile(path: string): SurveyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SurveyFileError(path, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const problems = checkSurveyFile(parsed);
  if (problems.length > 0) throw new SurveyFileError(path, problems);
  return parsed as SurveyFile;
}
