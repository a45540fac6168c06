import type { CompareRequest, IndicatorSpec } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { ApiError } from '../errors.ts';
import type { Weighting } from './analysis-input.ts';

export interface IndicatorQuery {
  by: string[];
  /** undefined: every wave. */
  waves?: number[];
  weighting: Weighting;
  indicators: IndicatorSpec[];
  compare: CompareRequest[];
}

type Issue = { field: string; issue: string };
const WEIGHTINGS: Weighting[] = ['raked', 'design', 'none'];
const list = (value: string | undefined) => (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');

/**
 * Reads `by`, `wave`, `weighting`, `indicators` and `compare` from a query string and checks them
 * against the survey's meta and stored waves: 422 naming every field that does not fit.
 * `compare` is `dimension:a,b` (a − b) or `dimension:a` (a against everyone else), and may repeat.
 */
export function parseIndicatorQuery(
  url: URL, meta: SurveyMeta, storedWaves: number[], extraFields: readonly string[] = [],
): IndicatorQuery {
  const issues: Issue[] = [];
  const allowed = new Set(['by', 'wave', 'weighting', 'indicators', 'compare', ...extraFields]);
  for (const key of new Set(url.searchParams.keys())) if (!allowed.has(key)) issues.push({ field: key, issue: `unknown parameter; use ${[...allowed].join(', ')}` });
  const dimensions = Object.keys(meta.dimensions ?? {});
  const by = list(url.searchParams.get('by') ?? undefined);
  for (const name of by) if (!dimensions.includes(name)) issues.push({ field: 'by', issue: `unknown dimension "${name}"; this survey has ${dimensions.join(', ') || 'none'}` });
  if (new Set(by).size !== by.length) issues.push({ field: 'by', issue: 'names a dimension twice' });
  if (by.length > 2) issues.push({ field: 'by', issue: 'at most two dimensions (they are also crossed)' });

  let waves: number[] | undefined;
  const waveText = url.searchParams.get('wave');
  if (waveText !== null) {
    waves = [];
    for (const part of list(waveText)) {
      const wave = Number(part);
      if (!/^-?\d+$/.test(part)) issues.push({ field: 'wave', issue: `"${part}" is not a whole number` });
      else if (!storedWaves.includes(wave)) issues.push({ field: 'wave', issue: `no responses in wave ${part}; stored waves: ${storedWaves.join(', ') || 'none'}` });
      else waves.push(wave);
    }
    if (list(waveText).length === 0) issues.push({ field: 'wave', issue: 'give a wave, e.g. wave=2025' });
  }

  const hasRake = Object.keys(meta.weighting?.rake ?? {}).length > 0;
  const weightingText = url.searchParams.get('weighting') ?? (hasRake ? 'raked' : 'design');
  if (!WEIGHTINGS.includes(weightingText as Weighting)) issues.push({ field: 'weighting', issue: `must be one of ${WEIGHTINGS.join(', ')}` });
  else if (weightingText === 'raked' && !hasRake) issues.push({ field: 'weighting', issue: 'this survey has no raking margins in its meta; use design or none' });

  const all = (meta.indicators ?? []) as IndicatorSpec[];
  const ids = list(url.searchParams.get('indicators') ?? undefined);
  for (const id of ids) if (!all.some((indicator) => indicator.id === id)) issues.push({ field: 'indicators', issue: `unknown indicator "${id}"` });
  const indicators = ids.length > 0 ? all.filter((indicator) => ids.includes(indicator.id)) : all;

  const compare: CompareRequest[] = [];
  for (const text of url.searchParams.getAll('compare')) {
    const match = /^([^:]+):([^,]+)(?:,([^,]+))?$/.exec(text.trim());
    if (!match) {
      issues.push({ field: 'compare', issue: `"${text}" is not dimension:a,b or dimension:a` });
      continue;
    }
    const [, dimension, a, b] = match as unknown as [string, string, string, string | undefined];
    if (!dimensions.includes(dimension)) issues.push({ field: 'compare', issue: `unknown dimension "${dimension}"` });
    else compare.push({ dimension, a, ...(b === undefined ? {} : { b }) });
  }
  if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
  return { by, ...(waves ? { waves } : {}), weighting: weightingText as Weighting, indicators, compare };
}
