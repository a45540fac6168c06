/** Benchmark settings, in a module that imports nothing, so a measured process loads only what it measures. */
export const SLUG = 'bih-police-trust';
export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const BENCH_DB = process.env.BENCH_DB ?? `/tmp/trustlens-bench-${BENCH_ROWS}.db`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
