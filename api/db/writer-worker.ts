import { parentPort, workerData } from 'node:worker_threads';
import { GroupCommit, CommitFailedError } from './group-commit.ts';
import { openWriterConnection, type Db } from './open.ts';
import type { WriterReply, WriterRequest, WriterSetup } from './writer-thread.ts';

/**
 * The writer thread (see writer-thread.ts): its own connection to the database file, and a
 * group-commit queue running the writes of the module named in workerData. Requests that arrive
 * while a commit (and its fsync) runs queue up and share the next commit; each reply leaves after
 * the COMMIT that holds its write.
 */
const setup = workerData as WriterSetup;
const db = openWriterConnection(setup.databasePath);
const { writes } = (await import(setup.writesModule)) as { writes: (db: Db) => { write: (item: unknown, batch: unknown) => unknown; batchState: () => unknown } };
const { write, batchState } = writes(db);
const queue = new GroupCommit(db, write, batchState);
const port = parentPort!;

let outbox: WriterReply['results'] = [];
const send = () => {
  const results = outbox;
  outbox = [];
  port.postMessage({ results, stats: { ...queue.stats } } satisfies WriterReply);
};
const settle = (result: WriterReply['results'][number]) => {
  if (outbox.length === 0) setImmediate(send);
  outbox.push(result);
};

port.on('message', (request: WriterRequest | 'close') => {
  if (request === 'close') {
    db.$client.close();
    port.close();
    return;
  }
  for (const { seq, item } of JSON.parse(request.items) as { seq: number; item: unknown }[]) {
    queue.submit(item).then(
      (result) => settle({ seq, ok: true, result }),
      (error: unknown) => settle({ seq, ok: false, commitFailed: error instanceof CommitFailedError, message: (error as Error)?.message ?? String(error) }),
    );
  }
});
