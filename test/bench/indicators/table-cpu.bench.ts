/**
 * Benchmark (not a test): CPU time of the full region × channel table's arithmetic on a kept
 * design, phase by phase, in this thread. Wall time on a shared machine mostly measures the queue
 * for a core; CPU time of one thread moves far less, so a cut to the sums or variances shows here.
 *
 * The rows are loaded and the design prepared as the API does (`beginIndicatorTable`), one table
 * is made (the plan of cells and row entries kept), then REPS times (default 10): the cell sums of
 * every group of indicators (`domainSumsOfBreakdowns`), the folds, every domain's estimate and
 * variance (`estimateDomains`), and a whole `tableEstimates`. Medians and minimums are printed.
 *
 *   BENCH_ROWS=250000 BENCH_DB=/tmp/my-250000.db npx tsx test/bench/indicators/table-cpu.bench.ts
 */
import { benchDatabase, SLUG } from '../exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS } from '../exports/settings.ts';
import { indicatorStoreOf } from '../../../api/db/store/indicators.ts';
import { beginIndicatorTable, surveyContext } from '../../../api/indicators/table.ts';
import { defaultWeighting } from '../../../api/indicators/query.ts';
import { INDICATORS_PER_PASS, tableEstimates, tablePlan } from '../../../analysis/breakdown-estimates.ts';
import { tableBreakdowns } from '../../../analysis/estimate-table.ts';
import { domainSumsOfBreakdowns, type DomainSums } from '../../../analysis/domain-sums.ts';
import { foldSums } from '../../../analysis/fold-sums.ts';
import { estimateDomains } from '../../../analysis/domain-estimate.ts';
import type { IndicatorSpec } from '../../../analysis/types.ts';

const db = benchDatabase(BENCH_DB, BENCH_ROWS);
const store = indicatorStoreOf(db);
const survey = (await store.surveysWithResponses()).find((found) => found.slug === SLUG);
if (!survey) throw new Error(`no ${SLUG} in ${BENCH_DB}`);
const { meta } = await surveyContext(store, survey);
const indicators = (meta.indicators ?? []) as IndicatorSpec[];
const begun = await beginIndicatorTable(store, survey, { by: ['region', 'channel'], weighting: defaultWeighting(meta), indicators, compare: [] });
const { prepared } = begun;
const breakdowns = tableBreakdowns(begun.options);
const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
};
let started = cpu();
tableEstimates(prepared, breakdowns);
console.log(`${BENCH_ROWS.toLocaleString('en')} rows; first table on the design (plan made) ${(cpu() - started).toFixed(3)} s CPU`);
const { plans, fromRows, summed, entries } = tablePlan(prepared, breakdowns);
const buffer = new Float64Array((entries.cellOffset[summed.length] as number) * 2 * INDICATORS_PER_PASS);
const phases = { sums: [] as number[], folds: [] as number[], estimates: [] as number[], table: [] as number[] };
for (let rep = 0; rep < Number(process.env.REPS ?? 10); rep++) {
  let sums = 0;
  let folds = 0;
  let estimates = 0;
  for (let first = 0; first < indicators.length; first += INDICATORS_PER_PASS) {
    const chunk = indicators.slice(first, first + INDICATORS_PER_PASS);
    const values = chunk.map((indicator) => prepared.values.get(indicator.id) as Float64Array);
    started = cpu();
    const rowSums = domainSumsOfBreakdowns(prepared.design, prepared.calibration, values, summed, entries, buffer, chunk.map((indicator) => indicator.type === 'share'));
    sums += cpu() - started;
    const byPlan: DomainSums[][] = [];
    for (const planned of plans) {
      started = cpu();
      const planSums = planned.foldFrom === null
        ? (rowSums[fromRows.indexOf(planned)] as DomainSums[])
        : foldSums(byPlan[planned.foldFrom.position] as DomainSums[], planned.foldFrom.folded);
      byPlan.push(planSums);
      folds += cpu() - started;
      started = cpu();
      for (const domain of planned.present) estimateDomains(prepared.design, prepared.calibration, planSums, domain);
      estimates += cpu() - started;
    }
  }
  phases.sums.push(sums);
  phases.folds.push(folds);
  phases.estimates.push(estimates);
  started = cpu();
  tableEstimates(prepared, breakdowns);
  phases.table.push(cpu() - started);
}
const summary = (list: number[]): string => {
  const sorted = [...list].sort((a, b) => a - b);
  return `median ${(sorted[sorted.length >> 1] as number).toFixed(3)} s, min ${(sorted[0] as number).toFixed(3)} s`;
};
console.log(`CPU per table (${phases.table.length} repeats): sums ${summary(phases.sums)}; folds ${summary(phases.folds)}; estimates and variances ${summary(phases.estimates)}; whole tableEstimates ${summary(phases.table)}`);
db.$client.close();
