import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { indicatorStoreOf, type IndicatorSource, type IndicatorStore } from '../db/store/indicators.ts';
import { ApiError } from '../errors.ts';
import { computeTasks, type ComputeTasks, type TaskName } from './tasks.ts';
import { WorkerClient } from './worker-client.ts';

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
  private readonly client: WorkerClient<Omit<ComputeRequest, 'seq'>, ComputeReply>;

  constructor(database: string, helper: boolean) {
    const settle = (reply: ComputeReply): unknown => {
      if (reply.ok) return reply.value;
      if (reply.status) throw new ApiError(reply.status as ContentfulStatusCode, reply.message, reply.details);
      throw new Error(`compute thread: ${reply.message}`);
    };
    // Out of memory, a crash: what was asked is answered 503 and the next request starts a new thread.
    const stopped = (cause: string) => new ApiError(503, `The computation stopped (${cause}); try again.`);
    this.client = new WorkerClient(new URL('./compute-worker.ts', import.meta.url).href, { database, helper }, settle, stopped);
  }

  run(task: TaskName, args: unknown): Promise<unknown> {
    return this.client.request({ task, args });
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

const threads = new WeakMap<IndicatorStore, ComputeThread>();

/**
 * Runs heavy work of this database's requests on a compute thread with its own connection to
 * `database` (a SQLite file path, or a postgres:// URL: the thread opens a pool of its own), with a
 * helper thread for half of a table's estimates when `helper` is true (off by default: on a quiet
 * two-core machine it gained little on repeats and cost time after new responses and memory,
 * docs/decisions/018).
 * Returns a function that stops the threads.
 */
export function useComputeThread(db: IndicatorSource, database: string, options: { helper?: boolean } = {}): () => Promise<void> {
  const thread = new ComputeThread(database, options.helper ?? false);
  const store = indicatorStoreOf(db);
  threads.set(store, thread);
  return async () => {
    threads.delete(store);
    await thread.close();
  };
}

/**
 * Runs a task of computeTasks: on the compute thread when the server started one for `db`, else
 * here (an in-memory database, which no other connection can read).
 */
export async function compute<Name extends TaskName>(source: IndicatorSource, task: Name, args: Args<Name>): Promise<Value<Name>> {
  const store = indicatorStoreOf(source);
  const thread = threads.get(store);
  if (thread) return (await thread.run(task, args)) as Value<Name>;
  return (computeTasks[task] as (store: IndicatorStore, args: Args<Name>) => Promise<Value<Name>>)(store, args);
}
