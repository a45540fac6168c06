import type { EstimateRow, IndicatorSpec } from './types.ts';
import type { AppendDerived, Prepared } from './prepared.ts';
import type { Breakdown } from './domains.ts';
import { appendBreakdown, crossDimensions, domainGroups, listedRowsByDomain } from './domains.ts';
import { domainSumsOfBreakdowns } from './domain-sums.ts';
import { rowEntries } from './row-entries.ts';
import type { RowEntries, SummedBreakdown } from './row-entries.ts';
import { appendDomainCells, appendRowEntries } from './append-cells.ts';
import type { DomainSums } from './domain-sums.ts';
import type { DomainCells } from './domain-cells.ts';
import { domainCells } from './domain-cells.ts';
import type { FoldedCells } from './fold-sums.ts';
import { foldCells, foldSums, isCompletePartition } from './fold-sums.ts';
import { estimateDomains } from './domain-estimate.ts';
import type { DomainEstimate } from './domain-estimate.ts';
import { estimateRow, intervalMethod } from './estimate-row.ts';
import { rowEstimatedTypes, rowEstimates } from './row-estimates.ts';

/** Indicators summed in one pass over the rows: shares the row lookups, bounds the memory of the sums. */
const indicatorsPerPass = 5;

/** How one breakdown's sums are made: from its rows, or folded from a larger crossing's. */
interface Plan {
  breakdown: Breakdown;
  cells: DomainCells;
  /** Position (in the plan list) of the crossing to fold from, with its first dimension's groups. */
  foldFrom: { position: number; folded: FoldedCells } | null;
  present: number[];
  groups: Record<string, string>[];
}

const key = (names: readonly string[]): string => names.join('\u0000');

// One buffer for every table's cell sums on this thread (each group's sums are used up before the
// next group overwrites them, and a table is made start to end without yielding): ≈ 40 MB at a
// million responses, once per thread rather than once per prepared design kept.
const sums = { buffer: new Float64Array(0) };

/**
 * A breakdown's crossing for appended rows, while its dimensions keep their labels (module level,
 * from the names alone: see AppendDerived).
 */
const appendBreakdownRule = (names: readonly string[]): AppendDerived<Breakdown> => (previous, next, from, before) => {
  const dimensions = names.map((name) => next.dimension(name));
  if (dimensions.some((dimension, index) => dimension.labels !== before.dimension(names[index] as string).labels)) return undefined;
  return appendBreakdown(previous, dimensions, from);
};

/**
 * Plans breakdowns largest first, so smaller ones can be folded from a crossing with one more
 * (complete partition) dimension in front. With `previous` (the plan of the first `from` rows), the
 * cells of breakdowns summed from the rows are those cells with the appended rows' entries added
 * (append-cells.ts); undefined when that cannot be (a dimension gained a label, a fold appeared or
 * went), so the plan is made afresh.
 */
function plan(prepared: Prepared, breakdowns: readonly (readonly string[])[], previous?: { plans: Plan[]; from: number }): { plans: Plan[]; order: number[]; moved: Int32Array[] } | undefined {
  const order = breakdowns.map((_, position) => position).sort((a, b) => breakdowns[b]!.length - breakdowns[a]!.length);
  const planned = new Map<string, number>();
  const plans: Plan[] = [];
  const moved: Int32Array[] = [];
  for (const position of order) {
    const names = breakdowns[position]!;
    // Kept apart from the plan: the crossing is carried over to appended rows, the cells are not.
    const breakdown = prepared.derived(`breakdown:${JSON.stringify(names)}`, () => crossDimensions(names.map((name) => prepared.dimension(name))), appendBreakdownRule(names));
    let foldFrom: Plan['foldFrom'] = null;
    for (const [crossedKey, crossedPosition] of planned) {
      const crossedNames = crossedKey === '' ? [] : crossedKey.split('\u0000');
      if (crossedNames.length !== names.length + 1 || key(crossedNames.slice(1)) !== key(names)) continue;
      const first = prepared.dimension(crossedNames[0] as string);
      if (!isCompletePartition(first)) continue;
      const crossed = plans[crossedPosition] as Plan;
      foldFrom = { position: crossedPosition, folded: foldCells(crossed.cells, first.labels.length, prepared.design.psuCount) };
      break;
    }
    let cells = foldFrom?.folded.cells;
    if (previous !== undefined) {
      const earlier = previous.plans[plans.length] as Plan;
      if ((earlier.foldFrom === null) !== (foldFrom === null) || earlier.breakdown.dimensions.some((dimension, at) => dimension.labels !== breakdown.dimensions[at]?.labels)) return undefined;
      if (cells === undefined) {
        const appended = appendDomainCells(earlier.cells, earlier.breakdown, breakdown, prepared.design, previous.from);
        if (appended === undefined) return undefined;
        cells = appended.cells;
        moved.push(appended.moved);
      }
    }
    cells ??= domainCells(prepared.design, breakdown);
    const present: number[] = [];
    for (let domain = 0; domain < breakdown.domainCount; domain++) {
      if ((cells.domainEnd[domain] as number) > (cells.domainStart[domain] as number)) present.push(domain);
    }
    planned.set(key(names), plans.length);
    plans.push({ breakdown, cells, foldFrom, present, groups: present.map((domain) => domainGroups(breakdown, domain)) });
  }
  return { plans, order, moved };
}

