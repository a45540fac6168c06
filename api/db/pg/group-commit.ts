import type pg from 'pg';
import { CommitFailedError, settleCommitted, type GroupCommitStats, type Outcome, type Pending, type Writes } from '../group-commit.ts';
import type { PgDb } from './open.ts';

/**
 * Group commit on PostgreSQL, with the contract of api/db/group-commit.ts (docs/decisions/003):
 * writes that arrive together share one transaction on one pooled connection, each in its own
 * SAVEPOINT (one the database refuses is undone alone and its promise rejects with its error),
 * and every promise settles only after the COMMIT has returned. The pool's connections run with
 * synchronous_commit = on (./open.ts), so COMMIT returns once the WAL is flushed: resolved means
 * durable. A failed COMMIT rejects the whole batch with CommitFailedError (nothing of it stored).
 *
 * One batch is in flight at a time per queue: while its COMMIT waits for the disk, new writes
 * queue up and form the next batch, so batches grow with the load as on SQLite. Several API
 * instances each have their own queue; the database orders their transactions.
 */
export class PgGroupCommit<Item, Result, Batch = undefined> implements Writes<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private running = false;
  readonly stats: GroupCommitStats = { commits: 0, writes: 0, largestBatch: 0 };

  /**
   * `write` runs inside the batch's transaction on `client`; `batchState` makes what one batch
   * shares. `writeAll`, when given, writes a whole batch in a few statements (each round trip to
   * the server costs more than the row): tried first in a savepoint of its own, and if the
   * database refuses any of it, undone and replaced by `write` row by row, so a refused row still
   * fails alone.
   */
  constructor(
    private readonly db: PgDb,
    private readonly write: (client: pg.PoolClient, item: Item, batch: Batch) => Promise<Result>,
    private readonly batchState: () => Batch = () => undefined as Batch,
    private readonly writeAll?: (client: pg.PoolClient, items: Item[], batch: Batch) => Promise<Result[]>,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.flush(this.queue.splice(0, this.maxBatch));
    this.running = false;
  }

  private async flush(batch: Pending<Item, Result>[]): Promise<void> {
    const outcomes: Outcome<Result>[] = [];
    let client: pg.PoolClient | undefined;
    try {
      client = await this.db.$client.connect();
      await client.query('BEGIN');
      const state = this.batchState();
      if (this.writeAll && batch.length > 1) {
        await client.query('SAVEPOINT all_writes');
        try {
          const results = await this.writeAll(client, batch.map((pending) => pending.item), state);
          await client.query('RELEASE SAVEPOINT all_writes');
          outcomes.push(...results.map((result) => ({ ok: true as const, result })));
        } catch {
          await client.query('ROLLBACK TO SAVEPOINT all_writes');
        }
      }
      for (const pending of outcomes.length === 0 ? batch : []) {
        await client.query('SAVEPOINT one_write');
        try {
          outcomes.push({ ok: true, result: await this.write(client, pending.item, state) });
          await client.query('RELEASE SAVEPOINT one_write');
        } catch (error) {
          outcomes.push({ ok: false, error });
          await client.query('ROLLBACK TO SAVEPOINT one_write');
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      // A connection whose transaction failed this way is not trusted again: the pool drops it.
      await client?.query('ROLLBACK').catch(() => {});
      client?.release(true);
      const failure = new CommitFailedError(error);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    client.release();
    settleCommitted(this.stats, batch, outcomes);
  }
}
