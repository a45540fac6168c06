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

/** One questionnaire file of a folder as checked: its problems, and its content when it parsed. */
export interface CheckedSurveyFile {
  path: string;
  parsed?: unknown;
  problems: Problem[];
}

/**
 * Checks every `*.json` questionnaire directly in `directory` (not sub-folders such as the item
 * bank), in name order, including that no two files claim the same slug. The server's loader and
 * `npm run surveys:check` both use it, so the check can never pass a folder the server refuses.
 */
export function checkSurveyFolder(directory: string): CheckedSurveyFile[] {
  const names = readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  const slugs = new Map<string, string>();
  return names.map((name) => {
    const checked = checkSurveyPath(join(directory, name));
    const slug = (checked.parsed as { slug?: unknown } | undefined)?.slug;
    if (typeof slug !== 'string') return checked;
    const other = slugs.get(slug);
    if (other) checked.problems.push({ path: 'slug', message: `slug "${slug}" is also used by ${other}` });
    else slugs.set(slug, name);
    return checked;
  });
}

/**
 * Reads and checks every questionnaire of `directory` (see checkSurveyFolder). Throws
 * SurveyFileError on the first broken file: a half-valid survey is never served.
 */
export function loadSurveyFiles(directory: string): SurveyFile[] {
  const checked = checkSurveyFolder(directory);
  const broken = checked.find((file) => file.problems.length > 0);
  if (broken) throw new SurveyFileError(broken.path, broken.problems);
  return checked.map((file) => file.parsed as SurveyFile);
}

export function loadSurveyFile(path: string): SurveyFile {
  const { parsed, problems } = checkSurveyPath(path);
  if (problems.length > 0) throw new SurveyFileError(path, problems);
  return parsed as SurveyFile;
}

function checkSurveyPath(path: string): CheckedSurveyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { path, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return { path, parsed, problems: checkSurveyFile(parsed) };
}
