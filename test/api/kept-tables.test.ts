import { expect, it } from 'vitest';
import { estimatePreparedTable, prepareDesign, withIndicators, type CompareRequest, type IndicatorSpec, type TableResult } from '../../analysis/index.ts';
import type { Survey } from '../../api/db/schema.ts';
import { analysisInput, surveyVariables, tableParts, type TableNeeds } from '../../api/indicators/analysis-input.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import type { IndicatorQuery } from '../../api/indicators/query.ts';
import { indicatorTable, surveyContext } from '../../api/indicators/table.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, submission, VALID_ANSWERS } from './helpers.ts';

// A table asked again with nothing new is the one kept from the first time (kept-tables.ts): it
// must be the table the engine makes afresh from the stored rows, and a new response, another
// breakdown, indicator set, weighting or comparison must never be answered with a kept table.

async function shortSurveyOf(context: DialectApp): Promise<Survey> {
  const { surveyId } = (await context.store.surveys.findVersion(SHORT))!;
  return { id: surveyId, slug: SHORT } as Survey;
}

/** What the engine makes from the stored rows on a design prepared afresh (nothing kept). */
async function freshTable(context: DialectApp, query: IndicatorQuery): Promise<TableResult> {
  const survey = await shortSurveyOf(context);
  const { meta, layout } = await surveyContext(context.store.indicators, survey);
  const loaded = await loadColumns(context.store.indicators, { surveyId: survey.id, layout, variables: surveyVariables(meta, layout) });
  const needs: TableNeeds = { indicators: query.indicators, dimensions: [...query.by, ...query.compare.map((request) => request.dimension)], weighting: query.weighting };
  const { data, spec } = analysisInput(meta, loaded, needs);
  return estimatePreparedTable(withIndicators(prepareDesign(data, spec), { ...spec, ...tableParts(meta, needs) }), { by: query.by, compare: query.compare });
}

const engineParts = ({ design, estimates, reliability, comparisons, contrasts, models }: TableResult): TableResult => ({ design, estimates, reliability, comparisons, contrasts, models });

async function answer(context: DialectApp, answers: Record<string, unknown>): Promise<void> {
  expect((await post(context.app, SHORT, submission({ answers: { ...VALID_ANSWERS, ...answers } }))).status).toBe(201);
}

forEachDialect('a table asked again on unchanged responses', (ctx) => {
  it('is the table made afresh, for each breakdown, indicator set, weighting and comparison, and never outlives a new response', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    await answer(context, { region: 'tuzla', trust_police: 8, pf_respect: 4 });
    await answer(context, { region: 'tuzla', trust_police: 3, pf_respect: 2 });
    await answer(context, { region: 'sarajevo', trust_police: 10, pf_respect: 3, channels_used: ['phone_122'] });
    const survey = await shortSurveyOf(context);
    const { meta } = await surveyContext(context.store.indicators, survey);
    const all = (meta.indicators ?? []) as IndicatorSpec[];
    const compare: CompareRequest[] = [{ dimension: 'region', a: 'tuzla' }];
    const queries: IndicatorQuery[] = [
      { by: ['region', 'channel'], weighting: 'design', indicators: all, compare: [] },
      { by: ['region'], weighting: 'design', indicators: all, compare: [] },
      { by: ['region', 'channel'], weighting: 'design', indicators: all.slice(0, 1), compare: [] },
      { by: ['region', 'channel'], weighting: 'none', indicators: all, compare: [] },
      { by: [], weighting: 'design', indicators: all, compare },
    ];
    for (const round of [1, 2]) {
      for (const query of queries) {
        const table = await indicatorTable(context.store.indicators, survey, query);
        expect(engineParts(table), `round ${round}, ${JSON.stringify([query.by, query.weighting, query.indicators.length, query.compare])}`).toEqual(await freshTable(context, query));
      }
    }
    const [full] = queries as [IndicatorQuery];
    const before = await indicatorTable(context.store.indicators, survey, full);
    expect(before.design.n).toBe(3);
    await answer(context, { region: 'sarajevo', trust_police: 0, pf_respect: 1, channels_used: ['phone_122'] });
    const after = await indicatorTable(context.store.indicators, survey, full);
    expect(after.design.n).toBe(4);
    expect(after.estimates).not.toEqual(before.estimates);
    expect(engineParts(after)).toEqual(await freshTable(context, full));
  });

  it('cannot be changed by one caller for the next', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()] });
    await answer(context, { region: 'tuzla', trust_police: 1 });
    await answer(context, { region: 'sarajevo', trust_police: 0 });
    const survey = await shortSurveyOf(context);
    const { meta } = await surveyContext(context.store.indicators, survey);
    const query: IndicatorQuery = { by: ['region'], weighting: 'design', indicators: (meta.indicators ?? []) as IndicatorSpec[], compare: [] };
    const first = await indicatorTable(context.store.indicators, survey, query);
    const row = first.estimates[0]!;
    const estimate = row.estimate;
    expect(() => { (row as { estimate: number }).estimate = 99; }).toThrow(TypeError);
    expect(() => first.estimates.pop()).toThrow(TypeError);
    const again = await indicatorTable(context.store.indicators, survey, query);
    expect(again.estimates[0]!.estimate).toBe(estimate);
    expect(engineParts(again)).toEqual(await freshTable(context, query));
  });
});
