import { storedPages, type MicrodataRequest, type StoredPage } from '../../exports/microdata-stored.ts';
import type { Db } from '../open.ts';

/** What the microdata exports read: the stored rows page by page (api/exports/microdata-stored.ts). */
export interface ExportStore {
  /** Pages of stored rows in export order (by version, then rowid); memory is one page. */
  storedPages(request: MicrodataRequest): AsyncGenerator<StoredPage>;
}

/** SQLite: today's synchronous pages (keyset on the responses_survey_version index), one at a time. */
export function sqliteExports(db: Db): ExportStore {
  return {
    storedPages: async function* (request) {
      yield* storedPages(db, request);
    },
  };
}
