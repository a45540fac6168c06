import type { AnalysisSpec, IndicatorSpec, ReliabilitySpec } from '../../../analysis/types.ts';
import { channelNames, randomGenerator } from './generate.ts';

/** Waves × regions: the 24 strata of the fieldwork-shaped benchmark. */
const waves = 2;
const regions = 12;
const interviewsPerPsu = 8;
const shareItems = 16;
const scaleCount = 5;

/**
 * Synthetic responses shaped like real fieldwork: sampling points (PSUs) of 8 interviews, so
 * 1,000,000 rows have 125,000 PSUs, in 24 strata (2 waves × 12 regions), unequal weights, 8
 * contact channels (multiple response), 16 five-point items and 5 scales of 3 four-point items,
 * with missing codes. Columns are typed arrays, as the API hands them to the engine.
 *
 * @example
 * const data = fieldworkResponses(1_000_000);
 */
export function fieldworkResponses(rows: number, seed = 7): Record<string, Float64Array> {
  const random = randomGenerator(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const psuCount = Math.ceil(rows / interviewsPerPsu);
  const strata = waves * regions;
  const items = [...Array.from({ length: shareItems }, (_, k) => `q${k + 1}`),
    ...Array.from({ length: scaleCount * 3 }, (_, k) => `sc${Math.floor(k / 3) + 1}_${(k % 3) + 1}`)];
  const names = ['wave', 'region', 'stratum', 'rake_group', 'psu', 'w', ...channelNames.map((name) => `ch_${name}`), ...items];
  const columns: Record<string, Float64Array> = {};
  for (const name of names) columns[name] = new Float64Array(rows);
  let psuEffect = 0;
  for (let row = 0; row < rows; row++) {
    const psu = Math.floor(row / interviewsPerPsu);
    if (row % interviewsPerPsu === 0) psuEffect = 0.5 * normal();
    const stratum = Math.floor((psu * strata) / psuCount);
    const wave = Math.floor(stratum / regions) + 1;
    const region = (stratum % regions) + 1;
    const latent = psuEffect + normal();
    columns.wave![row] = wave;
    columns.region![row] = region;
    columns.stratum![row] = stratum + 1;
    columns.rake_group![row] = wave * 100 + region;
    columns.psu![row] = psu + 1;
    columns.w![row] = (50 + 400 * random()) * (1 + region / 8);
    channelNames.forEach((name, k) => {
      columns[`ch_${name}`]![row] = random() < 0.08 + 0.05 * k + 0.03 * latent ? 1 : 0;
    });
    for (let k = 1; k <= shareItems; k++) {
      columns[`q${k}`]![row] = random() < 0.05 ? 9 : Math.min(5, Math.max(1, Math.round(3 + latent * (0.4 + k / 40) + 0.8 * normal())));
    }
    for (let s = 1; s <= scaleCount; s++) {
      for (let i = 1; i <= 3; i++) {
        columns[`sc${s}_${i}`]![row] = random() < 0.06 ? 8 : Math.min(4, Math.max(1, Math.round(2.5 + 0.7 * latent + 0.7 * normal())));
      }
    }
  }
  return columns;
}

/** Population totals per wave × region for raking: every wave to the same census margins. */
function rakeTotals(): Record<string, number> {
  const totals: Record<string, number> = {};
  for (let wave = 1; wave <= waves; wave++) {
    for (let region = 1; region <= regions; region++) totals[String(wave * 100 + region)] = 100_000 + 37_000 * region;
  }
  return totals;
}

const indicators: IndicatorSpec[] = [
  ...Array.from({ length: shareItems }, (_, k): IndicatorSpec => ({ id: `share_${k + 1}`, type: 'share', item: `q${k + 1}`, favourable: [4, 5], missing: [9] })),
  ...Array.from({ length: 3 }, (_, k): IndicatorSpec => ({ id: `mean_${k + 1}`, type: 'mean', item: `q${k + 1}`, missing: [9] })),
  { id: 'net_1', type: 'net', item: 'q1', favourable: [4, 5], unfavourable: [1, 2], missing: [9] },
  ...Array.from({ length: scaleCount }, (_, s): IndicatorSpec => ({ id: `scale_${s + 1}`, type: 'scale',
    items: [1, 2, 3].map((i) => `sc${s + 1}_${i}`), minValid: 2, missing: [8], rescale: { from: [1, 4], to: [0, 100] } })),
];

const reliability: ReliabilitySpec[] = Array.from({ length: scaleCount }, (_, s) => ({
  id: `construct_${s + 1}`, items: [1, 2, 3].map((i) => `sc${s + 1}_${i}`), missing: [8], by: [],
}));

/**
 * The fieldwork benchmark's spec, as the API builds it for the real instrument: 25 indicators
 * (16 shares, 3 means, a net score, 5 scale scores), strata wave × region, PSUs, weights raked
 * to the region margins per wave (one margin: post-stratification), alpha for 5 constructs.
 */
export const fieldworkSpec: AnalysisSpec = {
  design: { weight: 'w', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' },
  dimensions: {
    region: { column: 'region' },
    channel: { multiple: Object.fromEntries(channelNames.map((name) => [name, `ch_${name}`])) },
  },
  indicators,
  reliability,
  weighting: { rake: { rake_group: rakeTotals() } },
};
