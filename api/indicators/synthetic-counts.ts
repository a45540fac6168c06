import { indicatorStoreOf, type IndicatorSource } from '../db/store/indicators.ts';

/** Synthetic responses of one survey by wave (`null`: no wave), and what they were counted up to. */
interface Counted {
  removed: number;
  upTo: number;
  byWave: Map<number | null, number>;
}

const counted = new WeakMap<object, Map<number, Counted>>();

/**
 * How many of a survey's stored responses are synthetic (`is_synthetic`, written by the demo
 * generator), by wave. Every page and export that includes them must say so. is_synthetic has no
 * index, so the count is kept per connection (or pool) and survey and brought up to date by
 * reading only the rows appended since (a rowid range, the change stamp's `responses`); after an
 * erasure or an update (the stamp's `removed` moves) it is counted again from the start.
 */
export async function syntheticByWave(source: IndicatorSource, surveyId: number): Promise<Map<number | null, number>> {
  const store = indicatorStoreOf(source);
  const stamp = await store.changeStamp();
  let bySurvey = counted.get(store.cacheOwner);
  if (!bySurvey) counted.set(store.cacheOwner, (bySurvey = new Map()));
  let entry = stamp ? bySurvey.get(surveyId) : undefined;
  if (!entry || !stamp || entry.removed !== stamp.removed) entry = { removed: stamp?.removed ?? -1, upTo: 0, byWave: new Map() };
  const upTo = stamp?.responses ?? Number.MAX_SAFE_INTEGER;
  if (upTo > entry.upTo) {
    const rows = await store.syntheticSince(surveyId, entry.upTo, upTo);
    const byWave = new Map(entry.byWave);
    for (const row of rows) byWave.set(row.wave, (byWave.get(row.wave) ?? 0) + row.n);
    entry = { removed: entry.removed, upTo, byWave };
  }
  if (stamp) bySurvey.set(surveyId, entry);
  return entry.byWave;
}

/** Synthetic responses among those of the given waves (undefined: all of them). */
export async function syntheticCount(source: IndicatorSource, surveyId: number, waves?: readonly number[]): Promise<number> {
  let total = 0;
  for (const [wave, n] of await syntheticByWave(source, surveyId)) if (!waves || (wave !== null && waves.includes(wave))) total += n;
  return total;
}
