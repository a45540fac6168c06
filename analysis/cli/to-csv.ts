import { stringify } from 'csv-stringify/sync';
import type { TableResult } from '../types.ts';

/**
 * One CSV row per estimate: indicator, one column per dimension (empty when the row is not broken
 * down by it), then the numbers of INDICATORS.md's estimate row.
 *
 * @example
 * estimatesCsv(table); // "indicator,region,estimate,se,…\ntrust_fav,,0.41,…"
 */
export function estimatesCsv(table: TableResult): string {
  const dimensions: string[] = [];
  for (const row of table.estimates) for (const name of Object.keys(row.groups)) if (!dimensions.includes(name)) dimensions.push(name);
  const header = ['indicator', ...dimensions, 'estimate', 'se', 'ciLow', 'ciHigh', 'n', 'nEffective', 'deff', 'flag'];
  const rows = table.estimates.map((row) => [
    row.indicator, ...dimensions.map((name) => row.groups[name] ?? ''),
    row.estimate, row.se, row.ciLow, row.ciHigh, row.n, row.nEffective, row.deff, row.flag ?? '',
  ].map((value) => (value === null ? '' : String(value))));
  return stringify([header, ...rows]);
}
