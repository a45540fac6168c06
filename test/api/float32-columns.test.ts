import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimatePreparedTable, prepareDesign, withIndicators, type IndicatorSpec } from '../../analysis/index.ts';
import { surveys, type Survey } from '../../api/db/schema.ts';
import { analysisInput, surveyVariables, tableParts, type TableNeeds } from '../../api/indicators/analysis-input.ts';
import { clearColumnCache } from '../../api/indicators/column-cache.ts';
import { loadColumns, type LoadedColumns } from '../../api/indicators/load-columns.ts';
import { preparedInput } from '../../api/indicators/prepared-cache.ts';
import { surveyContext } from '../../api/indicators/table.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, submission, VALID_ANSWERS } from './helpers.ts';

// The column cache keeps a number column as a Float32Array while every value in it is exactly a
// float32 (ratings, counts: half the memory at a million responses), and as a Float64Array from
// the first value that is not. Either way every value read is the stored number, to the last bit.

/** The short questionnaire with a number box whose answers need not be float32s (years, with decimals). */
function withYearsHere(): SurveyFile {
  const file = shortSurvey();
  const pages = (file.definition as { pages: { elements: unknown[] }[] }).pages;
  pages[0]!.elements.push({ type: 'text', name: 'years_here', inputType: 'number', min: 0, max: 120 });
  // An indicator on it, so that the indicator tables load it.
  const meta = file.meta as { indicators: unknown[] };
  meta.indicators.push({ id: 'years_mean', label: { default: 'Years lived here, mean' }, type: 'mean', item: 'years_here', ci: 't' });
  // Shown from one interview on, so that a test can read the few-row estimates themselves.
  (file.meta as { suppression?: unknown }).suppression = { minN: 1, flagBelowN: 1, flagRse: 1, lowered: 'exactness test on a few rows' };
  return file;
}

type Context = DialectApp;

/** The short survey's id, layout and meta, read through the app's own store (either database). */
async function shortContext(context: Context) {
  const { surveyId } = (await context.store.surveys.findVersion(SHORT))!;
  return { surveyId, ...(await surveyContext(context.store.indicators, { id: surveyId, slug: SHORT } as Survey)) };
}

async function loaded(context: Context): Promise<LoadedColumns> {
  const { surveyId, meta, layout } = await shortContext(context);
  return loadColumns(context.store.indicators, { surveyId, layout, variables: surveyVariables(meta, layout) });
}

/** The same columns with every float32 column widened to a Float64Array (what the cache held before). */
function widened(columns: LoadedColumns): LoadedColumns {
  const wide = Object.fromEntries(Object.entries(columns.variables).map(([name, column]) => [name, column instanceof Float32Array ? Float64Array.from(column) : column]));
  return { ...columns, variables: wide, grownFrom: undefined };
}

/**
 * The table by region on these columns through the prepared cache (updated for appended rows),
 * and made afresh from the same values as Float64Arrays.
 */
async function tables(context: Context, columns: LoadedColumns) {
  const { meta } = await shortContext(context);
  const needs: TableNeeds = { indicators: (meta.indicators ?? []) as IndicatorSpec[], dimensions: ['region'], weighting: 'design' };
  const { data, spec } = analysisInput(meta, widened(columns), needs);
  return {
    cached: estimatePreparedTable(preparedInput(meta, columns, needs).prepared, { by: ['region'] }),
    fresh: estimatePreparedTable(withIndicators(prepareDesign(data, spec), { ...spec, ...tableParts(meta, needs) }), { by: ['region'] }),
  };
}

const overall = (table: Awaited<ReturnType<typeof tables>>['cached'], indicator: string) =>
  table.estimates.find((row) => row.indicator === indicator && Object.keys(row.groups).length === 0);

async function answer(context: Context, years: number, pfRespect = 4): Promise<void> {
  const response = await post(context.app, SHORT, submission({ answers: { ...VALID_ANSWERS, pf_respect: pfRespect, years_here: years } }));
  expect(response.status).toBe(201);
}

forEachDialect('number columns kept as float32s only where that is exact', (ctx) => {
  it('keeps whole numbers as a Float32Array and a column with 1/3 as a Float64Array holding 1/3 exactly', async () => {
    const context = await ctx.testApp({ files: [withYearsHere()] });
    await answer(context, 1 / 3, 2);
    await answer(context, 12, 4);
    const first = await loaded(context);
    expect(first.variables.pf_respect).toBeInstanceOf(Float32Array);
    expect([...first.variables.pf_respect as Float32Array]).toEqual([2, 4]);
    expect(first.variables.years_here).toBeInstanceOf(Float64Array);
    expect([...first.variables.years_here as Float64Array]).toEqual([1 / 3, 12]);
    // The mean of 1/3 and 12 as doubles, not of 1/3 rounded to a float32.
    const { cached, fresh } = await tables(context, first);
    expect(overall(cached, 'years_mean')?.estimate).toBe((1 / 3 + 12) / 2);
    expect(cached).toEqual(fresh);
  });

  it('widens a float32 column when an appended response brings 0.1, with the values a fresh scan reads', async () => {
    const context = await ctx.testApp({ files: [withYearsHere()] });
    await answer(context, 3);
    await answer(context, 40.5);
    const first = await loaded(context);
    expect(first.variables.years_here).toBeInstanceOf(Float32Array);
    await tables(context, first);
    await answer(context, 0.1);
    const grown = await loaded(context);
    expect(grown.grownFrom).toBeDefined();
    expect(grown.variables.years_here).toBeInstanceOf(Float64Array);
    expect([...grown.variables.years_here as Float64Array]).toEqual([3, 40.5, 0.1]);
    expect(grown.variables.pf_respect).toBeInstanceOf(Float32Array);
    // The design updated for the appended row counts it, and gives what one made afresh gives.
    const { cached, fresh: made } = await tables(context, grown);
    expect(overall(cached, 'years_mean')?.n).toBe(3);
    expect(overall(cached, 'years_mean')?.estimate).toBe((3 + 40.5 + 0.1) / 3);
    expect(cached).toEqual(made);
    // A fresh server (nothing cached) scans the same values and makes the same table.
    clearColumnCache(context.store.indicators.cacheOwner);
    const fresh = await loaded(context);
    expect(fresh.grownFrom).toBeUndefined();
    expect(fresh.variables).toEqual(grown.variables);
    expect((await tables(context, fresh)).fresh).toEqual(cached);
  });
});

describe('an indicator table on float32 columns', () => {
  let context: Awaited<ReturnType<typeof analyticsApp>>;
  beforeAll(async () => {
    context = await analyticsApp(400);
  }, 60_000);

  it('equals, to the last bit, the table on the same columns as Float64Arrays', async () => {
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const { meta, layout } = await surveyContext(context.db, survey);
    const columns = await loadColumns(context.db, { surveyId: survey.id, layout, variables: surveyVariables(meta, layout) });
    const numbers = Object.values(columns.variables).filter((column) => column instanceof Float32Array);
    expect(numbers.length).toBeGreaterThan(10);
    const needs: TableNeeds = { indicators: (meta.indicators ?? []) as IndicatorSpec[], dimensions: ['region', 'channel'], weighting: 'raked' };
    const by = ['region', 'channel'];
    const table = estimatePreparedTable(preparedInput(meta, columns, needs).prepared, { by });
    const { data, spec } = analysisInput(meta, widened(columns), needs);
    const fresh = estimatePreparedTable(withIndicators(prepareDesign(data, spec), { ...spec, ...tableParts(meta, needs) }), { by });
    expect(table.estimates.length).toBeGreaterThan(100);
    expect(table).toEqual(fresh);
  });
});
