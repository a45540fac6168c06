/**
 * A byte stream pulled from a generator of chunks: the next chunk is made only when the stream's
 * queue has room (highWaterMark 2 chunks), i.e. as fast as the client reads, so memory stays one
 * page however long the file. The chunks are awaited (the pages come from the store, a promise
 * on either database). A client that goes away ends the generator (its `finally` runs, and the
 * database paging stops).
 */
export function byteStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const next = await chunks.next();
        if (next.done) return controller.close();
        if (next.value.length > 0) return controller.enqueue(next.value);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  }, { highWaterMark: 2 });
}
