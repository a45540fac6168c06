import { stringify } from 'csv-stringify/sync';
import { safeCell } from './safe-cell.ts';

export type Cell = string | number | null;

/**
 * A CSV file as a byte stream: the header, then each page of rows as it is produced (pages are
 * pulled only as fast as the client reads, so memory stays constant). Every text cell is
 * neutralised against formula execution. Starts with a UTF-8 byte order mark so Excel reads
 * Bosnian, Croatian and Serbian (Cyrillic) letters correctly.
 */
export function csvStream(header: readonly string[], pages: Iterator<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const encode = (rows: Cell[][]) => encoder.encode(stringify(rows.map((row) => row.map((cell) => safeCell(cell ?? '')))));
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('\uFEFF'));
        controller.enqueue(encode([header as Cell[]]));
        return;
      }
      const next = pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encode(next.value));
    },
  }, { highWaterMark: 2 });
}

/** One page holding all rows, for small tables. */
export function* onePage(rows: Cell[][]): Iterator<Cell[][]> {
  yield rows;
}
