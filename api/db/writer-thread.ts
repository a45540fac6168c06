import type { Worker } from 'node:worker_threads';
import { CommitFailedError, type GroupCommitStats, type Writes } from './group-commit.ts';
import { startTsWorker, stopTsWorker } from './ts-worker.ts';

/** What the writer thread is started with. */
export interface WriterSetup {
  databasePath: string;
  /** URL of a module exporting `writes(db)`: `{ write(item, batch), batchState() }`, run inside the batch's transaction. */
  writesModule: string;
}
export interface WriterRequest {
  /**
   * `{ seq, item }[]` as JSON text: a string crosses to the thread as one copy, where a structured
   * clone walks every answer on both sides (≈ 8 µs a submission on this thread and as much on the
   * writer's, against ≈ 4 to stringify and 0.1–7 to parse; test/bench/ingest/request-loop.ts). Items
   * are rows of values parsed from JSON request bodies, so nothing is lost on the way.
   */
  items: string;
}
type Outgoing = { seq: number; item: unknown }[];
export interface WriterReply {
  results: ({ seq: number; ok: true; result: unknown } | { seq: number; ok: false; commitFailed: boolean; message: string })[];
  stats: GroupCommitStats;
}

interface Waiting {
  resolve: (result: never) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit on a writer thread with its own connection (docs/decisions/006): the request thread
 * only parses, validates and hands the row over, and the COMMIT with its fsync (synchronous=FULL)
 * blocks the writer thread instead of every request. `submit` settles when the writer reports the
 * COMMIT that holds the item, so acknowledging on resolution still acknowledges only what is on
 * disk. Items submitted in one turn of the event loop travel in one message, as JSON text: an item
 * must be what JSON carries unchanged (strings, finite numbers, booleans, null, arrays, plain objects).
 *
 * A write the database refuses rejects with its message; a failed COMMIT rejects every write of
 * its batch with CommitFailedError; if the thread dies, what it held rejects with
 * CommitFailedError (not known to be stored: the client retries, idempotently) and the next
 * submit starts a new thread.
 */
export class WriterThread<Item, Result> implements Writes<Item, Result> {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private outgoing: Outgoing = [];
  private next = 0;
  stats: GroupCommitStats = { commits: 0, writes: 0, largestBatch: 0 };

  constructor(private readonly setup: WriterSetup) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const seq = this.next++;
      this.waiting.set(seq, { resolve: resolve as (result: never) => void, reject });
      if (this.outgoing.length === 0) setImmediate(() => this.send());
      this.outgoing.push({ seq, item });
    });
  }

  /** Lets the writes already submitted finish, then stops the thread and closes its connection. */
  async close(): Promise<void> {
    while (this.waiting.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await stopTsWorker(worker);
  }

  private send(): void {
    const items = this.outgoing;
    this.outgoing = [];
    this.thread().postMessage({ items: JSON.stringify(items) } satisfies WriterRequest);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startTsWorker(new URL('./writer-worker.ts', import.meta.url).href, this.setup);
    worker.on('message', (reply: WriterReply) => {
      this.stats = reply.stats;
      for (const outcome of reply.results) {
        const waiting = this.waiting.get(outcome.seq);
        if (!waiting) continue;
        this.waiting.delete(outcome.seq);
        if (outcome.ok) waiting.resolve(outcome.result as never);
        else waiting.reject(outcome.commitFailed ? new CommitFailedError(new Error(outcome.message)) : new Error(outcome.message));
      }
    });
    const failed = (error: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      const failure = new CommitFailedError(error instanceof Error ? error : new Error(`the writer thread stopped (${String(error)})`));
      for (const waiting of this.waiting.values()) waiting.reject(failure);
      this.waiting.clear();
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(code));
    // Nothing for the process to wait on once everything is written: stopping is close()'s job.
    worker.unref();
    return (this.worker = worker);
  }
}
