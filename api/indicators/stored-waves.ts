import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import { ensureResponseValues } from '../responses/values.ts';
import { responseChangeStamp, type ChangeStamp } from './change-stamp.ts';

/** The waves with stored responses, and whether some responses have no wave. */
export interface StoredWaves {
  waves: number[];
  withoutWave: boolean;
}

// Per connection and survey: the waves found at a stamp after the backfill had nothing left to write.
const checked = new WeakMap<Database.Database, Map<number, { stamp: ChangeStamp; stored: StoredWaves }>>();

const same = (a: ChangeStamp, b: ChangeStamp): boolean =>
  a.inserted === b.inserted && a.removed === b.removed && a.responses === b.responses;

/**
 * Backfills the survey's missing response values (see ensureResponseValues), then lists the waves
 * that have stored responses and says whether some have none. The backfill check reads every
 * response of the survey (two counts, ~0.05 s at a million): it runs only when something other
 * than submissions with their values changed them. The waves are re-read (a few
 * index seeks) whenever responses or values changed.
 */
export function backfilledWaves(db: Db, surveyId: number): StoredWaves {
  const before = responseChangeStamp(db);
  const known = before === null ? undefined : checked.get(db.$client)?.get(surveyId);
  if (known && before && same(known.stamp, before)) return known.stored;
  // Submissions write their values in the same transaction: when appends are the only change
  // (as many values appended as responses), no response can be without values.
  const unvalued = !known || !before || known.stamp.removed !== before.removed ||
    before.responses - known.stamp.responses !== before.inserted - known.stamp.inserted;
  if (unvalued) ensureResponseValues(db, surveyId);
  // Each next wave through the (survey_id, wave) index: a few index seeks, not a scan of every row.
  const waves = (db.$client.prepare(`
    WITH RECURSIVE next(wave) AS (
      SELECT min(wave) FROM response_values WHERE survey_id = @survey
      UNION ALL
      SELECT (SELECT min(wave) FROM response_values WHERE survey_id = @survey AND wave > next.wave) FROM next WHERE next.wave IS NOT NULL
    ) SELECT wave FROM next WHERE wave IS NOT NULL`).pluck().all({ survey: surveyId }) as number[]);
  const withoutWave = db.$client.prepare('SELECT EXISTS (SELECT 1 FROM response_values WHERE survey_id = ? AND wave IS NULL)').pluck().get(surveyId) === 1;
  const stored = { waves, withoutWave };
  const after = responseChangeStamp(db);
  if (after !== null) {
    let bySurvey = checked.get(db.$client);
    if (!bySurvey) checked.set(db.$client, (bySurvey = new Map()));
    bySurvey.set(surveyId, { stamp: after, stored });
  }
  return stored;
}

/**
 * The wave filter to load rows with: none when the requested waves are all the stored ones and
 * every response has a wave, since the filter then keeps every row (and the rows of every wave,
 * usually cached already, serve as they are).
 */
export function loadingWaves(requested: readonly number[] | undefined, stored: StoredWaves): readonly number[] | undefined {
  if (requested === undefined || stored.withoutWave) return requested;
  return stored.waves.every((wave) => requested.includes(wave)) ? undefined : requested;
}
