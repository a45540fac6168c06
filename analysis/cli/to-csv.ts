import { stringify } from 'csv-stringify/sync';
import type { TableResult } from '../types.ts';

/** The tables `--format csv` can print, one at a time (`--table`), each a plain rectangular CSV. */
export type CsvTable = 'estimates' | 'comparisons' | 'did' | 'models';
export const csvTables: readonly CsvTable[] = ['estimates', 'comparisons', 'did', 'models'];

const cell = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Dimension names in order of first appearance among the rows' groups. */
function dimensionsOf(rows: readonly { groups: Record<string, string> }[]): string[] {
  const names: string[] = [];
  for (const row of rows) for (const name of Object.keys(row.groups)) if (!names.includes(name)) names.push(name);
  return names;
}

/**
 * One CSV row per estimate: indicator, one column per dimension (empty when the row is not broken
 * down by it), then the numbers of INDICATORS.md's estimate row.
 *
 * @example
 * estimatesCsv(table); // "indicator,region,estimate,se,…\ntrust_fav,,0.41,…"
 */
export function estimatesCsv(table: TableResult): string {
  const dimensions = dimensionsOf(table.estimates);
  const header = ['indicator', ...dimensions, 'estimate', 'se', 'ciLow', 'ciHigh', 'n', 'nEffective', 'deff', 'flag'];
  const rows = table.estimates.map((row) => [
    row.indicator, ...dimensions.map((name) => row.groups[name] ?? ''),
    row.estimate, row.se, row.ciLow, row.ciHigh, row.n, row.nEffective, row.deff, row.flag,
  ].map(cell));
  return stringify([header, ...rows]);
}

/**
 * One CSV row per `--compare` difference (a − b), within the whole sample or a breakdown cell.
 *
 * @example
 * comparisonsCsv(table); // "indicator,region,dimension,groupA,groupB,estimateA,…"
 */
export function comparisonsCsv(table: TableResult): string {
  const dimensions = dimensionsOf(table.comparisons);
  const fields = ['dimension', 'groupA', 'groupB', 'estimateA', 'estimateB', 'difference', 'se', 'ciLow', 'ciHigh', 'df', 'pValue', 'nA', 'nB', 'flag'] as const;
  const rows = table.comparisons.map((row) => [row.indicator, ...dimensions.map((name) => row.groups[name] ?? ''), ...fields.map((field) => row[field])].map(cell));
  return stringify([['indicator', ...dimensions, ...fields], ...rows]);
}

/**
 * One CSV row per `did` contrast: the difference in differences, then its four means and n.
 *
 * @example
 * didCsv(table); // "id,indicator,estimate,se,ciLow,ciHigh,pValue,df,meanTreatedBefore,…"
 */
export function didCsv(table: TableResult): string {
  const cells = ['treatedBefore', 'treatedAfter', 'controlBefore', 'controlAfter'] as const;
  const title = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
  const header = ['id', 'indicator', 'estimate', 'se', 'ciLow', 'ciHigh', 'pValue', 'df',
    ...cells.map((name) => `mean${title(name)}`), ...cells.map((name) => `n${title(name)}`), 'flag'];
  const rows = table.contrasts.map((row) => [row.id, row.indicator, row.estimate, row.se, row.ciLow, row.ciHigh, row.pValue, row.df,
    ...cells.map((name) => row.means[name]), ...cells.map((name) => row.n[name]), row.flag].map(cell));
  return stringify([header, ...rows]);
}

/**
 * One CSV row per model coefficient: the model's id, family, n and residual df repeated on each
 * of its rows, then the term as R names it and its numbers (as `summary(svyglm(...))`).
 *
 * @example
 * modelsCsv(table); // "model,family,n,dfResidual,term,estimate,se,t,pValue,ciLow,ciHigh\nm,gaussian,1200,28,(Intercept),…"
 */
export function modelsCsv(table: TableResult): string {
  const header = ['model', 'family', 'n', 'dfResidual', 'term', 'estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'];
  const rows = table.models.flatMap((model) => model.coefficients.map((row) =>
    [model.id, model.family, model.n, model.dfResidual, row.term, row.estimate, row.se, row.t, row.pValue, row.ciLow, row.ciHigh].map(cell)));
  return stringify([header, ...rows]);
}

/** The CSV of one table. */
export function tableCsv(table: TableResult, which: CsvTable): string {
  return { estimates: estimatesCsv, comparisons: comparisonsCsv, did: didCsv, models: modelsCsv }[which](table);
}
