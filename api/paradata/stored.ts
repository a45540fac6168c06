import type { Db } from '../db/open.ts';

/** rowid, id, version, mode, enumerator_id, started_at, completed_at, language, the paradata as JSON text. */
export type StoredParadataRow = [number, string, number, string, number | null, string | null, string | null, string, string | null];

/** Which responses a paradata export reads: a survey's versions in export order, optionally some waves. */
export interface ParadataRequest {
  surveyId: number;
  versions: readonly number[];
  waves?: number[];
  pageSize?: number;
}

/**
 * The stored paradata rows on SQLite, one row per response in the order of the microdata export
 * (version, then storage order), read one page at a time by a keyset query on the
 * responses_survey_version index, so memory stays one page however many responses.
 */
export function* storedParadataPages(db: Db, request: ParadataRequest): Generator<StoredParadataRow[]> {
  const waves = request.waves ?? [];
  const statement = db.$client.prepare(
    'SELECT rowid, id, version, mode, enumerator_id, started_at, completed_at, language, paradata FROM responses ' +
    `WHERE survey_id = ? AND version = ? AND rowid > ?${waves.length > 0 ? ` AND wave IN (${waves.map(() => '?').join(',')})` : ''} ORDER BY rowid LIMIT ?`,
  ).raw();
  for (const version of request.versions) {
    let last = 0;
    for (;;) {
      const rows = statement.all(request.surveyId, version, last, ...waves, request.pageSize ?? 2000) as StoredParadataRow[];
      if (rows.length === 0) break;
      last = rows[rows.length - 1]![0];
      yield rows;
    }
  }
}
