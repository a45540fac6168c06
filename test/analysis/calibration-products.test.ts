import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../analysis/index.ts';
import type { AnalysisSpec } from '../../analysis/types.ts';
import { calibrationProducts } from '../../analysis/weighting/calibration-residuals.ts';
import type { Prepared } from '../../analysis/prepared.ts';

/**
 * The PSU × group weight sums the calibrated variance reads, the straightforward way: a dense
 * PSU × group table per step, rows added in order, then its nonzero cells PSU by PSU, step by step,
 * groups ascending (what calibrationProducts made before it kept only PSUs' own groups).
 */
function densePsuGroupWeights({ design, calibration }: Prepared) {
  const steps = calibration!.steps;
  const offset = [0];
  for (const step of steps) offset.push((offset.at(-1) as number) + step.groupCount);
  const tables = steps.map((step) => {
    const table = new Float64Array(design.psuCount * step.groupCount);
    for (let row = 0; row < design.rowCount; row++) table[(design.psuOfRow[row] as number) * step.groupCount + (step.groups[row] as number)]! += step.after[row] as number;
    return table;
  });
  const start = [0];
  const group: number[] = [];
  const weight: number[] = [];
  for (let psu = 0; psu < design.psuCount; psu++) {
    steps.forEach((step, t) => {
      for (let h = 0; h < step.groupCount; h++) {
        const value = (tables[t] as Float64Array)[psu * step.groupCount + h] as number;
        if (value !== 0) { group.push((offset[t] as number) + h); weight.push(value); }
      }
    });
    start.push(group.length);
  }
  return { psuStart: Int32Array.from(start), psuGroup: Int32Array.from(group), psuGroupWeight: Float64Array.from(weight) };
}

/**
 * Rows in PSUs nested in strata; a PSU's rows are of either sex (so a sex margin's groups cross
 * most PSUs), a zone margin crosses one PSU, some weights 0.
 */
function generate(seed: number, strata: number, zeroShare: number) {
  let state = seed;
  const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const columns = { stratum: [] as string[], psu: [] as string[], sex: [] as string[], zone: [] as string[], w: [] as number[] };
  for (let stratum = 0; stratum < strata; stratum++) {
    const psus = 2 + Math.floor(random() * 8);
    for (let psu = 0; psu < psus; psu++) {
      for (let k = 0, size = 1 + Math.floor(random() * 5); k < size; k++) {
        columns.stratum.push(`s${stratum}`);
        columns.psu.push(`p${psu}`);
        columns.sex.push(random() < 0.5 ? 'f' : 'm');
        columns.zone.push(`s${stratum}`);
        columns.w.push(random() < zeroShare ? 0 : 0.5 + 10 * random());
      }
    }
    // both sexes in every stratum, with a positive weight (raking needs every cell)
    for (const sex of ['f', 'm']) { columns.stratum.push(`s${stratum}`); columns.psu.push('p0'); columns.sex.push(sex); columns.zone.push(`s${stratum}`); columns.w.push(1); }
  }
  // A zone that follows the strata but for one row: one PSU has rows in two zones.
  columns.zone[columns.zone.length - 1] = 's0';
  return columns;
}

describe('calibration products', () => {
  it('keep every PSU × group weight sum of a dense table, bit for bit, for post-stratification and raking', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 0.2), fc.constantFrom('postStratify', 'rake', 'rakeBySex', 'zone'),
      (seed, strata, zeroShare, weighting) => {
        const raw = generate(seed, strata, zeroShare);
        const stratumTotals = Object.fromEntries([...new Set(raw.stratum)].map((label, k) => [label, 1000 + 100 * k]));
        const margins: AnalysisSpec['weighting'] = weighting === 'postStratify' ? { postStratify: { stratum: stratumTotals } }
          : weighting === 'rake' ? { rake: { stratum: stratumTotals, sex: { f: 600 * strata, m: 500 * strata } } }
          : weighting === 'rakeBySex' ? { postStratify: { sex: { f: 600, m: 500 } } }
          : { rake: { zone: stratumTotals, sex: { f: 600 * strata, m: 500 * strata } } };
        const spec: AnalysisSpec = { design: { weight: 'w', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' }, weighting: margins, indicators: [] };
        const prepared = prepare({ ...raw, w: Float64Array.from(raw.w) }, spec);
        const products = calibrationProducts(prepared.calibration!, prepared.design);
        const dense = densePsuGroupWeights(prepared);
        expect(products.psuStart).toEqual(dense.psuStart);
        expect(products.psuGroup).toEqual(dense.psuGroup);
        expect(products.psuGroupWeight).toEqual(dense.psuGroupWeight);
      },
    ), { numRuns: 80 });
  });
});
