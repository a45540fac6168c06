import { ApiError } from '../errors.ts';
import { parseWaves, type Issue } from '../indicators/query.ts';

export interface MicrodataQuery {
  values: 'codes' | 'labels';
  waves?: number[];
}

/** `values=codes|labels` (default codes) and `wave=2024,2025`; 422 naming a field that does not fit. */
export function parseMicrodataQuery(url: URL, storedWaves: number[]): MicrodataQuery {
  const issues: Issue[] = [];
  for (const key of new Set(url.searchParams.keys())) if (key !== 'values' && key !== 'wave') issues.push({ field: key, issue: 'unknown parameter; use values, wave' });
  const values = url.searchParams.get('values') ?? 'codes';
  if (values !== 'codes' && values !== 'labels') issues.push({ field: 'values', issue: 'must be codes or labels' });
  const waves = parseWaves(url.searchParams.get('wave'), storedWaves, issues);
  if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
  return { values: values as MicrodataQuery['values'], ...(waves ? { waves } : {}) };
}
