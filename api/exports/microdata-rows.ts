import type { Db } from '../db/open.ts';
import type { Cell } from './csv-stream.ts';
import { FIXED_COLUMNS, type MicrodataColumn } from './microdata-columns.ts';
import { microdataCsvText } from './microdata-csv.ts';
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
