import { ApiError } from '../errors.ts';
import { parseWaves, type Issue } from '../indicators/query.ts';

export interface MicrodataQuery {
  values: 'codes' | 'labels';
  waves?: number[];
  /** Variable names: the questions' own, or their ESS names where an item has one. */
  names: 'own' | 'ess';
  /** CSV only: start with a UTF-8 byte order mark (for Excel). */
  bom: boolean;
  /** .sav and .dta: the language of variable and value labels. */
  language: string;
}

/** Which parameters each microdata export takes. */
const ALLOWED = {
  csv: ['values', 'wave', 'names', 'bom'],
  xlsx: ['values', 'wave', 'names'],
  native: ['wave', 'names', 'lang'],
  /** The .sps and .R scripts: only the names of the CSV they read. */
  syntax: ['names'],
} as const;

/**
 * `values=codes|labels` (default codes), `wave=2024,2025`, `names=own|ess`, `bom=0|1` (CSV,
 * default 0) and `lang=<language of the questionnaire>` (.sav, .dta; default its first); 422
 * naming each field that does not fit.
 */
export function parseMicrodataQuery(url: URL, storedWaves: number[], format: keyof typeof ALLOWED = 'csv', languages: readonly string[] = ['en']): MicrodataQuery {
  const issues: Issue[] = [];
  const allowed: readonly string[] = ALLOWED[format];
  for (const key of new Set(url.searchParams.keys())) if (!allowed.includes(key)) issues.push({ field: key, issue: `unknown parameter; use ${allowed.join(', ')}` });
  const values = url.searchParams.get('values') ?? 'codes';
  if (values !== 'codes' && values !== 'labels') issues.push({ field: 'values', issue: 'must be codes or labels' });
  const names = url.searchParams.get('names') ?? 'own';
  if (names !== 'own' && names !== 'ess') issues.push({ field: 'names', issue: 'must be own or ess' });
  const bom = url.searchParams.get('bom') ?? '0';
  if (bom !== '0' && bom !== '1') issues.push({ field: 'bom', issue: 'must be 0 or 1' });
  const language = url.searchParams.get('lang') ?? languages[0] ?? 'en';
  if (!languages.includes(language)) issues.push({ field: 'lang', issue: `not a language of this questionnaire; use ${languages.join(', ')}` });
  const waves = parseWaves(url.searchParams.get('wave'), storedWaves, issues);
  if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
  return { values: values as MicrodataQuery['values'], names: names as MicrodataQuery['names'], bom: bom === '1', language, ...(waves ? { waves } : {}) };
}
