import { Hono } from 'hono';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { parseIndicatorQuery } from '../indicators/query.ts';
import { compute } from '../compute/compute-thread.ts';
import { surveyContext } from '../indicators/table.ts';

/**
 * GET /api/surveys/:slug/indicators?by=region,channel&wave=2025&weighting=raked|design|none
 * &indicators=trust_fav,pf_score&compare=wave:2025,2024 — the analysis engine's table for the
 * stored responses (estimates with suppression, reliability, comparisons). Aggregates only.
 */
export function indicatorRoutes(store: Store) {
  return new Hono<AppEnv>().get('/:slug/indicators', async (c) => {
    const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
    const context = await surveyContext(store.indicators, survey);
    const query = parseIndicatorQuery(new URL(c.req.url), context.meta, context.waves);
    // Computed on the compute thread (a file database, or PostgreSQL), so submissions are taken meanwhile.
    return c.json(await compute(store.indicators, 'table', { surveyId: survey.id, query }));
  });
}
