import { Hono } from 'hono';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { compute } from '../compute/compute-thread.ts';
import { ApiError } from '../errors.ts';
import { parseModelQuery } from '../indicators/model-query.ts';
import { surveyContext } from '../indicators/table.ts';
import { renderSvg } from '../report/charts.ts';
import { coefficientChart } from '../report/model-charts.ts';

/**
 * GET /api/surveys/:slug/models?wave=2025&weighting=raked|design|none&models=trust_drivers — the
 * meta's design-based models (R svyglm) with coefficients, 95% intervals and p-values in words,
 * and its did contrasts, for the stored responses. Aggregates only, as the indicators.
 * GET …/models.svg?models=<one id>&wave=&weighting= — that model as a dot-and-whisker chart.
 */
export function modelRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/:slug/models', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
      const context = await surveyContext(store.indicators, survey);
      const query = parseModelQuery(new URL(c.req.url), context.meta, context.waves);
      return c.json(await compute(store.indicators, 'models', { surveyId: survey.id, query }));
    })
    .get('/:slug/models.svg', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
      const context = await surveyContext(store.indicators, survey);
      const url = new URL(c.req.url);
      const query = parseModelQuery(url, context.meta, context.waves);
      if (query.models.length !== 1 || !url.searchParams.get('models')) throw new ApiError(422, 'The chart request does not fit.', [{ field: 'models', issue: 'name exactly one model' }]);
      const table = await compute(store.indicators, 'models', { surveyId: survey.id, query: { ...query, contrasts: [] } });
      const model = table.models[0]!;
      if (model.error !== null) throw new ApiError(422, `The model cannot be fitted: ${model.error}`, [{ field: 'models', issue: model.error }]);
      const when = table.filters.wave ? `wave ${table.filters.wave.join(', ')}` : 'all waves pooled';
      const svg = await renderSvg(coefficientChart(model, `${model.label} (${when}, n = ${model.n})`));
      return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=60' });
    });
}
