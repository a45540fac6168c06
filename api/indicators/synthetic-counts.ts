import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import { responseChangeStamp } from './change-stamp.ts';

/** Synthetic responses of one survey by wave (`null`: no wave), and what they were counted up to. */
interface Counted {
  removed: number;
  upTo: number;
  byWave: Map<number | null, number>;
}

const counted = new WeakMap<Database.Database, Map<number, Counted>>();

/**
 * How many of a survey's stored responses are synthetic (`is_synthetic`, written by the demo
 * generator), by wave. Every page and export that includes them must say so. is_synthetic has no
 * index, so the count is kept per connection and survey and brought up to date by reading only
 * the rows appended since (a rowid range, the change stamp's `responses`); after an erasure or
 * an update (the stamp's `removed` moves) it is counted again from the start.
 */
export function syntheticByWave(db: Db, surveyId: number): Map<number | null, number> {
  const client = db.$client;
  const stamp = responseChangeStamp(db);
  let bySurvey = counted.get(client);
  if (!bySurvey) counted.set(client, (bySurvey = new Map()));
  let entry = stamp ? bySurvey.get(surveyId) : undefined;
  if (!entry || !stamp || entry.removed !== stamp.removed) entry = { removed: stamp?.removed ?? -1, upTo: 0, byWave: new Map() };
  const upTo = stamp?.responses ?? Number.MAX_SAFE_INTEGER;
  if (upTo > entry.upTo) {
    const rows = client.prepare('SELECT wave, count(*) AS n FROM responses WHERE rowid > ? AND rowid <= ? AND survey_id = ? AND is_synthetic = 1 GROUP BY wave')
      .all(entry.upTo, upTo, surveyId) as { wave: number | null; n: number }[];
    const byWave = new Map(entry.byWave);
    for (const row of rows) byWave.set(row.wave, (byWave.get(row.wave) ?? 0) + row.n);
    entry = { removed: entry.removed, upTo, byWave };
  }
  if (stamp) bySurvey.set(surveyId, entry);
  return entry.byWave;
}

/** Synthetic responses among those of the given waves (undefined: all of them). */
export function syntheticCount(db: Db, surveyId: number, waves?: readonly number[]): number {
  let total = 0;
  for (const [wave, n] of syntheticByWave(db, surveyId)) if (!waves || (wave !== null && waves.includes(wave))) total += n;
  return total;
}
