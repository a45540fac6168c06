import { indicatorStoreOf, type IndicatorSource, type StoredWaves } from '../db/store/indicators.ts';
import type { ChangeStamp } from './change-stamp.ts';

export type { StoredWaves } from '../db/store/indicators.ts';

// Per connection (or pool) and survey: the waves found at a stamp after the backfill had nothing left to write.
const checked = new WeakMap<object, Map<number, { stamp: ChangeStamp; stored: StoredWaves }>>();

const same = (a: ChangeStamp, b: ChangeStamp): boolean =>
  a.inserted === b.inserted && a.removed === b.removed && a.responses === b.responses;

/**
 * Backfills the survey's missing response values (see ensureResponseValues), then lists the waves
 * that have stored responses and says whether some have none. The backfill check reads every
 * response of the survey (two counts, ~0.05 s at a million): it runs only when something other
 * than submissions with their values changed them. The waves are re-read (a few
 * index seeks) whenever responses or values changed.
 */
export async function backfilledWaves(source: IndicatorSource, surveyId: number): Promise<StoredWaves> {
  const store = indicatorStoreOf(source);
  const before = await store.changeStamp();
  const known = before === null ? undefined : checked.get(store.cacheOwner)?.get(surveyId);
  if (known && before && same(known.stamp, before)) return known.stored;
  // Submissions write their values in the same transaction: when appends are the only change
  // (as many values appended as responses), no response can be without values.
  const unvalued = !known || !before || known.stamp.removed !== before.removed ||
    before.responses - known.stamp.responses !== before.inserted - known.stamp.inserted;
  if (unvalued) await store.backfillValues(surveyId);
  const stored = await store.storedWaves(surveyId);
  const after = await store.changeStamp();
  if (after !== null) {
    let bySurvey = checked.get(store.cacheOwner);
    if (!bySurvey) checked.set(store.cacheOwner, (bySurvey = new Map()));
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
