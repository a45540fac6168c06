import { describe, expect, it } from 'vitest';
import { AnalysisError, estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec } from '../../analysis/types.ts';

const data = {
  w: new Float64Array([1, 2, 0, 3, 1, 2]),
  stratum: ['a', 'a', 'a', 'b', 'b', 'b'],
  psu: ['1', '2', '2', '3', '4', '4'],
  q: new Float64Array([4, 2, 5, 1, 5, 3]),
  fpc: new Float64Array([10, 10, 10, 4, 4, 4]),
};
const share = { id: 'fav', type: 'share' as const, item: 'q', favourable: [4, 5] };

function refusal(spec: unknown): string {
  try {
    estimateTable(data, spec as AnalysisSpec);
  } catch (error) {
    expect(error).toBeInstanceOf(AnalysisError);
    return (error as Error).message;
  }
  throw new Error('the spec was accepted');
}

describe('unknown spec keys are refused, naming the key', () => {
  it('names a misspelt design key (the fpc that used to be ignored)', () => {
    expect(refusal({ design: { weight: 'w', fcp: 'fpc' }, indicators: [share] })).toMatch(/unknown key "spec\.design\.fcp"/);
  });
  it('names a misspelt indicator key with its position', () => {
    expect(refusal({ indicators: [{ ...share, favorable: [4] }] })).toMatch(/unknown key "spec\.indicators\[0\]\.favorable"/);
  });
  it('names an unknown top-level key, a dimension key and a replicate key', () => {
    expect(refusal({ indicators: [share], weights: {} })).toMatch(/"spec\.weights"/);
    expect(refusal({ dimensions: { region: { col: 'r' } } })).toMatch(/"spec\.dimensions\.region\.col"/);
    expect(refusal({ design: { replicates: { columns: [], type: 'JK1', scael: 1 } } })).toMatch(/"spec\.design\.replicates\.scael"/);
  });
});

describe('fpc and zero weights', () => {
  it('accepts a weight of 0 and leaves the row out of n and the degrees of freedom', () => {
    const table = estimateTable(data, { design: { weight: 'w', strata: 'stratum', cluster: 'psu' }, indicators: [share] });
    expect(table.estimates[0]?.n).toBe(5);
    expect(table.design.degf).toBe(2);
  });
  it('shrinks the SE by the finite population correction', () => {
    const design = { weight: 'w', strata: 'stratum', cluster: 'psu' };
    const without = estimateTable(data, { design, indicators: [share] }).estimates[0]?.se as number;
    const withFpc = estimateTable(data, { design: { ...design, fpc: 'fpc' }, indicators: [share] }).estimates[0]?.se as number;
    expect(withFpc).toBeLessThan(without);
  });
  it('refuses an fpc that mixes population sizes and fractions, or varies within a stratum, naming the row', () => {
    const design = { weight: 'w', strata: 'stratum', cluster: 'psu', fpc: 'fpc' };
    const mixed = { ...data, fpc: new Float64Array([10, 10, 10, 0.5, 0.5, 0.5]) };
    expect(() => estimateTable(mixed, { design, indicators: [share] })).toThrow(/column "fpc", row 4: fpc must be all population sizes/);
    const varying = { ...data, fpc: new Float64Array([10, 10, 11, 4, 4, 4]) };
    expect(() => estimateTable(varying, { design, indicators: [share] })).toThrow(/column "fpc", row 3: fpc varies within stratum "a"/);
    const tooSmall = { ...data, fpc: new Float64Array([10, 10, 10, 1.5, 1.5, 1.5]) };
    expect(() => estimateTable(tooSmall, { design, indicators: [share] })).toThrow(/more than 100% sampling in stratum "b"/);
  });
  it('still refuses negative and missing weights', () => {
    expect(() => estimateTable({ ...data, w: new Float64Array([1, -2, 0, 3, 1, 2]) }, { design: { weight: 'w' }, indicators: [share] }))
      .toThrow(/column "w", row 2: weight must be zero or a positive number/);
  });
});
