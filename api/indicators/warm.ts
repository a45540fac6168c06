import type { IndicatorSpec } from '../../analysis/index.ts';
import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';
import { defaultWeighting, type IndicatorQuery } from './query.ts';
import { indicatorTable, surveyContext } from './table.ts';

export interface WarmedSurvey {
  slug: string;
  responses: number;
  seconds: number;
  /** Why the survey's tables could not be made (they will say so on request), if so. */
  error?: string;
}

/**
 * Makes, once, the indicator tables evaluators open first, for every survey with stored
 * responses: the dashboard's default (every indicator by region, raked where the meta has
 * margins) and the full region × channel table. Their columns and prepared design then stay in
 * memory (column-cache.ts, prepared-cache.ts), so the first request after start-up does not pay
 * for reading every response (≈ 10 s at a million).
 *
 * The server runs it on the compute thread right after it starts listening, so the tables (and
 * the cache they fill) are that thread's, and submissions are taken meanwhile
 * (`WARM_INDICATORS=false` turns it off).
 */
export async function warmIndicatorTables(source: IndicatorSource): Promise<WarmedSurvey[]> {
  const store = indicatorStoreOf(source);
  const warmed: WarmedSurvey[] = [];
  for (const survey of await store.surveysWithResponses()) {
    const start = performance.now();
    let responses = 0;
    try {
      const { meta } = await surveyContext(store, survey);
      const dimensions = Object.keys(meta.dimensions ?? {});
      const query = (by: string[]): IndicatorQuery => ({
        by: by.filter((name) => dimensions.includes(name)), weighting: defaultWeighting(meta), indicators: (meta.indicators ?? []) as IndicatorSpec[], compare: [],
      });
      responses = (await indicatorTable(store, survey, query(['region']))).design.n;
      await indicatorTable(store, survey, query(['region', 'channel']));
      warmed.push({ slug: survey.slug, responses, seconds: (performance.now() - start) / 1000 });
    } catch (error) {
      warmed.push({ slug: survey.slug, responses, seconds: (performance.now() - start) / 1000, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return warmed;
}
