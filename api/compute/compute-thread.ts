import type { Worker } from 'node:worker_threads';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Db } from '../db/open.ts';
import { startTsWorker, stopTsWorker } from '../db/ts-worker.ts';
import { ApiError } from '../errors.ts';
import { computeTasks, type ComputeTasks, type TaskName } from './tasks.ts';

export interface ComputeRequest {
  seq: number;
  task: TaskName;
  args: unknown;
}
export type ComputeReply =
  | { seq: number; ok: true; value: unknown }
  | { seq: number; ok: false; status?: number; message: string; details?: unknown };

type Args<Name extends TaskName> = Parameters<ComputeTasks[Name]>[1];
type Value<Name extends TaskName> = Awaited<ReturnType<ComputeTasks[Name]>>;

/**
 * Indicator tables and reports on a worker thread with its own connection (docs/decisions/010-compute-thread.md):
 * while one is computed (seconds at a million responses), the request thread keeps taking
 * submissions. One thread, so the column cache and prepared designs (hundreds of MB at a million)
 * exist once; tasks queue in it.
 */
class ComputeThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private next = 0;

  constructor(private readonly databasePath: string, private readonly helper: boolean) {}

  run(task: TaskName, args: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const seq = this.next++;
      this.waiting.set(seq, { resolve, reject });
      this.thread().postMessage({ seq, task, args } satisfies ComputeRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await stopTsWorker(worker);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startTsWorker(new URL('./compute-worker.ts', import.meta.url).href, { databasePath: this.databasePath, helper: this.helper });
    worker.on('message', (reply: ComputeReply) => {
      const waiting = this.waiting.get(reply.seq);
      if (!waiting) return;
      this.waiting.delete(reply.seq);
      if (reply.ok) waiting.resolve(reply.value);
      else if (reply.status) waiting.reject(new ApiError(reply.status as ContentfulStatusCode, reply.message, reply.details));
      else waiting.reject(new Error(`compute thread: ${reply.message}`));
    });
    const failed = (cause: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      // Out of memory, a crash: what was asked is answered 503 and the next request starts a new thread.
      for (const waiting of this.waiting.values()) waiting.reject(new ApiError(503, `The computation stopped (${cause instanceof Error ? cause.message : `exit ${String(cause)}`}); try again.`));
      this.waiting.clear();
    };
    worker.on('error', failed);
    worker.on('exit', failed);
    worker.unref();
    return (this.worker = worker);
  }
}

const threads = new WeakMap<Db, ComputeThread>();

/**
 * Runs heavy work of this database's requests on a compute thread with its own connection to the
 * file at `databasePath`, with a helper thread for half of a table's estimates unless `helper` is
 * false (docs/decisions/018). Returns a function that stops the threads.
 */
export function useComputeThread(db: Db, databasePath: string, options: { helper?: boolean } = {}): () => Promise<void> {
  const thread = new ComputeThread(databasePath, options.helper ?? true);
  threads.set(db, thread);
  return async () => {
    threads.delete(db);
    await thread.close();
  };
}

/**
 * Runs a task of computeTasks: on the compute thread when the server started one for `db`, else
 * here (an in-memory database, which no other connection can read).
 */
export async function compute<Name extends TaskName>(db: Db, task: Name, args: Args<Name>): Promise<Value<Name>> {
  const thread = threads.get(db);
  if (thread) return (await thread.run(task, args)) as Value<Name>;
  return (computeTasks[task] as (db: Db, args: Args<Name>) => Value<Name>)(db, args);
}
