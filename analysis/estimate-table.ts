import type { AnalysisSpec, Columns, CompareRequest, EstimateRow, TableOptions, TableResult } from './types.ts';
import { prepare, type Prepared } from './prepared.ts';
import { tableEstimates } from './breakdown-estimates.ts';
import { compareGroups } from './comparisons.ts';
import { reliabilityTable } from './reliability-table.ts';
import { fitModel } from './models.ts';
import { didContrast } from './did.ts';

/** The breakdowns a `by` list asks for: whole sample, each dimension, and (for several) their crossing. */
export function breakdownsFor(by: readonly string[]): string[][] {
  const list: string[][] = [[]];
  for (const name of by) list.push([name]);
  if (by.length > 1) list.push([...by]);
  return list;
}

/**
 * The full indicator table: design summary, every indicator's estimate row for the whole sample
 * and each requested breakdown, Cronbach's alpha per construct, and group comparisons.
 *
 * Why: this is the one call the API and the command line make; it returns exactly what
 * `npm run analyze -- --format json` prints. Data are columns by name (numbers as Float64Array
 * with NaN for missing, or labels), so the API can hand over what it loaded from the database.
 *
 * Reference: R `svydesign` → (`rake`/`postStratify`) → `svyby(..., svymean/svyciprop)`,
 * `svycontrast`, `psych::alpha`; see docs/methods.md.
 *
 * @example
 * const table = estimateTable(
 *   { w: new Float64Array([1, 2, 1, 3]), q: new Float64Array([4, 2, 5, 1]), region: ['a', 'a', 'b', 'b'] },
 *   { design: { weight: 'w' }, dimensions: { region: { column: 'region' } },
 *     indicators: [{ id: 'fav', type: 'share', item: 'q', favourable: [4, 5] }] },
 *   { by: ['region'] },
 * );
 * table.estimates[0]; // => { indicator: 'fav', groups: {}, estimate: 0.2857…, … }
 */
export function estimateTable(data: Columns, spec: AnalysisSpec, options: TableOptions = {}): TableResult {
  return estimatePreparedTable(prepare(data, spec), options);
}

/**
 * `estimateTable` on data already prepared: a caller that keeps the Prepared of unchanged data
 * (the API between requests) skips the design, weighting, recoding and breakdown indexing.
 *
 * @example
 * const prepared = prepare(data, spec);
 * estimatePreparedTable(prepared, { by: ['region'] });
 * estimatePreparedTable(prepared, { by: ['channel'] });
 */
export function estimatePreparedTable(prepared: Prepared, options: TableOptions = {}): TableResult {
  return tableFromEstimates(prepared, options, tableEstimates(prepared, tableBreakdowns(options)));
}

/** The breakdowns a table's options ask for. */
export function tableBreakdowns(options: TableOptions): string[][] {
  return (options.breakdowns ?? breakdownsFor(options.by ?? [])).map((names) => [...names]);
}

/**
 * `estimatePreparedTable` with the estimate rows already made (`tableEstimates` of
 * `tableBreakdowns(options)`, e.g. in parts on several threads): adds comparisons, reliability,
 * models and the design summary.
 *
 * @example
 * tableFromEstimates(prepared, { by: ['region'] }, tableEstimates(prepared, tableBreakdowns({ by: ['region'] })));
 */
export function tableFromEstimates(prepared: Prepared, options: TableOptions, rowsByBreakdown: EstimateRow[][]): TableResult {
  const by = options.by ?? [];
  const breakdowns = tableBreakdowns(options);
  const estimates = rowsByBreakdown.flat();
  const requests: readonly CompareRequest[] =
    options.compare === undefined ? [] : Array.isArray(options.compare) ? options.compare : [options.compare as CompareRequest];
  const comparisons = requests.flatMap((request) =>
    breakdowns
      .filter((dimensions) => !dimensions.includes(request.dimension))
      .flatMap((dimensions) => compareGroups(prepared, request, dimensions)),
  );
  const reliability = reliabilityTable(prepared, by.filter((name) => prepared.spec.dimensions?.[name] !== undefined));
  const { design } = prepared;
  return {
    design: { n: design.rowCount, strata: design.stratumCount, psus: design.psuCount, degf: design.degf },
    estimates,
    reliability,
    comparisons,
    contrasts: (prepared.spec.contrasts ?? []).map((contrast, index) => didContrast(prepared, contrast, index)),
    models: (prepared.spec.models ?? []).map((model) => fitModel(prepared, model)),
  };
}
