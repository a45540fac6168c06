import { parentPort, workerData } from 'node:worker_threads';
import { allocateShared } from '../../analysis/growable.ts';
import { openConnection } from '../db/open.ts';
import { ApiError } from '../errors.ts';
import type { ComputeReply, ComputeRequest } from './compute-thread.ts';
import { EstimateHelper } from './estimate-helper.ts';
import { computeTasks } from './tasks.ts';

/**
 * The compute thread (see compute-thread.ts): its own connection to the database file, and the
 * caches of that connection (columns, prepared designs), kept between requests. Tasks run one at
 * a time, in the order they arrive (a table waiting for its helper holds the queue, so no other
 * task touches the caches meanwhile). The helper thread makes half of a table's estimates on the
 * machine's other core (estimate-helper.ts).
 */
const settings = workerData as { databasePath: string; helper: boolean };
const db = openConnection(settings.databasePath);
const port = parentPort!;
const helper = settings.helper ? new EstimateHelper() : undefined;
// The helper reads the prepared designs' values and dimensions: made in shared memory from the
// start, they are neither copied for it nor kept twice (shared-arrays.ts copies only the rest).
allocateShared(helper !== undefined);
let queue: Promise<void> = Promise.resolve();

async function run(request: ComputeRequest): Promise<void> {
  let reply: ComputeReply;
  try {
    const task = computeTasks[request.task] as (db: unknown, args: unknown, helper: EstimateHelper | undefined) => unknown;
    reply = { seq: request.seq, ok: true, value: await task(db, request.args, helper) };
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
      db.$client.close();
      port.close();
    });
    return;
  }
  queue = queue.then(() => run(request));
});
