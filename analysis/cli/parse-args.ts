import type { CompareRequest } from '../types.ts';
import { AnalysisError } from '../errors.ts';
import { csvTables } from './to-csv.ts';
import type { CsvTable } from './to-csv.ts';

export interface CliOptions {
  data: string;
  spec: string;
  by: string[];
  compare: CompareRequest[];
  format: 'json' | 'csv';
  /** The table `--format csv` prints; estimates by default. */
  table: CsvTable;
}

const usage =
  'usage: npm run --silent analyze -- --data <file.csv> --spec <spec.json> [--by region[,channel]] [--compare wave=2,1] [--format json|csv] [--table estimates|comparisons|did|models]';

/**
 * Parses `--compare dimension=a,b` (a − b) or `--compare dimension=a` (a − everyone else).
 *
 * @example
 * parseCompare('wave=2,1'); // => { dimension: 'wave', a: '2', b: '1' }
 */
export function parseCompare(text: string): CompareRequest {
  const match = /^([^=]+)=([^,]+)(?:,(.+))?$/.exec(text);
  if (!match) throw new AnalysisError(`--compare expects dimension=a,b or dimension=a, got "${text}"`);
  const [, dimension, a, b] = match;
  return b === undefined ? { dimension: dimension as string, a: a as string } : { dimension: dimension as string, a: a as string, b };
}

/**
 * Reads the command line of `analysis/cli.ts`.
 *
 * @example
 * parseArgs(['--data', 'x.csv', '--spec', 's.json', '--by', 'region,channel']);
 * // => { data: 'x.csv', spec: 's.json', by: ['region', 'channel'], compare: [], format: 'json', table: 'estimates' }
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: Partial<CliOptions> & { by: string[]; compare: CompareRequest[] } = { by: [], compare: [], format: 'json', table: 'estimates' };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] as string;
    const [name, inline] = flag.includes('=') && flag.startsWith('--') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') throw new AnalysisError(`${name} needs a value; ${usage}`);
      return next;
    };
    switch (name) {
      case '--data': options.data = value(); break;
      case '--spec': options.spec = value(); break;
      case '--by': options.by.push(...value().split(',').map((part) => part.trim()).filter(Boolean)); break;
      case '--compare': options.compare.push(parseCompare(value())); break;
      case '--format': {
        const format = value();
        if (format !== 'json' && format !== 'csv') throw new AnalysisError(`--format must be json or csv, got "${format}"`);
        options.format = format;
        break;
      }
      case '--table': {
        const table = value();
        if (!(csvTables as readonly string[]).includes(table)) throw new AnalysisError(`--table must be one of ${csvTables.join(', ')}, got "${table}"`);
        options.table = table as CsvTable;
        break;
      }
      default: throw new AnalysisError(`unknown argument "${flag}"; ${usage}`);
    }
  }
  if (options.data === undefined || options.spec === undefined) throw new AnalysisError(`--data and --spec are required; ${usage}`);
  if (argv.some((flag) => flag === '--table' || flag.startsWith('--table=')) && options.format !== 'csv') {
    throw new AnalysisError('--table chooses the table of --format csv; the JSON output has every table');
  }
  return options as CliOptions;
}
