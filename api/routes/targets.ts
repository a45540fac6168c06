import { Hono } from 'hono';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { compute } from '../compute/compute-thread.ts';
import { ApiError } from '../errors.ts';
import { parseWeighting, type Issue } from '../indicators/query.ts';
import { surveyContext } from '../indicators/table.ts';

/**
 * GET /api/surveys/:slug/targets?weighting=raked|design|none — the meta's programme targets as a
 * logframe: baseline, latest wave and target, the change since baseline (interval, p) and whether
 * the target is reached. Aggregates only, as the indicators.
 */
export function targetRoutes(store: Store) {
  return new Hono<AppEnv>().get('/:slug/targets', async (c) => {
    const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
    const context = await surveyContext(store.indicators, survey);
    const url = new URL(c.req.url);
    const issues: Issue[] = [];
    for (const key of new Set(url.searchParams.keys())) if (key !== 'weighting') issues.push({ field: key, issue: 'unknown parameter; use weighting' });
    const weighting = parseWeighting(url.searchParams.get('weighting'), context.meta, issues);
    if (issues.length > 0) throw new ApiError(422, 'The query does not fit this survey.', issues);
    return c.json(await compute(store.indicators, 'targets', { surveyId: survey.id, weighting }));
  });
}