/** The key under which `tablePlan` keeps a breakdown list's plan with the Prepared. */
export const tablePlanKey = (breakdowns: readonly (readonly string[])[]): string => `plan:${JSON.stringify(breakdowns)}`;

type TablePlan = { plans: Plan[]; order: number[]; fromRows: Plan[]; summed: SummedBreakdown[]; entries: RowEntries };

const summedOf = (plans: Plan[]): { fromRows: Plan[]; summed: SummedBreakdown[] } => {
  // Breakdowns summed from the rows share one pass per group of indicators (see row-entries.ts).
  const fromRows = plans.filter((entry) => entry.foldFrom === null);
  return { fromRows, summed: fromRows.map((entry) => ({ breakdown: entry.breakdown, cells: entry.cells })) };
};

/**
 * A table's plan for appended rows (module level, from the breakdown names alone: see
 * AppendDerived): cells and row entries of the first rows with the appended rows' added. It
 * depends on no weight, so raking again leaves it as it is.
 */
const appendPlanRule = (breakdowns: readonly (readonly string[])[]): AppendDerived<TablePlan> => (previous, next, from) => {
  const planned = plan(next, breakdowns, { plans: previous.plans, from });
  if (planned === undefined) return undefined;
  const { fromRows, summed } = summedOf(planned.plans);
  const entries = appendRowEntries(previous.entries, previous.summed, summed, planned.moved, next.design.rowCount, from);
  return { plans: planned.plans, order: planned.order, fromRows, summed, entries };
};

/**
 * How the breakdowns' sums are made (cells of each, which are folded from a crossing, every row's
 * entries), kept with the Prepared: typed arrays and plain objects only, so a caller can hand it
 * to another thread with the design and values (the API sums some indicators on a second core).
 * Carried over to appended rows (appendPrepared).
 *
 * @example
 * const { entries } = tablePlan(prepared, [[], ['region']]);
 */
export function tablePlan(prepared: Prepared, breakdowns: readonly (readonly string[])[]): TablePlan {
  return prepared.derived(tablePlanKey(breakdowns), () => {
    const planned = plan(prepared, breakdowns) as NonNullable<ReturnType<typeof plan>>;
    const { fromRows, summed } = summedOf(planned.plans);
    return { plans: planned.plans, order: planned.order, fromRows, summed, entries: rowEntries(prepared.design.rowCount, summed) };
  }, appendPlanRule(breakdowns));
}

/** Indicators summed in one pass: a caller splitting a table's indicators splits at a multiple of it, so every sum is the same. */
export const INDICATORS_PER_PASS = indicatorsPerPass;

/** Whether an indicator is estimated row by row (quantiles, replicate designs) rather than from the domain sums. */
export function isRowWise(prepared: Prepared, indicator: IndicatorSpec): boolean {
  return prepared.design.replicates !== null || rowEstimatedTypes.has(indicator.type);
}

