/**
 * Benchmark of the analysis engine (not a test): `npm run bench:analysis`.
 * Generates 1,000,000 synthetic responses in typed arrays (16 regions as strata, 500 PSUs,
 * 8 channels) and times the full table: every indicator by region, by channel and region ×
 * channel with SEs, intervals and design effects, plus alpha per construct. Where R is installed
 * it also times svyby on a subsample and checks the numbers agree. Then, in a child process of its
 * own (so memory is measured separately), the many-PSU case: fieldwork-shaped data with 125,000
 * PSUs in 24 strata, 25 indicators, raked (see analysis/fieldwork-case.ts in this folder). `BENCH_CASE=classic`
 * or `BENCH_CASE=fieldwork` runs one case only. Results go in docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { estimateTable } from '../../analysis/index.ts';
import { benchmarkSpec, syntheticResponses } from './analysis/generate.ts';
import { compareWithR, hasR } from './analysis/r-comparison.ts';
import { runFieldworkCase } from './analysis/fieldwork-case.ts';
import { mb } from './exports/settings.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const rRows = Number(process.env.BENCH_R_ROWS ?? 1_000_000);

const benchCase = process.env.BENCH_CASE ?? 'all';
if (benchCase === 'fieldwork') {
  runFieldworkCase(rows);
  process.exit(0);
}

const generateStart = performance.now();
const data = syntheticResponses(rows);
console.log(`generated ${rows.toLocaleString('en')} responses in ${((performance.now() - generateStart) / 1000).toFixed(2)} s`);

const rssBefore = process.memoryUsage().rss;
const timings: number[] = [];
let estimates = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const table = estimateTable(data, benchmarkSpec, { by: ['region', 'channel'] });
  timings.push((performance.now() - start) / 1000);
  estimates = table.estimates.length;
}
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(`full table (${estimates} estimate rows, alpha for 2 constructs): ` +
  `runs ${timings.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')}; best ${Math.min(...timings).toFixed(2)} s`);
console.log(`memory: RSS before the table ${mb(rssBefore)}, peak RSS of the whole process ${mb(peakRss)}`);

if (hasR()) {
  const comparison = compareWithR(data, Math.min(rRows, rows));
  console.log(`R svyby(~trust_fav, ~region, design, svymean, deff = TRUE) on ${comparison.rows.toLocaleString('en')} rows: ` +
    `R ${comparison.rSeconds.toFixed(2)} s (svyby call only); ` +
    `ours ${comparison.oursBreakdownSeconds.toFixed(3)} s for the same breakdown on a prepared design ` +
    `(${(comparison.rSeconds / comparison.oursBreakdownSeconds).toFixed(0)}× faster), ` +
    `${comparison.oursSeconds.toFixed(3)} s including design and recoding from typed arrays ` +
    `(${(comparison.rSeconds / comparison.oursSeconds).toFixed(0)}× faster); ` +
    `largest relative difference (estimate, SE, deff) ${comparison.maxRelativeDifference.toExponential(1)}`);
} else {
  console.log('R with the survey package not found: skipped the svyby comparison');
}

if (benchCase === 'all') {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, BENCH_CASE: 'fieldwork' },
    stdio: 'inherit',
  });
  if (child.status !== 0) process.exitCode = child.status ?? 1;
}
