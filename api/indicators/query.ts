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

export type Issue = { field: string; issue: string };
const WEIGHTINGS: Weighting[] = ['raked', 'design', 'none'];
const list = (value: string | undefined) => (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');

/**
 * `wave=2024,2025`: whole numbers that have stored responses (undefined when not asked). The
 * indicator, export and report queries all read waves this way.
 */
export function parseWaves(text: string | null, storedWaves: readonly number[], issues: Issue[]): number[] | undefined {
  if (text === null) return undefined;
  const waves: number[] = [];
  for (const part of list(text)) {
    const wave = Number(part);
    if (!/^-?\d+$/.test(part)) issues.push({ field: 'wave', issue: `"${part}" is not a whole number` });
    else if (!storedWaves.includes(wave)) issues.push({ field: 'wave', issue: `no responses in wave ${part}; stored waves: ${storedWaves.join(', ') || 'none'}` });
    else waves.push(wave);
  }
  if (list(text).length === 0) issues.push({ field: 'wave', issue: 'give a wave, e.g. wave=2025' });
  return waves;
}

/** The weighting a table uses unless asked: raked when the meta gives raking margins, else design weights. */
export function defaultWeighting(meta: SurveyMeta): Weighting {
  return Object.keys(meta.weighting?.rake ?? {}).length > 0 ? 'raked' : 'design';
}

/** `weighting=raked|design|none` (default: `defaultWeighting`); raked only when the meta has margins. */
export function parseWeighting(text: string | null, meta: SurveyMeta, issues: Issue[]): Weighting {
  const weighting = text ?? defaultWeighting(meta);
  const hasRake = defaultWeighting(meta) === 'raked';
  if (!WEIGHTINGS.includes(weighting as Weighting)) issues.push({ field: 'weighting', issue: `must be one of ${WEIGHTINGS.join(', ')}` });
  else if (weighting === 'raked' && !hasRake) issues.push({ field: 'weighting', issue: 'this survey has no raking margins in its meta; use design or none' });
  return weighting as Weighting;
}

/**
 * Reads `by`, `wave`, `weighting`, `indicators` and `compare` from a query string and checks them
 * against the survey's meta and stored waves: 422 naming every field that does not fit.
 * `compare` is `dimension:a,b` (a − b) or `dimension:a` (a against everyone else), and may repeat.
 */
export function parseIndicatorQuery(url: URL, meta: SurveyMeta, storedWaves: number[]): IndicatorQuery {
  const issues: Issue[] = [];
  const allowed = new Set(['by', 'wave', 'weighting', 'indicators', 'compare']);
  for (const key of new Set(url.searchParams.keys())) if (!allowed.has(key)) issues.push({ field: key, issue: `unknown parameter; use ${[...allowed].join(', ')}` });
  const dimensions = Object.keys(meta.dimensions ?? {});
  const by = list(url.searchParams.get('by') ?? undefined);
  for (const name of by) if (!dimensions.includes(name)) issues.push({ field: 'by', issue: `unknown dimension "${name}"; this survey has ${dimensions.join(', ') || 'none'}` });
  if (new Set(by).size !== by.length) issues.push({ field: 'by', issue: 'names a dimension twice' });
  if (by.length > 2) issues.push({ field: 'by', issue: 'at most two dimensions (they are also crossed)' });

  const waves = parseWaves(url.searchParams.get('wave'), storedWaves, issues);
  const weighting = parseWeighting(url.searchParams.get('weighting'), meta, issues);

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
  return { by, ...(waves ? { waves } : {}), weighting, indicators, compare };
}
