import type { Db } from '../db/open.ts';
import type { ExportStore } from '../db/store/exports.ts';
import type { Cell } from './csv-stream.ts';
import { FIXED_COLUMNS, type MicrodataColumn } from './microdata-columns.ts';
import { lineWriter, microdataCsvText } from './microdata-csv.ts';
import { rowBuilder, storedPages, type MicrodataRequest, type StoredRow } from './microdata-stored.ts';

export type { MicrodataRequest } from './microdata-stored.ts';

export type MicrodataPages = Generator<Cell[][]> & { csvText: () => Generator<string> };

/**
 * The microdata as pages of cells, read from the database one page at a time
 * (microdata-stored.ts); XLSX reads these. `csvText()` gives the same rows as CSV text without
 * the cells (microdata-csv.ts), which csvStream uses when it is there.
 */
export function microdataPages(db: Db, request: MicrodataRequest): MicrodataPages {
  return Object.assign(cellPages(db, request), { csvText: () => microdataCsvText(db, request) });
}

export type StoredMicrodataPages = AsyncGenerator<Cell[][]> & { csvText: () => AsyncGenerator<string> };

/**
 * `microdataPages` from a store (either database): the same cells and CSV text, page by page as
 * the store reads them.
 */
export function storedMicrodataPages(store: ExportStore, request: MicrodataRequest): StoredMicrodataPages {
  async function* cells(): AsyncGenerator<Cell[][]> {
    let build: ((row: StoredRow) => Cell[]) | undefined;
    for await (const page of store.storedPages(request)) {
      build ??= rowBuilder(request.columns, page.plans, request.values);
      yield page.rows.map(build);
    }
  }
  async function* csvText(): AsyncGenerator<string> {
    let line: ((row: StoredRow) => string) | undefined;
    for await (const page of store.storedPages(request)) {
      line ??= lineWriter(request.columns, page.plans, request.values);
      yield `${page.rows.map(line).join('\n')}\n`;
    }
  }
  return Object.assign(cells(), { csvText });
}

function* cellPages(db: Db, request: MicrodataRequest): Generator<Cell[][]> {
  let build: ((row: StoredRow) => Cell[]) | undefined;
  for (const page of storedPages(db, request)) {
    build ??= rowBuilder(request.columns, page.plans, request.values);
    yield page.rows.map(build);
  }
}

export function microdataHeader(columns: MicrodataColumn[]): string[] {
  return [...FIXED_COLUMNS, ...columns.map((column) => column.name)];
}
