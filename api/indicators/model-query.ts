import type { ContrastSpec, ModelSpec } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { ApiError } from '../errors.ts';
import type { ModelQuery } from './model-table.ts';
import { parseWaves, parseWeighting, type Issue } from './query.ts';

const list = (value: string | null) => (value ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');

/**
 * Reads `wave`, `weighting` and `models` (ids, default all) of `GET …/models` as the indicator
 * query reads them: 422 naming every field that does not fit the survey's meta and stored waves.
 * Every `did` contrast of the meta comes with them.
 */
export function parseModelQuery(url: URL, meta: SurveyMeta, storedWaves: number[]): ModelQuery {
  const issues: Issue[] = [];
  const allowed = new Set(['wave', 'weighting', 'models']);
  for (const key of new Set(url.searchParams.keys())) if (!allowed.has(key)) issues.push({ field: key, issue: `unknown parameter; use ${[...allowed].join(', ')}` });
  const waves = parseWaves(url.searchParams.get('wave'), storedWaves, issues);
  const weighting = parseWeighting(url.searchParams.get('weighting'), meta, issues);
  const all = (meta.models ?? []) as ModelSpec[];
  const ids = list(url.searchParams.get('models'));
  for (const id of ids) if (!all.some((model) => model.id === id)) issues.push({ field: 'models', issue: `unknown model "${id}"; this survey has ${all.map((model) => model.id).join(', ') || 'none'}` });
  if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
  const models = ids.length > 0 ? all.filter((model) => ids.includes(model.id)) : all;
  return { ...(waves ? { waves } : {}), weighting, models, contrasts: (meta.contrasts ?? []) as ContrastSpec[] };
}
