import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import { ensureResponseValues } from '../responses/values.ts';
import { responseChangeStamp, type ChangeStamp } from './change-stamp.ts';

// Per connection and survey: the waves found at a stamp after the backfill had nothing left to write.
const checked = new WeakMap<Database.Database, Map<number, { stamp: ChangeStamp; waves: number[] }>>();

const same = (a: ChangeStamp, b: ChangeStamp): boolean =>
  a.external === b.external && a.inserted === b.inserted && a.removed === b.removed && a.responses === b.responses;

/**
 * Backfills the survey's missing response values (see ensureResponseValues), then lists the waves
 * that have stored responses. Both read every response of the survey (two counts and a wave
 * scan, ~0.1 s at a million), so they are skipped while neither responses nor values changed.
 */
export function backfilledWaves(db: Db, surveyId: number): number[] {
  const before = responseChangeStamp(db);
  const known = before === null ? undefined : checked.get(db.$client)?.get(surveyId);
  if (known && before && same(known.stamp, before)) return known.waves;
  ensureResponseValues(db, surveyId);
  // Each next wave through the (survey_id, wave) index: a few index seeks, not a scan of every row.
  const waves = (db.$client.prepare(`
    WITH RECURSIVE next(wave) AS (
      SELECT min(wave) FROM response_values WHERE survey_id = @survey
      UNION ALL
      SELECT (SELECT min(wave) FROM response_values WHERE survey_id = @survey AND wave > next.wave) FROM next WHERE next.wave IS NOT NULL
    ) SELECT wave FROM next WHERE wave IS NOT NULL`).pluck().all({ survey: surveyId }) as number[]);
  const after = responseChangeStamp(db);
  if (after !== null) {
    let bySurvey = checked.get(db.$client);
    if (!bySurvey) checked.set(db.$client, (bySurvey = new Map()));
    bySurvey.set(surveyId, { stamp: after, waves });
  }
  return waves;
}
