import type { Worker } from 'node:worker_threads';
import { startTsWorker, stopTsWorker } from '../db/ts-worker.ts';

/** A reply of a worker run through WorkerClient: it carries the `seq` of the request it answers. */
export interface SequencedReply { seq: number }

/**
 * Request and reply with a worker thread of ours (the compute thread, its estimate helper): each
 * request gets a sequence number, its reply settles the promise of that number. The worker is
 * started on first use; if it dies (out of memory, a crash), everything still waiting is rejected
 * with the error `stopped` makes and the next request starts a new one. A worker does not keep the
 * process alive (a server's socket does).
 */
export class WorkerClient<Request extends object, Reply extends SequencedReply> {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private next = 0;

  /**
   * `settle` turns a reply into its value (or throws the error to reject with); `stopped` makes
   * the error for requests left waiting when the worker stops, from its error or exit code.
   */
  constructor(
    private readonly moduleUrl: string,
    private readonly workerData: unknown,
    private readonly settle: (reply: Reply) => unknown,
    private readonly stopped: (cause: string) => Error,
  ) {}

  request(request: Request): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const seq = this.next++;
      this.waiting.set(seq, { resolve, reject });
      this.thread().postMessage({ ...request, seq });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await stopTsWorker(worker);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startTsWorker(this.moduleUrl, this.workerData);
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.seq);
      if (!waiting) return;
      this.waiting.delete(reply.seq);
      try {
        waiting.resolve(this.settle(reply));
      } catch (error) {
        waiting.reject(error);
      }
    });
    const failed = (cause: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      const why = cause instanceof Error ? cause.message : `exit ${String(cause)}`;
      for (const waiting of this.waiting.values()) waiting.reject(this.stopped(why));
      this.waiting.clear();
    };
    worker.on('error', failed);
    worker.on('exit', failed);
    worker.unref();
    return (this.worker = worker);
  }
}
