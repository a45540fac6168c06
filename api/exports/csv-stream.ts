import { csvText } from './csv-text.ts';

export type Cell = string | number | null;

/** Pages of cells that may also write themselves as CSV text, faster than cell by cell. */
export type CsvPages = (Iterator<Cell[][]> | AsyncIterator<Cell[][]>) & {
  csvText?: () => Iterator<string> | AsyncIterator<string>;
};

/**
 * A CSV file as a byte stream: the header, then each page of rows as it is produced. Pages are
 * pulled only when the stream's queue has room (highWaterMark 2 chunks), i.e. only as fast as the
 * client reads, so memory stays constant however long the export. Every text cell is neutralised
 * against formula execution. With `bom` (the default for the small tables; `bom=1` for the
 * microdata) it starts with a UTF-8 byte order mark, without which Excel reads Bosnian, Croatian
 * and Serbian (Cyrillic) letters as mojibake; programs (R's read.csv, pandas, PSPP) take the mark
 * for part of the first column's name, so the microdata leave it out unless asked.
 */
export function csvStream(header: readonly string[], pages: CsvPages, options: { bom: boolean } = { bom: true }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const texts = pages.csvText?.();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${options.bom ? '\uFEFF' : ''}${csvText([header as readonly Cell[]])}`));
        return;
      }
      // Synchronous pages (SQLite) are awaited as they are; PostgreSQL's come as promises.
      const next = await (texts ? texts.next() : pages.next());
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(typeof next.value === 'string' ? next.value : csvText(next.value)));
    },
    cancel() {
      // The client went away: end the generator so its database paging stops too.
      void (texts ?? pages).return?.();
    },
  }, { highWaterMark: 2 });
}

/** One page holding all rows, for small tables. */
export function* onePage(rows: Cell[][]): Iterator<Cell[][]> {
  yield rows;
}
