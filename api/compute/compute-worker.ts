import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../db/open.ts';
import { ApiError } from '../errors.ts';
import type { ComputeReply, ComputeRequest } from './compute-thread.ts';
import { computeTasks } from './tasks.ts';

/**
 * The compute thread (see compute-thread.ts): its own connection to the database file, and the
 * caches of that connection (columns, prepared designs), kept between requests. Tasks run one at
 * a time, in the order they arrive.
 */
const db = openConnection((workerData as { databasePath: string }).databasePath);
const port = parentPort!;

port.on('message', (request: ComputeRequest | 'close') => {
  if (request === 'close') {
    db.$client.close();
    port.close();
    return;
  }
  let reply: ComputeReply;
  try {
    const task = computeTasks[request.task] as (db: unknown, args: unknown) => unknown;
    reply = { seq: request.seq, ok: true, value: task(db, request.args) };
  } catch (error) {
    reply = error instanceof ApiError
      ? { seq: request.seq, ok: false, status: error.status, message: error.message, details: error.details }
      : { seq: request.seq, ok: false, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  port.postMessage(reply);
});
