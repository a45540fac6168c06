import Database from 'better-sqlite3';

/** How the acknowledged ids of a run are found in the database afterwards. */
export interface StoredCheck {
  acknowledged: number;
  /** Acknowledged with 201 but not in the database. */
  lost: number;
  /** Ids acknowledged with 201 more than once, or rows of one id beyond the first (responses or analysed values). */
  duplicated: number;
  /** Rows stored whose 201 the load tool did not see (the run ended while they were in flight): not an error. */
  storedUnacknowledged: number;
}

/** Reads the database file a stopped server wrote and checks every acknowledged id is there exactly once. */
export function checkStored(databasePath: string, acknowledged: string[]): StoredCheck {
  const db = new Database(databasePath, { readonly: true });
  try {
    const ids = new Set(db.prepare('select id from responses').pluck().all() as string[]);
    const valueRows = db.prepare('select count(*) - count(distinct response_id) from response_values').pluck().get() as number;
    return compareStored(ids, valueRows, acknowledged);
  } finally {
    db.close();
  }
}

/** The check itself, for either database: the ids stored, extra analysed-value rows, the ids acknowledged. */
export function compareStored(ids: Set<string>, extraValueRows: number, acknowledged: string[]): StoredCheck {
  const unique = new Set(acknowledged);
  const lost = [...unique].filter((id) => !ids.has(id)).length;
  return {
    acknowledged: unique.size,
    lost,
    duplicated: acknowledged.length - unique.size + extraValueRows,
    storedUnacknowledged: ids.size - (unique.size - lost),
  };
}
