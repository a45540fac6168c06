/**
 * Benchmark (not a test): loading the columns the full indicator table needs
 * (`?by=region,channel`, all indicators, raked, reliability) from BENCH_ROWS stored responses,
 * without the engine: `loadColumns` three times uncached, then through the per-survey cache (a
 * first request, a repeat, and a request after one new response, which reads only that response),
 * and `analysisInput` (the design columns built from what was loaded) for comparison.
 */
import { analysisInput, neededVariables } from '../../api/indicators/analysis-input.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import { parseIndicatorQuery } from '../../api/indicators/query.ts';
import { surveyContext } from '../../api/indicators/table.ts';
import { surveys } from '../../api/db/schema.ts';
import { eq } from 'drizzle-orm';
import { benchDatabase, SLUG } from './exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS, mb } from './exports/common.ts';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const survey = db.select().from(surveys).where(eq(surveys.slug, SLUG)).get()!;
const context = await surveyContext(db, survey);
const query = parseIndicatorQuery(new URL('http://x/?by=region,channel'), context.meta, context.waves);
const needs = { indicators: query.indicators, dimensions: query.by, weighting: query.weighting, reliabilityBy: undefined };
const variables = neededVariables(context.meta, context.layout, needs);
const request = { surveyId: survey.id, layout: context.layout, variables };
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(2);
const uncached: string[] = [];
let loaded = await loadColumns(db, { ...request, cache: false });
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  loaded = await loadColumns(db, { ...request, cache: false });
  uncached.push(`${seconds(start)} s`);
}
let start = performance.now();
await loadColumns(db, request);
const first = seconds(start);
start = performance.now();
await loadColumns(db, request);
const cached = seconds(start);
// One new response arrives (a copy of a stored one), as during fieldwork: only it is read.
const client = db.$client;
const source = client.prepare('SELECT rowid FROM responses WHERE survey_id = ? LIMIT 1').pluck().get(survey.id) as number;
client.prepare(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, mode, is_synthetic, wave, stratum, psu, weight)
  SELECT 'bench-new-response', survey_id, survey_version_id, version, answers, 'bench-new', language, mode, 1, wave, stratum, psu, weight FROM responses WHERE rowid = ?`).run(source);
client.prepare(`INSERT INTO response_values (response_id, survey_id, version, wave, weight, stratum, psu, language, mode, answer_values)
  SELECT 'bench-new-response', survey_id, version, wave, weight, stratum, psu, language, mode, answer_values FROM response_values WHERE response_id = (SELECT id FROM responses WHERE rowid = ?)`).run(source);
start = performance.now();
const appended = await loadColumns(db, request);
const append = seconds(start);
client.prepare("DELETE FROM responses WHERE id = 'bench-new-response'").run(); // the file keeps BENCH_ROWS responses
start = performance.now();
analysisInput(context.meta, loaded, needs);
const input = seconds(start);
console.log(`loadColumns, ${loaded.rows.toLocaleString('en')} rows × ${variables.length} variables + 6 response fields: uncached runs ${uncached.join(', ')}; through the cache: first ${first} s, then ${cached} s; after one new response ${append} s (${appended.rows.toLocaleString('en')} rows)`);
console.log(`analysisInput on the loaded columns: ${input} s; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
db.$client.close();
