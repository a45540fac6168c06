import { Hono } from 'hono';
import { groupLabels } from '../../surveys/group-labels.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { parseIndicatorQuery } from '../indicators/query.ts';
import { compute } from '../compute/compute-thread.ts';
import { indicatorLabel, surveyContext } from '../indicators/table.ts';
import { heatMap, intervalChart, labelledRows, renderSvg } from '../report/charts.ts';
import { scaleOf } from '../report/format.ts';

/**
 * GET /api/surveys/:slug/chart.svg?indicators=<one id>&by=region|channel|region,channel&wave=&weighting=
 * — the report's charts for the dashboard, drawn by the same code: estimates with confidence-interval
 * whiskers for one dimension, a heat map for two. Aggregates only; suppressed cells are left out or grey.
 */
export function chartRoutes(store: Store) {
  return new Hono<AppEnv>().get('/:slug/chart.svg', async (c) => {
    const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
    const context = await surveyContext(store.indicators, survey);
    const query = parseIndicatorQuery(new URL(c.req.url), context.meta, context.waves);
    const issues = [
      ...(query.indicators.length === 1 ? [] : [{ field: 'indicators', issue: 'name exactly one indicator' }]),
      ...(query.by.length === 1 || query.by.join(',') === 'region,channel' ? [] : [{ field: 'by', issue: 'name one dimension, or region,channel for the heat map' }]),
      ...(query.compare.length === 0 ? [] : [{ field: 'compare', issue: 'charts show estimates, not comparisons' }]),
    ];
    if (issues.length > 0) throw new ApiError(422, 'The chart request does not fit.', issues);
    const indicator = query.indicators[0]!;
    const table = await compute(store.indicators, 'table', { surveyId: survey.id, query });
    const scale = scaleOf(indicator.type);
    const label = indicatorLabel(indicator) + (scale === 100 ? ' (%)' : '');
    // Groups are drawn with their labels from the questionnaire (e.g. "Sarajevo Canton", not "sarajevo").
    const latest = context.versions.at(-1);
    const labels = latest ? groupLabels(latest.definition, latest.meta, 'en') : {};
    const rows = labelledRows(table.estimates
      .filter((row) => query.by.every((dimension) => dimension in row.groups) && Object.keys(row.groups).length === query.by.length), labels);
    const spec = query.by.length === 1 ? intervalChart(rows, query.by[0]!, `${label} by ${query.by[0]}`, scale) : heatMap(rows, `${label}: ${query.by.join(' × ')}`, scale);
    return c.body(await renderSvg(spec), 200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=60' });
  });
}
