import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../api/config.ts';
import { responseChangeStamp } from '../../api/indicators/change-stamp.ts';
import { cachedEntry, cacheKey, clearColumnCache } from '../../api/indicators/column-cache.ts';
import { surveyLayout } from '../../api/indicators/survey-layout.ts';
import { warmIndicatorTables } from '../../api/indicators/warm.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';

let context: Awaited<ReturnType<typeof analyticsApp>>;
beforeAll(async () => {
  context = await analyticsApp(300);
}, 60_000);

const table = async (query: string) => {
  const response = await context.get(`/api/surveys/${FULL}/indicators?${query}`, 'evaluator');
  expect(response.status).toBe(200);
  return response.json();
};

describe('indicator tables made at start-up', () => {
  it('are ready in memory for the first dashboard request, with the numbers of a cold request', async () => {
    clearColumnCache(context.db.$client);
    const cold = await table('indicators=trust_fav&by=region&weighting=raked');
    clearColumnCache(context.db.$client);

    const warmed = await warmIndicatorTables(context.db);
    // Only surveys with responses: the demo app publishes the full instrument alone.
    expect(warmed.map(({ slug, responses, error }) => ({ slug, responses, error }))).toEqual([{ slug: FULL, responses: 300, error: undefined }]);
    const { layout } = surveyLayout(context.db, context.survey.surveyId);
    const entry = cachedEntry(context.db.$client, cacheKey(context.survey.surveyId, undefined), responseChangeStamp(context.db)!, layout);
    expect(entry?.state).toBe('current'); // the first request reads no response
    expect(await table('indicators=trust_fav&by=region&weighting=raked')).toEqual(cold);
  });

  it('can be turned off', () => {
    expect(readConfig({}).warmIndicators).toBe(true);
    expect(readConfig({ WARM_INDICATORS: 'false' }).warmIndicators).toBe(false);
    expect(() => readConfig({ WARM_INDICATORS: 'soon' })).toThrow(/WARM_INDICATORS/);
  });

  it('leaves the compute thread\'s helper out unless COMPUTE_HELPER asks for it', () => {
    expect(readConfig({}).computeHelper).toBe(false);
    expect(readConfig({ COMPUTE_HELPER: '1' }).computeHelper).toBe(true);
    expect(() => readConfig({ COMPUTE_HELPER: 'both' })).toThrow(/COMPUTE_HELPER/);
  });
});
