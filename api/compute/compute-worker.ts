import { parentPort, workerData } from 'node:worker_threads';
import { allocateShared } from '../../analysis/growable.ts';
import { openConnection } from '../db/open.ts';
import { openPostgres } from '../db/pg/open.ts';
import { sqliteIndicatorStore, type IndicatorStore } from '../db/store/indicators.ts';
import { postgresIndicatorStore } from '../db/store/pg/indicators.ts';
import { ApiError } from '../errors.ts';
import type { ComputeReply, ComputeRequest } from './compute-thread.ts';
import { EstimateHelper } from './estimate-helper.ts';
import { computeTasks } from './tasks.ts';

/**
 * The compute thread (see compute-thread.ts): its own connection to the database file (or its own
 * small PostgreSQL pool), and the caches of that connection (columns, prepared designs), kept
 * between requests. Tasks run one at
 * a time, in the order they arrive (a table waiting for its helper holds the queue, so no other
 * task touches the caches meanwhile). The helper thread makes half of a table's estimates on the
 * machine's other core (estimate-helper.ts).
 */
const settings = workerData as { database: string; helper: boolean };
const postgres = /^postgres(ql)?:\/\//.test(settings.database);
/** The thread's store, and how to close it; a PostgreSQL pool of two (a scan holds one). */
async function openStore(): Promise<{ store: IndicatorStore; close: () => Promise<void> }> {
  if (postgres) {
    const pg = await openPostgres(settings.database, { maxConnections: 2 });
    return { store: postgresIndicatorStore(pg), close: () => pg.$client.end() };
  }
  const db = openConnection(settings.database);
  return { store: sqliteIndicatorStore(db), close: async () => void db.$client.close() };
}
const opened = openStore();
// A failed open is answered to every request (as a 503-like error) rather than crashing the thread.
opened.catch(() => {});
const port = parentPort!;
const helper = settings.helper ? new EstimateHelper() : undefined;
// The helper reads the prepared designs' values and dimensions: made in shared memory from the
// start, they are neither copied for it nor kept twice (shared-arrays.ts copies only the rest).
allocateShared(helper !== undefined);
let queue: Promise<unknown> = opened.catch(() => undefined);

async function run(request: ComputeRequest): Promise<void> {
  let reply: ComputeReply;
  try {
    const task = computeTasks[request.task] as (store: IndicatorStore, args: unknown, helper: EstimateHelper | undefined) => unknown;
    reply = { seq: request.seq, ok: true, value: await task((await opened).store, request.args, helper) };
  } catch (error) {
    reply = error instanceof ApiError
      ? { seq: request.seq, ok: false, status: error.status, message: error.message, details: error.details }
      : { seq: request.seq, ok: false, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  port.postMessage(reply);
}

port.on('message', (request: ComputeRequest | 'close') => {
  if (request === 'close') {
    queue = queue.then(async () => {
      await helper?.close();
      await (await opened.catch(() => undefined))?.close();
      port.close();
    });
    return;
  }
  queue = queue.then(() => run(request));
});
