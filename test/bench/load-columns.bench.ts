/**
 * Benchmark (not a test): loading the columns the full indicator table needs
 * (`?by=region,channel`, all indicators, raked, reliability) from BENCH_ROWS stored responses,
 * without the engine: `loadColumns` three times uncached, then once through the per-survey cache,
 * and `analysisInput` (the design columns built from what was loaded) for comparison.
 */
import { analysisInput, neededVariables } from '../../api/indicators/analysis-input.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import { parseIndicatorQuery } from '../../api/indicators/query.ts';
import { surveyContext } from '../../api/indicators/table.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { surveys } from '../../api/db/schema.ts';
import { eq } from 'drizzle-orm';
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, mb } from './exports/common.ts';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const survey = db.select().from(surveys).where(eq(surveys.slug, SLUG)).get()!;
findVersion(db, SLUG);
const context = surveyContext(db, survey);
const query = parseIndicatorQuery(new URL('http://x/?by=region,channel'), context.meta, context.waves);
const needs = { indicators: query.indicators, dimensions: query.by, weighting: query.weighting, reliabilityBy: undefined };
const variables = neededVariables(context.meta, context.layout, needs);
const request = { surveyId: survey.id, layout: context.layout, variables };
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);
const uncached: string[] = [];
let loaded = loadColumns(db, { ...request, cache: false });
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  loaded = loadColumns(db, { ...request, cache: false });
  uncached.push(`${seconds(start)} s`);
}
let start = performance.now();
loadColumns(db, request);
const first = seconds(start);
start = performance.now();
loadColumns(db, request);
const cached = seconds(start);
start = performance.now();
analysisInput(context.meta, loaded, needs);
const input = seconds(start);
console.log(`loadColumns, ${loaded.rows.toLocaleString('en')} rows × ${variables.length} variables + 6 response fields: uncached runs ${uncached.join(', ')}; through the cache: first ${first} s, then ${cached} s`);
console.log(`analysisInput on the loaded columns: ${input} s; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
