import type { Db } from '../db/open.ts';
import { findVersion, type PublishedVersion } from './queries.ts';

/**
 * The version a submission answers, remembered per (slug, version asked for) on SQLite. A fresh
 * lookup is the first read after the writer thread's last commit, which empties this
 * connection's page cache: ≈ 30–37 µs a submission (docs/benchmarks.md, "Ingest: CPU per stored
 * submission"). Remembering is safe because the write checks it again under the batch's write
 * lock (api/responses/response-rows.ts): a survey closed, or a newer version published when the
 * submission named none, by any connection or process, makes the write answer 'stale', and the
 * route asks afresh (`fresh`). Only open versions are remembered, so a closed survey's refusal
 * and its reopening are always read fresh; versions that do not exist are never remembered.
 */
export function answerableVersions(db: Db) {
  const remembered = new Map<string, PublishedVersion>();
  return (slug: string, version: number | undefined, fresh = false): PublishedVersion | undefined => {
    const key = `${version ?? ''}/${slug}`;
    if (!fresh) {
      const known = remembered.get(key);
      if (known) return known;
    }
    const found = findVersion(db, slug, version);
    if (found?.status === 'open') remembered.set(key, found);
    else remembered.delete(key);
    return found;
  };
}
