import type { AnalysisSpec } from '../../../analysis/types.ts';

/** Deterministic 32-bit generator (mulberry32), so every run benchmarks the same data. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const channelNames = ['station', 'phone_122', 'phone_other', 'community_officer', 'website', 'facebook', 'app', 'email'];

/**
 * Synthetic responses in typed arrays: 16 regions (the strata), about 500 PSUs, unequal weights,
 * 8 contact channels (multiple response), trust/effectiveness/fairness/legitimacy items with
 * missing codes.
 *
 * @example
 * const data = syntheticResponses(1_000_000);
 */
export function syntheticResponses(rows: number, seed = 42): Record<string, Float64Array> {
  const random = randomGenerator(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const regions = 16;
  const psusPerRegion = [22, 25, 28, 31, 34, 37, 40, 43, 22, 25, 28, 31, 34, 37, 31, 32]; // 500 PSUs
  const psuEffects = psusPerRegion.map((count) => Array.from({ length: count }, () => 0.5 * normal()));
  const names = ['region', 'psu', 'w', ...channelNames.map((name) => `ch_${name}`), 'trust_police', 'eff_prevent',
    'pf_respect', 'pf_fair', 'pf_explain', 'lg_right', 'lg_values', 'lg_stand'];
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rows);
  const answer = (latent: number, levels: number, missingCode: number, pMissing: number): number =>
    random() < pMissing ? missingCode : Math.min(levels, Math.max(1, Math.round(latent)));
  for (let row = 0; row < rows; row++) {
    const region = Math.floor(random() * regions);
    const psu = Math.floor(random() * (psusPerRegion[region] as number));
    const latent = (psuEffects[region] as number[])[psu] as number + normal();
    columns.region![row] = region + 1;
    columns.psu![row] = psu + 1;
    columns.w![row] = (50 + 400 * random()) * (1 + region / 8);
    channelNames.forEach((name, k) => {
      columns[`ch_${name}`]![row] = random() < 0.08 + 0.05 * k + 0.03 * latent ? 1 : 0;
    });
    columns.trust_police![row] = answer(3 + latent + 0.7 * normal(), 5, 9, 0.05);
    columns.eff_prevent![row] = random() < 0.07 ? 88 : Math.min(10, Math.max(0, Math.round(5.5 + 2 * latent + 1.5 * normal())));
    columns.pf_respect![row] = answer(2.6 + 0.8 * latent + 0.6 * normal(), 4, 8, 0.05);
    columns.pf_fair![row] = answer(2.5 + 0.7 * latent + 0.7 * normal(), 4, 8, 0.06);
    columns.pf_explain![row] = answer(2.3 + 0.6 * latent + 0.8 * normal(), 4, 8, 0.1);
    columns.lg_right![row] = answer(2.8 - 0.9 * latent + 0.8 * normal(), 5, 8, 0.05);
    columns.lg_values![row] = answer(2.9 - 0.8 * latent + 0.9 * normal(), 5, 8, 0.05);
    columns.lg_stand![row] = answer(3.1 + 0.7 * latent + 0.9 * normal(), 5, 8, 0.05);
  }
  return columns;
}

/** The benchmark's spec: five indicators of every type, two constructs, region strata and PSUs. */
export const benchmarkSpec: AnalysisSpec = {
  design: { weight: 'w', strata: 'region', cluster: 'psu', lonelyPsu: 'adjust' },
  dimensions: {
    region: { column: 'region' },
    channel: { multiple: Object.fromEntries(channelNames.map((name) => [name, `ch_${name}`])) },
  },
  indicators: [
    { id: 'trust_fav', type: 'share', item: 'trust_police', favourable: [4, 5], missing: [9] },
    { id: 'trust_net', type: 'net', item: 'trust_police', favourable: [4, 5], unfavourable: [1, 2], missing: [9] },
    { id: 'eff_prevent', type: 'mean', item: 'eff_prevent', missing: [77, 88, 99] },
    { id: 'pf_score', type: 'scale', items: ['pf_respect', 'pf_fair', 'pf_explain'], minValid: 2, missing: [7, 8, 9],
      rescale: { from: [1, 4], to: [0, 100] } },
    { id: 'legit_score', type: 'scale', items: ['lg_right', 'lg_values', 'lg_stand'], reverse: ['lg_right', 'lg_values'],
      minValid: 2, missing: [7, 8, 9], scale: [1, 5] },
  ],
  reliability: [
    { id: 'pf', items: ['pf_respect', 'pf_fair', 'pf_explain'], by: [] },
    { id: 'legit', items: ['lg_right', 'lg_values', 'lg_stand'], by: [] },
  ],
};
