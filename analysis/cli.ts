/**
 * Command line: design-based trust indicators from a CSV file and a spec.
 *
 *   npm run --silent analyze -- --data <file.csv> --spec <spec.json> [--by region[,channel]]
 *     [--compare wave=2,1] [--format json|csv]
 *
 * Prints `{ design, estimates, reliability, comparisons, models }` as JSON, where `comparisons`
 * holds the `--compare` rows and then the spec's `did` contrasts (analysis/did.ts), or one CSV
 * row per estimate.
 * Any problem (a wrong column name, a non-numeric value, a bad weight, a PSU in two strata with
 * nest off) prints one line to stderr naming the column and row, exits with code 2 and prints
 * nothing on stdout.
 */
import { estimateTable } from './estimate-table.ts';
import { AnalysisError } from './errors.ts';
import { parseArgs } from './cli/parse-args.ts';
import { readCsv, readSpecFile } from './cli/read-input.ts';
import { estimatesCsv } from './cli/to-csv.ts';

function main(argv: readonly string[]): number {
  try {
    const options = parseArgs(argv);
    const spec = readSpecFile(options.spec);
    const data = readCsv(options.data);
    const table = estimateTable(data, spec, { by: options.by, compare: options.compare });
    const { contrasts, ...rest } = table;
    const json = { ...rest, comparisons: [...table.comparisons, ...contrasts] };
    const output = options.format === 'csv' ? estimatesCsv(table) : `${JSON.stringify(json, null, 2)}\n`;
    process.stdout.write(output);
    return 0;
  } catch (error) {
    const message = error instanceof AnalysisError ? error.message : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`analyze: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
