import { storedPages, type MicrodataRequest, type StoredPage } from '../../exports/microdata-stored.ts';
import { exportBound, scanRows, type RowScan, type RowScope } from '../../exports/native/text-widths.ts';
import { storedParadataPages, type ParadataRequest, type StoredParadataRow } from '../../paradata/stored.ts';
import type { Db } from '../open.ts';

/**
 * What the microdata exports read: the stored rows page by page (api/exports/microdata-stored.ts),
 * the paradata rows page by page (api/paradata/stored.ts), and for the native files the rowid
 * bound and the scan of row count and text widths made before the file is written
 * (api/exports/native/text-widths.ts).
 */
export interface ExportStore {
  /** Pages of stored rows in export order (by version, then rowid); memory is one page. */
  storedPages(request: MicrodataRequest): AsyncGenerator<StoredPage>;
  /** Pages of stored paradata rows in the same order; memory is one page. */
  paradataPages(request: ParadataRequest): AsyncGenerator<StoredParadataRow[]>;
  /** The highest rowid of the responses now: a native export leaves out what is stored after it starts. */
  exportBound(): Promise<number>;
  /** The responses in scope, and each text column's longest value and Stata strL bytes, as SQLite measures them. */
  scanRows(scope: RowScope, versions: readonly number[], columns: readonly string[]): Promise<RowScan>;
}

/** SQLite: today's synchronous pages (keyset on the responses_survey_version index), one at a time. */
export function sqliteExports(db: Db): ExportStore {
  return {
    storedPages: async function* (request) {
      yield* storedPages(db, request);
    },
    paradataPages: async function* (request) {
      yield* storedParadataPages(db, request);
    },
    exportBound: async () => exportBound(db),
    scanRows: async (scope, versions, columns) => scanRows(db, scope, versions, columns),
  };
}
