/**
 * `npm run bench`: every benchmark, each in its own process so that each peak memory is its own.
 * Results go in docs/benchmarks.md. BENCH_ROWS changes the number of responses.
 */
import { spawnSync } from 'node:child_process';

const benches = ['test/bench/analysis.bench.ts', 'test/bench/analysis/models.bench.ts', 'test/bench/load-columns.bench.ts', 'test/bench/indicators.bench.ts', 'test/bench/progress.bench.ts', 'test/bench/report.bench.ts', 'test/bench/microdata-csv.bench.ts'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const result = spawnSync('npx', ['tsx', bench], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