/**
 * Estimate rows of every indicator for every domain of each breakdown (the crossing of the
 * named dimensions; none = whole sample), one list per breakdown in the order asked. Domains
 * with no respondent at all are left out, as `svyby(drop.empty.groups = TRUE)` does.
 *
 * Reference: R `svyby(~y, ~region + channel, design, svymean, deff = TRUE)` and
 * `svyby(~fav, ~region, design, svyciprop, vartype = "ci")`.
 *
 * @example
 * const [whole, byRegion] = tableEstimates(prepared, [[], ['region']]);
 */
export function tableEstimates(prepared: Prepared, breakdowns: readonly (readonly string[])[]): EstimateRow[][] {
  const { spec, design, calibration } = prepared;
  const { plans, order, fromRows, summed, entries } = tablePlan(prepared, breakdowns);
  const rows: EstimateRow[][] = breakdowns.map(() => []);
  const all = spec.indicators ?? [];
  // Replicate designs estimate every indicator row by row, with the replicate weights.
  const rowWise = (indicator: (typeof all)[number]): boolean => isRowWise(prepared, indicator);
  const indicators = all.filter((indicator) => !rowWise(indicator));
  const byRow = all.filter(rowWise);
  // The thread's buffer of cell sums, grown when a table needs more.
  const bufferLength = (entries.cellOffset[summed.length] as number) * 2 * Math.min(indicatorsPerPass, indicators.length);
  if (sums.buffer.length < bufferLength) sums.buffer = new Float64Array(bufferLength);
  const { buffer } = sums;
  for (let first = 0; first < indicators.length; first += indicatorsPerPass) {
    const chunk = indicators.slice(first, first + indicatorsPerPass);
    const values = chunk.map((indicator) => prepared.values.get(indicator.id) as Float64Array);
    const rowSums = domainSumsOfBreakdowns(design, calibration, values, summed, entries, buffer, chunk.map((indicator) => indicator.type === 'share'));
    const sumsByPlan: DomainSums[][] = [];
    plans.forEach((planned, index) => {
      const sums = planned.foldFrom === null
        ? (rowSums[fromRows.indexOf(planned)] as DomainSums[])
        : foldSums(sumsByPlan[planned.foldFrom.position] as DomainSums[], planned.foldFrom.folded);
      sumsByPlan.push(sums);
      const target = rows[order[index] as number] as EstimateRow[];
      // All indicators of the group per domain (one visit of its cells), rows in indicator order.
      const results = planned.present.map((domain) => estimateDomains(design, calibration, sums, domain));
      chunk.forEach((indicator, position) => {
        // Korn–Graubard's n is R's nrow(design): rows of weight 0 count there.
        const zeroRows = prepared.zeroWeightRows.get(indicator.id);
        const extraRows = zeroRows !== undefined && zeroRows.length > 0 && intervalMethod(indicator) === 'beta'
          ? listedRowsByDomain(planned.breakdown, zeroRows) : null;
        planned.present.forEach((domain, at) => {
          const found = (results[at] as DomainEstimate[])[position] as DomainEstimate;
          const result = extraRows === null ? found : { ...found, rows: found.n + (extraRows[domain] as number) };
          target.push(estimateRow(indicator, { ...planned.groups[at] }, result, design, spec, calibration !== null));
        });
      });
    });
  }
  if (byRow.length > 0) {
    const extra = rowEstimates(prepared, byRow, breakdowns);
    extra.forEach((list, position) => (rows[position] as EstimateRow[]).push(...list));
    // Rows in the spec's indicator order within each breakdown, as before.
    const order = new Map(all.map((indicator, index) => [indicator.id, index]));
    for (const list of rows) list.sort((a, b) => (order.get(a.indicator) as number) - (order.get(b.indicator) as number));
  }
  return rows;
}

/**
 * Estimate rows of every indicator for every domain of one breakdown.
 *
 * @example
 * breakdownEstimates(prepared, ['region', 'channel']);
 */
export function breakdownEstimates(prepared: Prepared, dimensionNames: readonly string[]): EstimateRow[] {
  return tableEstimates(prepared, [dimensionNames])[0] as EstimateRow[];
}
