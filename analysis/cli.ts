/**
 * Command line: design-based trust indicators from a CSV file and a spec.
 *
 *   npm run --silent analyze -- --data <file.csv> --spec <spec.json> [--by region[,channel]]
 *     [--compare wave=2,1] [--format json|csv] [--table estimates|comparisons|did|models]
 *
 * Prints `{ design, estimates, reliability, comparisons, models }` as JSON, where `comparisons`
 * holds the `--compare` rows and then the spec's `did` contrasts (analysis/did.ts). `--format csv`
 * prints one table as a plain CSV: one row per estimate (the default), per comparison, per did
 * contrast, or per model coefficient (`--table models`); a note on stderr says which other
 * tables the spec produced, since a CSV of one table cannot hold them.
 * Any problem (a wrong column name, a non-numeric value, a bad weight, a PSU in two strata with
 * nest off) prints one line to stderr naming the column and row, exits with code 2 and prints
 * nothing on stdout.
 */
import { estimateTable } from './estimate-table.ts';
import { AnalysisError } from './errors.ts';
import { parseArgs } from './cli/parse-args.ts';
import { readCsv, readSpecFile } from './cli/read-input.ts';
import { tableCsv } from './cli/to-csv.ts';
import type { TableResult } from './types.ts';

/** What the other tables of a CSV run hold, as "--table models prints 2 models (…)". */
function otherTables(table: TableResult, printed: string): string {
  const counts = [
    ['estimates', table.estimates.length, 'estimates'],
    ['comparisons', table.comparisons.length, 'comparisons'],
    ['did', table.contrasts.length, 'did contrasts'],
    ['models', table.models.length, 'models (one row per coefficient)'],
  ] as const;
  return counts.filter(([name, count]) => name !== printed && count > 0)
    .map(([name, count, what]) => `--table ${name} prints the ${count} ${what}`).join(', ');
}

function main(argv: readonly string[]): number {
  try {
    const options = parseArgs(argv);
    const spec = readSpecFile(options.spec);
    const data = readCsv(options.data);
    const table = estimateTable(data, spec, { by: options.by, compare: options.compare });
    const { contrasts, ...rest } = table;
    const json = { ...rest, comparisons: [...table.comparisons, ...contrasts] };
    const output = options.format === 'csv' ? tableCsv(table, options.table) : `${JSON.stringify(json, null, 2)}\n`;
    process.stdout.write(output);
    if (options.format === 'csv') {
      const others = otherTables(table, options.table);
      if (others !== '') process.stderr.write(`analyze: note: this CSV is the ${options.table} table; ${others}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof AnalysisError ? error.message : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`analyze: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
