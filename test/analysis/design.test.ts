import { describe, expect, it } from 'vitest';
import { AnalysisError, calibrate, estimateTable, prepare } from '../../analysis/index.ts';
import type { AnalysisSpec } from '../../analysis/types.ts';
import { closeTo, readCsvColumns, readJson, readSpec } from './fixtures.ts';

describe('weighting and design checks', () => {
  it('raked weights equal weights(rake(design, list(~region, ~sex), ...)) to a relative 1e-8', () => {
    const fixture = readJson<{ data: string; spec: string; weighting: AnalysisSpec['weighting']; weights: number[] }>('raked.expected.json');
    const spec = readSpec(fixture.spec);
    spec.weighting = fixture.weighting;
    const prepared = prepare(readCsvColumns(fixture.data), spec);
    expect(prepared.design.weights.length).toBe(fixture.weights.length);
    const off = fixture.weights.filter((weight, row) => !closeTo(prepared.design.weights[row], weight));
    expect(off).toEqual([]);
    expect(prepared.calibration?.kind).toBe('raking');
  });

  it('raked weights reproduce every population margin', () => {
    const data = readCsvColumns('stratified.csv');
    const margins = { sex: { female: 1030000, male: 970000 }, agegrp: { '18-34': 600000, '35-54': 800000, '55+': 600000 } };
    const { weights } = calibrate(data, new Float64Array((data.w as string[]).map(Number)), margins, { epsilon: 1e-9, maxIterations: 100 });
    for (const [column, totals] of Object.entries(margins)) {
      for (const [label, total] of Object.entries(totals)) {
        let sum = 0;
        (data[column] as string[]).forEach((value, row) => { if (value === label) sum += weights[row] as number; });
        expect(sum).toBeCloseTo(total, 3);
      }
    }
  });

  it('lonely PSU under "fail" is refused naming the stratum, as R stops: "Stratum (L) has only one PSU at stage 1"', () => {
    const fixture = readJson<{ data: string; spec: string; rError: string }>('lonely-fail.expected.json');
    expect(fixture.rError).toContain('Stratum (L) has only one PSU');
    const spec = readSpec(fixture.spec);
    spec.design = { ...spec.design, lonelyPsu: 'fail' };
    expect(() => estimateTable(readCsvColumns(fixture.data), spec)).toThrow(/stratum "L" has only one PSU/);
  });

  it('refuses a PSU that appears in two strata when nest is off, naming column and row', () => {
    const spec = readSpec('stratified.spec.json');
    spec.design = { ...spec.design, nest: false };
    expect(() => estimateTable(readCsvColumns('stratified.csv'), spec)).toThrow(/column "psu", row \d+: PSU "1" appears in strata/);
  });

  it('refuses a missing or negative weight, naming column and row (zero is accepted, as in R)', () => {
    const data = { w: new Float64Array([1, -1, 2]), q: new Float64Array([1, 2, 3]) };
    const spec: AnalysisSpec = { design: { weight: 'w' }, indicators: [{ id: 'm', type: 'mean', item: 'q' }] };
    expect(() => estimateTable(data, spec)).toThrow('column "w", row 2: weight must be zero or a positive number, got -1');
    expect(estimateTable({ ...data, w: new Float64Array([1, 0, 2]) }, spec).estimates[0]?.n).toBe(2);
    expect(() => estimateTable({ ...data, w: new Float64Array([1, NaN, 2]) }, spec)).toThrow(AnalysisError);
  });

  it('suppresses rows below minN and flags small or imprecise ones', () => {
    const spec = readSpec('stratified.spec.json');
    spec.suppression = { minN: 30, flagBelowN: 60, flagRse: 0.3 };
    const table = estimateTable(readCsvColumns('stratified.csv'), spec, { by: ['region', 'channel'] });
    const suppressed = table.estimates.filter((row) => row.flag === 'suppressed');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) {
      expect(row.n).toBeLessThan(30);
      expect([row.estimate, row.se, row.ciLow, row.ciHigh]).toEqual([null, null, null, null]);
    }
    for (const row of table.estimates.filter((r) => r.flag === null)) {
      expect(row.n).toBeGreaterThanOrEqual(60);
      expect((row.se as number) / Math.abs(row.estimate as number)).toBeLessThan(0.3);
    }
    expect(table.estimates.some((row) => row.flag === 'unreliable' && row.n >= 60)).toBe(true);
  });
});
