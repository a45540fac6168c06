import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, Column, Columns, EstimateRow } from '../../analysis/types.ts';
import { closeTo, mismatches, readCsvColumns, readJson, readSpec, rowKey } from './fixtures.ts';

/**
 * The delete-one-cluster jackknife of a cluster design, built here from the data (not by R):
 * replicate k drops cluster k and multiplies every other row's weight by n/(n − 1).
 */
function jk1Columns(clusterOf: readonly string[], weights: Float64Array): Record<string, Float64Array> {
  const clusters = [...new Set(clusterOf)];
  const factor = clusters.length / (clusters.length - 1);
  return Object.fromEntries(clusters.map((cluster, k) => [`jk_${k}`,
    Float64Array.from(weights, (weight, row) => (clusterOf[row] === cluster ? 0 : weight * factor))]));
}

interface JackknifeFixture {
  clusters: string[];
  summary: { degf: number; replicates: number; scale: number };
  estimates: (Partial<EstimateRow> & { indicator: string; groups: Record<string, string> })[];
}

const second = readCsvColumns('second.csv');
const weightsOf = (data: Columns, name: string): Float64Array => Float64Array.from(data[name] as Column, Number);

// Fixtures by test/fixtures/analysis/make-second-edition.R: as.svrepdesign(svydesign(ids = ~cluster,
// weights = ~w), type = "JK1") in R survey 4.1.1, then the same svyby/svyciprop calls as every replicate fixture.
describe('property: a JK1 design made from a cluster design gives R\'s as.svrepdesign(type = "JK1") SEs', () => {
  for (const name of ['psu', 'region-wave']) {
    it(`clusters ${name}: every estimate, SE, interval, deff and n of shares, means, scales, totals, ratios, quantiles`, () => {
      const fixture = readJson<JackknifeFixture>(`second-jk1-of-${name}.expected.json`);
      const clusterOf = (second[fixture.clusters[0] as string] as string[]).map((_, row) =>
        fixture.clusters.map((column) => (second[column] as string[])[row]).join(' '));
      const replicates = jk1Columns(clusterOf, weightsOf(second, 'w'));
      expect(Object.keys(replicates)).toHaveLength(fixture.summary.replicates);
      const spec: AnalysisSpec = { ...readSpec('second.spec.json'), design: { weight: 'w', replicates: { columns: Object.keys(replicates), type: 'JK1' } } };
      const table = estimateTable({ ...second, ...replicates }, spec, { by: ['region', 'channel'] });
      const ours = new Map(table.estimates.map((row) => [rowKey(row), row]));
      const problems = fixture.estimates.flatMap((row) => {
        const found = ours.get(rowKey(row));
        return found === undefined ? [`${rowKey(row)}: missing`]
          : mismatches(found, row, ['estimate', 'se', 'ciLow', 'ciHigh', 'deff', 'n']).map((problem) => `${rowKey(row)} ${problem}`);
      });
      expect(problems).toEqual([]);
      expect(fixture.estimates.length).toBeGreaterThan(30);
      expect(table.design.degf).toBe(fixture.summary.degf);
    });
  }
});

/** A random unstratified cluster sample: weights, cluster labels, an answer 0..10 and a 0/1. */
const clusterSample = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  clusters: fc.integer({ min: 3, max: 12 }),
  rows: fc.integer({ min: 30, max: 150 }),
}).map(({ seed, clusters, rows }) => {
  let state = seed;
  const random = (): number => ((state = (state * 16807) % 2147483647) / 2147483647);
  const cluster = Array.from({ length: rows }, (_, row) => `c${row < clusters ? row : Math.floor(random() * clusters)}`);
  const w = Float64Array.from({ length: rows }, () => 0.5 + 20 * random());
  const y = Float64Array.from({ length: rows }, () => Math.round(10 * random()));
  return { cluster, w, y };
}).filter(({ y }) => new Set(y).size > 2 && y.some((value) => value >= 6) && y.some((value) => value < 6));

describe('invariants of replicate designs and models (fast-check)', () => {
  it('JK1 from a cluster design gives a total exactly the linearised SE (n/(n-1) Σ (t_k - t̄)² both ways)', () => {
    fc.assert(fc.property(clusterSample, ({ cluster, w, y }) => {
      const indicators: AnalysisSpec['indicators'] = [{ id: 'total', type: 'total', item: 'y' }];
      const linear = estimateTable({ cluster, w, y }, { design: { weight: 'w', cluster: 'cluster' }, indicators }).estimates[0]!;
      const replicates = jk1Columns(cluster, w);
      const jackknife = estimateTable({ cluster, w, y, ...replicates },
        { design: { weight: 'w', replicates: { columns: Object.keys(replicates), type: 'JK1' } }, indicators }).estimates[0]!;
      expect(closeTo(jackknife.estimate, linear.estimate, 1e-12)).toBe(true);
      expect(closeTo(jackknife.se, linear.se, 1e-9)).toBe(true);
    }), { numRuns: 60, seed: 7 });
  });

  it('an intercept-only model is the mean on a replicate design too (each replicate refit is that replicate\'s mean)', () => {
    fc.assert(fc.property(clusterSample, ({ cluster, w, y }) => {
      const replicates = jk1Columns(cluster, w);
      const table = estimateTable({ cluster, w, y, ...replicates }, {
        design: { weight: 'w', replicates: { columns: Object.keys(replicates), type: 'JK1' } },
        indicators: [{ id: 'y_mean', type: 'mean', item: 'y' }], df: 'design',
        models: [{ id: 'intercept', family: 'gaussian', outcome: 'y_mean', predictors: [] }],
      });
      const mean = table.estimates[0]!;
      const intercept = table.models[0]!.coefficients[0]!;
      expect(intercept.term).toBe('(Intercept)');
      for (const field of ['estimate', 'se', 'ciLow', 'ciHigh'] as const) expect(closeTo(intercept[field], mean[field], 1e-9)).toBe(true);
    }), { numRuns: 40, seed: 11 });
  });

  it('a binomial intercept-only model is logit(p), with SE se(p)/(p(1-p)) (delta method), on a raked cluster design', () => {
    fc.assert(fc.property(clusterSample, ({ cluster, w, y }) => {
      const half = cluster.map((_, row) => (row % 2 === 0 ? 'even' : 'odd'));
      const table = estimateTable({ cluster, w, y, half }, {
        design: { weight: 'w', cluster: 'cluster' },
        weighting: { rake: { half: { even: 500, odd: 700 } } },
        indicators: [{ id: 'high', type: 'share', item: 'y', favourable: [6, 7, 8, 9, 10] }],
        models: [{ id: 'intercept', family: 'binomial', outcome: 'high', predictors: [] }],
      });
      const share = table.estimates[0]!;
      const p = share.estimate as number;
      const intercept = table.models[0]!.coefficients[0]!;
      expect(closeTo(intercept.estimate, Math.log(p / (1 - p)), 1e-9)).toBe(true);
      expect(closeTo(intercept.se, (share.se as number) / (p * (1 - p)), 1e-8)).toBe(true);
    }), { numRuns: 40, seed: 5 });
  });
});
