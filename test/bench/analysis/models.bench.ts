/**
 * Benchmark of design-based regression (not a test): `npm run bench:models`.
 * Fieldwork-shaped data (test/bench/analysis/generate-fieldwork.ts): 1,000,000 rows in PSUs of 8,
 * so 125,000 PSUs in 24 strata. Two models with 10 predictors, two of them categorical (region,
 * 12 levels; wave, 2), 21 coefficients: a gaussian one (outcome a scale score) and a binomial one
 * (a share), each fitted with its linearised (sandwich) SEs over the design, best of three. Then
 * both again on a raked design, and, where R is installed, R's `svyglm` on 100,000 rows of the
 * same shape (`system.time` around the call, R's default glm control), our time on those same
 * 100,000 rows, and the largest relative difference of the coefficients and SEs.
 * Wall and CPU time are both printed: on the shared machine the wall time mostly measures the load.
 * `BENCH_ROWS`, `BENCH_R_ROWS` change the sizes. Results go in docs/benchmarks.md.
 */
import { prepare } from '../../../analysis/index.ts';
import { fitModel } from '../../../analysis/models.ts';
import type { AnalysisSpec, ModelResult, ModelSpec } from '../../../analysis/types.ts';
import { fieldworkResponses, fieldworkSpec } from './generate-fieldwork.ts';
import { hasR } from './r-comparison.ts';
import { svyglmInR } from './models-r.ts';
import { mb } from '../exports/settings.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const rRows = Number(process.env.BENCH_R_ROWS ?? 100_000);

const predictors = ['scale_2', 'scale_3', 'scale_4', 'scale_5', 'mean_1', 'mean_2', 'mean_3', 'ch_facebook', 'region', 'wave'];
const models: ModelSpec[] = [
  { id: 'gaussian', family: 'gaussian', outcome: 'scale_1', predictors, categorical: ['region', 'wave'] },
  { id: 'binomial', family: 'binomial', outcome: 'share_5', predictors, categorical: ['region', 'wave'] },
];
const design: AnalysisSpec = { ...fieldworkSpec, reliability: [], weighting: undefined, models };
const raked: AnalysisSpec = { ...fieldworkSpec, reliability: [], models };
const seconds = (start: number): number => (performance.now() - start) / 1000;

/** Best of three fits of each model on a prepared design. */
function timeFits(spec: AnalysisSpec, data: Record<string, Float64Array>, label: string): ModelResult[] {
  const prepareStart = performance.now();
  const prepared = prepare(data, spec);
  const prepareSeconds = seconds(prepareStart);
  return models.map((model) => {
    const timings: number[] = [];
    const cpu: number[] = [];
    let result: ModelResult | undefined;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      result = fitModel(prepared, model);
      timings.push(seconds(start));
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1e6);
    }
    console.log(`[${label}] ${model.family} (${result!.coefficients.length} coefficients, n ${result!.n.toLocaleString('en')}, ` +
      `df ${result!.dfResidual.toLocaleString('en')}): runs ${timings.map((value) => `${value.toFixed(2)} s`).join(', ')}; ` +
      `best ${Math.min(...timings).toFixed(2)} s; CPU time best ${Math.min(...cpu).toFixed(2)} s ` +
      `(design and indicator values prepared once before, ${prepareSeconds.toFixed(2)} s)`);
    return result!;
  });
}

const generateStart = performance.now();
const data = fieldworkResponses(rows);
console.log(`generated ${rows.toLocaleString('en')} responses in ${seconds(generateStart).toFixed(2)} s`);
timeFits(design, data, `${rows.toLocaleString('en')} rows`);
timeFits(raked, data, `${rows.toLocaleString('en')} rows, raked`);
console.log(`memory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);

if (hasR()) {
  const small = fieldworkResponses(rRows, 11);
  const ours = timeFits(design, small, `${rRows.toLocaleString('en')} rows`);
  // R gets the per-respondent values the engine fits (so R times svyglm, not our recoding).
  const prepared = prepare(small, design);
  const columns: Record<string, Float64Array> = { stratum: small.stratum!, psu: small.psu!, w: small.w!, region: small.region!, wave: small.wave!, ch_facebook: small.ch_facebook! };
  for (const name of ['scale_1', 'scale_2', 'scale_3', 'scale_4', 'scale_5', 'mean_1', 'mean_2', 'mean_3', 'share_5']) columns[name] = prepared.values.get(name)!;
  models.forEach((model, m) => {
    const r = svyglmInR(columns, model);
    const mine = ours[m]!;
    let largest = 0;
    r.terms.forEach((term, k) => {
      const row = mine.coefficients.find((coefficient) => coefficient.term === term.replace(/^factor\((\w+)\)/, '$1'));
      if (row === undefined) throw new Error(`term ${term} missing from ours (${mine.coefficients.map((c) => c.term).join(', ')})`);
      largest = Math.max(largest, Math.abs((row.estimate as number) / (r.estimates[k] as number) - 1), Math.abs((row.se as number) / (r.ses[k] as number) - 1));
    });
    console.log(`[R ${rRows.toLocaleString('en')} rows] svyglm ${model.family}: ${r.seconds.toFixed(2)} s (the svyglm call only); ` +
      `largest relative difference of coefficients and SEs from ours ${largest.toExponential(1)}` +
      (model.family === 'binomial' ? ' (R stops at glm\'s default tolerance 1e-8; ours converges further)' : ''));
  });
} else {
  console.log('R with the survey package not found: skipped the svyglm comparison');
}
