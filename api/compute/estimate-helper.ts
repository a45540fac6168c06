import {
  estimatePreparedTable, withIndicators, type AnalysisSpec, type Design, type EstimateRow, type Prepared, type TableOptions, type TableResult,
} from '../../analysis/index.ts';
import { INDICATORS_PER_PASS, isRowWise, tableEstimates, tablePlan } from '../../analysis/breakdown-estimates.ts';
import { tableBreakdowns, tableFromEstimates } from '../../analysis/estimate-table.ts';
import type { Calibration } from '../../analysis/weighting/calibration.ts';
import type { IndicatorSource } from '../db/store/indicators.ts';
import type { Survey } from '../db/schema.ts';
import { keptTable } from '../indicators/kept-tables.ts';
import { beginIndicatorTable, tableError, type IndicatorTable } from '../indicators/table.ts';
import type { IndicatorQuery } from '../indicators/query.ts';
import { shareArrays, type View } from './shared-arrays.ts';
import { WorkerClient } from './worker-client.ts';

export interface HelperRequest {
  seq: number;
  spec: AnalysisSpec;
  design: Design;
  calibration: Calibration | null;
  values: [string, Float64Array][];
  zeroWeightRows: [string, Int32Array][];
  breakdowns: string[][];
  plan: unknown;
}
export type HelperReply = { seq: number; ok: true; rows: EstimateRow[][] } | { seq: number; ok: false; message: string };

/**
 * A second thread for the compute thread's indicator tables, so a table uses both cores: it sums
 * and estimates some of the indicators while the compute thread does the others. It reads the
 * compute thread's prepared design from shared memory (shared-arrays.ts), so nothing is copied
 * per request and nothing is kept twice.
 */
export class EstimateHelper {
  /** Parts of tables the helper made (a table falls back to one thread when it fails). */
  answered = 0;
  private readonly client = new WorkerClient<Omit<HelperRequest, 'seq'>, HelperReply>(
    new URL('./estimate-helper-worker.ts', import.meta.url).href, {},
    (reply) => {
      if (!reply.ok) throw new Error(`estimate helper: ${reply.message}`);
      this.answered++;
      return reply.rows;
    },
    (cause) => new Error(`estimate helper stopped (${cause})`),
  );

  run(request: Omit<HelperRequest, 'seq'>): Promise<EstimateRow[][]> {
    return this.client.request(request) as Promise<EstimateRow[][]>;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/**
 * `estimatePreparedTable` on two threads: the helper estimates the first half of the indicators
 * summed by domain (in whole passes of the engine, so every sum is made exactly as on one thread),
 * this thread the rest, the row-wise indicators, alpha and comparisons. The rows are put back in
 * the order one thread gives, so the table is the same, number for number.
 */
export async function estimateOnTwoThreads(prepared: Prepared, options: TableOptions, helper: EstimateHelper): Promise<TableResult> {
  const all = prepared.spec.indicators ?? [];
  const summed = all.filter((indicator) => !isRowWise(prepared, indicator));
  const passes = Math.ceil(summed.length / INDICATORS_PER_PASS);
  if (passes < 2) return estimatePreparedTable(prepared, options);
  const breakdowns = tableBreakdowns(options);
  const plan = tablePlan(prepared, breakdowns);
  const theirs = new Set(summed.slice(0, Math.ceil(passes / 2) * INDICATORS_PER_PASS).map((indicator) => indicator.id));
  // Once per array (then a no-op): what the helper reads moves to shared memory, in place, and
  // only that: each copy briefly doubles its array, and a copy of an array kept elsewhere too (a
  // cached column) would keep it twice. Every derived value is then pointed at the copies made.
  const copies = new Map<View, View>();
  const posted = new Set<object>([...theirs].flatMap((id) => [prepared.values.get(id)!, prepared.zeroWeightRows.get(id)!]));
  shareArrays(prepared.design, copies);
  shareArrays(prepared.calibration, copies);
  shareArrays(plan, copies);
  for (const entry of prepared.derivedEntries.values()) shareArrays(entry, copies, (view) => posted.has(view));
  // Once more: an entry met before one that holds the same array gets its copy too.
  for (const entry of prepared.derivedEntries.values()) shareArrays(entry, copies, () => false);
  const shared = withIndicators(prepared, prepared.spec);
  const pending = helper.run({
    spec: { ...prepared.spec, indicators: all.filter((indicator) => theirs.has(indicator.id)) },
    design: prepared.design, calibration: prepared.calibration,
    values: [...theirs].map((id) => [id, shared.values.get(id)!]),
    zeroWeightRows: [...theirs].map((id) => [id, shared.zeroWeightRows.get(id)!]),
    breakdowns, plan,
  });
  const mine = tableEstimatesOf(shared, all.filter((indicator) => !theirs.has(indicator.id)), breakdowns);
  // A helper that failed (stopped, out of memory): the table is made here alone, as before.
  const helped = await pending.catch(() => null);
  if (helped === null) return estimatePreparedTable(shared, options);
  const order = new Map(all.map((indicator, index) => [indicator.id, index]));
  const rows = breakdowns.map((_, position) => {
    const list = [...(helped[position] ?? []), ...(mine[position] ?? [])];
    // With row-wise indicators one thread sorts its rows by indicator (stable): the same here.
    if (all.some((indicator) => isRowWise(prepared, indicator))) list.sort((a, b) => order.get(a.indicator)! - order.get(b.indicator)!);
    return list;
  });
  return tableFromEstimates(shared, options, rows);
}

function tableEstimatesOf(prepared: Prepared, indicators: AnalysisSpec['indicators'], breakdowns: string[][]): EstimateRow[][] {
  if (!indicators || indicators.length === 0) return breakdowns.map(() => []);
  return tableEstimates(withIndicators(prepared, { ...prepared.spec, indicators }), breakdowns);
}

/** `indicatorTable` with its estimates made on two threads (`estimateOnTwoThreads`). */
export async function indicatorTableOnTwoThreads(db: IndicatorSource, survey: Survey, query: IndicatorQuery, reliabilityBy: string[] | undefined, helper: EstimateHelper): Promise<IndicatorTable> {
  const begun = await beginIndicatorTable(db, survey, query, reliabilityBy);
  let result: TableResult;
  try {
    result = await keptTable(begun.prepared, begun.options, () => estimateOnTwoThreads(begun.prepared, begun.options, helper));
  } catch (error) {
    throw tableError(error);
  }
  return begun.finish(result);
}
