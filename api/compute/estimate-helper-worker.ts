import { parentPort } from 'node:worker_threads';
import { tableEstimates, tablePlanKey } from '../../analysis/breakdown-estimates.ts';
import type { Prepared } from '../../analysis/index.ts';
import type { HelperReply, HelperRequest } from './estimate-helper.ts';

/**
 * The compute thread's helper (estimate-helper.ts): sums and estimates the indicators it is sent
 * on the design, values and plan of the compute thread's prepared design, read from shared memory.
 * It derives nothing itself; its only state is the engine's buffer of cell sums.
 */
const port = parentPort!;

port.on('message', (request: HelperRequest | 'close') => {
  if (request === 'close') {
    port.close();
    return;
  }
  let reply: HelperReply;
  try {
    const planKey = tablePlanKey(request.breakdowns);
    const derived = <T>(key: string, make: () => T): T => {
      if (key === planKey) return request.plan as T;
      return make();
    };
    const prepared: Prepared = {
      spec: request.spec, data: {}, design: request.design, calibration: request.calibration,
      values: new Map(request.values), zeroWeightRows: new Map(request.zeroWeightRows), denominators: new Map(),
      dimension: (name) => { throw new Error(`the estimate helper has no dimension "${name}"`); },
      derived, derivedEntries: new Map(),
    };
    reply = { seq: request.seq, ok: true, rows: tableEstimates(prepared, request.breakdowns) };
  } catch (error) {
    reply = { seq: request.seq, ok: false, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  port.postMessage(reply);
});
