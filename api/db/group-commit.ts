import type { Db } from './open.ts';

/** How many writes shared how many commits, since this queue was made (for tests and the benchmark). */
export interface GroupCommitStats {
  commits: number;
  writes: number;
  largestBatch: number;
}

/**
 * Where durable writes go: `submit` settles only after the COMMIT that holds the item. Kept this
 * small so the request side does not care whether the writes run on this thread (GroupCommit) or
 * on a writer thread with its own connection (writer-thread.ts), or later on another database.
 */
export interface Writes<Item, Result> {
  submit(item: Item): Promise<Result>;
  readonly stats: GroupCommitStats;
}

/** A write waiting in a queue for the batch that will hold it (both dialects' group commits). */
export interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/** Raised for every write of a batch whose COMMIT failed: none of them is stored. */
export class CommitFailedError extends Error {
  constructor(cause: unknown) {
    super(`The transaction could not be committed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * Group commit for SQLite: writes that arrive together share one transaction, so one fsync
 * (synchronous=FULL) makes all of them durable instead of one fsync each.
 *
 * `submit` queues a write and answers a promise that settles only after the COMMIT that holds it
 * has returned, so a caller that acknowledges on resolution acknowledges only what is on disk.
 * The queue is flushed on the next turn of the event loop (setImmediate), which collects every
 * request parsed meanwhile; while a commit's fsync blocks the thread, further requests wait in
 * the socket buffers and form the next batch, so batches grow with the load and a lone request
 * waits for nothing. A write that throws is rolled back alone and its promise rejects with its
 * error, while its batch-mates commit: the batch is first written without savepoints, and only if
 * one of its writes throws is that transaction rolled back and the batch written again with each
 * write in its own SAVEPOINT (see flush). If the COMMIT itself fails (disk full, I/O error) every
 * promise of the batch rejects with CommitFailedError.
 *
 * A PostgreSQL backend can keep the same contract (one transaction per batch, a savepoint per
 * write, resolve after COMMIT) behind the same storage functions; see docs/decisions/003-group-commit.md.
 */
export class GroupCommit<Item, Result, Batch = undefined> implements Writes<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private scheduled = false;
  readonly stats: GroupCommitStats = { commits: 0, writes: 0, largestBatch: 0 };

  /**
   * `write` runs inside the batch's transaction, on the same connection, and must be synchronous;
   * `batchState` makes what the writes of one batch share (a survey's layout looked up once).
   */
  constructor(
    private readonly db: Db,
    private readonly write: (item: Item, batch: Batch) => Result,
    private readonly batchState: () => Batch = () => undefined as Batch,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    let outcomes: Outcome<Result>[];
    try {
      // A SAVEPOINT per write costs ≈ 13 µs a submission of the writer thread's ≈ 110 (SQLite copies
      // every page a savepoint changes into its sub-journal; test/bench/ingest/writer-loop.ts), and a
      // write almost never throws: so the batch is written without them first, and only a batch in
      // which a write threw is rolled back whole and written again with one per write. Nothing of the
      // first pass is kept or answered: the second starts from the state before the batch.
      outcomes = this.transaction(batch, false) ?? this.transaction(batch, true)!;
    } catch (error) {
      const failure = new CommitFailedError(error);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    settleCommitted(this.stats, batch, outcomes);
  }

  /**
   * Writes the batch in one transaction and commits it. Without savepoints, a write that throws
   * rolls the whole transaction back and this answers undefined; with them, each write that throws
   * is undone alone and its error becomes its outcome. A failed BEGIN or COMMIT throws.
   */
  private transaction(batch: Pending<Item, Result>[], savepoints: boolean): Outcome<Result>[] | undefined {
    const client = this.db.$client;
    const outcomes: Outcome<Result>[] = [];
    const state = this.batchState();
    // Nested better-sqlite3 transactions are savepoints: a write that throws is undone alone.
    const one = savepoints ? client.transaction((item: Item) => this.write(item, state)) : (item: Item) => this.write(item, state);
    try {
      // IMMEDIATE: the batch holds the write lock from its first statement, so what a write reads
      // (response-rows.ts checks that the survey is still open) cannot change before the COMMIT.
      client.transaction(() => {
        for (const pending of batch) {
          try {
            outcomes.push({ ok: true, result: one(pending.item) });
          } catch (error) {
            if (!savepoints) throw new WriteThrew(error);
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      if (error instanceof WriteThrew) return undefined;
      throw error;
    }
    return outcomes;
  }
}

/** What one write of a batch came to: its result, or the error that undid it alone. */
export type Outcome<Result> = { ok: true; result: Result } | { ok: false; error: unknown };

/** After a batch's COMMIT: counts it, and settles each write's promise with its own outcome. */
export function settleCommitted<Item, Result>(stats: GroupCommitStats, batch: Pending<Item, Result>[], outcomes: Outcome<Result>[]): void {
  stats.commits += 1;
  stats.writes += batch.length;
  stats.largestBatch = Math.max(stats.largestBatch, batch.length);
  batch.forEach((pending, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) pending.resolve(outcome.result);
    else pending.reject(outcome.error);
  });
}

/** A write threw in a batch written without savepoints: roll the batch back and write it with them. */
class WriteThrew extends Error {
  constructor(readonly original: unknown) {
    super('a write threw');
  }
}
