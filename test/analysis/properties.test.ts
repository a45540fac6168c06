import fc from 'fast-check';
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, EstimateRow } from '../../analysis/types.ts';

const relative = (a: number | null, b: number | null): number => Math.abs((a as number) - (b as number)) / Math.max(Math.abs(b as number), 1e-12);

/** A small stratified cluster sample: rows of (stratum, psu, weight, answer 1..5, group). */
const sample = fc.array(
  fc.record({ stratum: fc.integer({ min: 0, max: 2 }), psu: fc.integer({ min: 0, max: 3 }), weight: fc.double({ min: 0.5, max: 20, noNaN: true }),
    answer: fc.integer({ min: 1, max: 5 }), group: fc.constantFrom('a', 'b', 'c') }),
  { minLength: 40, maxLength: 120 },
).filter((rows) => {
  // every stratum that occurs needs two PSUs, and group "a" some rows
  const psus = new Map<number, Set<number>>();
  for (const row of rows) psus.set(row.stratum, (psus.get(row.stratum) ?? new Set()).add(row.psu));
  return [...psus.values()].every((set) => set.size >= 2) && rows.filter((row) => row.group === 'a').length >= 3;
});

type Row = { stratum: number; psu: number; weight: number; answer: number; group: string };
const columns = (rows: Row[]) => ({
  stratum: rows.map((row) => String(row.stratum)),
  psu: rows.map((row) => String(row.psu)),
  w: Float64Array.from(rows, (row) => row.weight),
  q: Float64Array.from(rows, (row) => row.answer),
  g: rows.map((row) => row.group),
});
const designSpec = (indicators: AnalysisSpec['indicators']): AnalysisSpec => ({
  design: { weight: 'w', strata: 'stratum', cluster: 'psu' }, dimensions: { g: { column: 'g' } }, indicators,
});
const find = (rows: EstimateRow[], indicator: string, group?: string): EstimateRow =>
  rows.find((row) => row.indicator === indicator && (group === undefined ? Object.keys(row.groups).length === 0 : row.groups.g === group)) as EstimateRow;

describe('invariants (fast-check)', () => {
  it('rescaling a mean rescales estimate, SE and interval and leaves the design effect alone', () => {
    fc.assert(fc.property(sample, (rows) => {
      const table = estimateTable(columns(rows), designSpec([
        { id: 'raw', type: 'mean', item: 'q' },
        { id: 'scaled', type: 'mean', item: 'q', rescale: { from: [1, 5], to: [0, 100] } },
      ]));
      const raw = find(table.estimates, 'raw');
      const scaled = find(table.estimates, 'scaled');
      expect(relative(scaled.estimate, ((raw.estimate as number) - 1) * 25)).toBeLessThan(1e-10);
      expect(relative(scaled.se, (raw.se as number) * 25)).toBeLessThan(1e-9);
      expect(relative(scaled.ciLow, ((raw.ciLow as number) - 1) * 25)).toBeLessThan(1e-9);
      expect(relative(scaled.deff, raw.deff)).toBeLessThan(1e-8);
    }), { numRuns: 60 });
  });

  it('with equal weights and no design the mean and SE are the textbook ȳ and s/√n (simple-statistics)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 200 }).filter((values) => new Set(values).size > 1), (values) => {
      const table = estimateTable({ q: Float64Array.from(values) }, { indicators: [
        { id: 'm', type: 'mean', item: 'q' }, { id: 'p', type: 'share', item: 'q', favourable: [6, 7, 8, 9, 10] }] });
      const m = find(table.estimates, 'm');
      expect(relative(m.estimate, mean(values))).toBeLessThan(1e-12);
      expect(relative(m.se, Math.sqrt(sampleVariance(values) / values.length))).toBeLessThan(1e-10);
      const indicator = values.map((value) => (value >= 6 ? 1 : 0));
      const p = find(table.estimates, 'p');
      expect(relative(p.estimate, mean(indicator))).toBeLessThan(1e-12);
      if (new Set(indicator).size > 1) expect(relative(p.se, Math.sqrt(sampleVariance(indicator) / values.length))).toBeLessThan(1e-10);
      expect(table.design.degf).toBe(values.length - 1);
    }), { numRuns: 100 });
  });

  it('a domain estimate and its SE do not change when rows outside the domain change their answers', () => {
    fc.assert(fc.property(sample, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 120, maxLength: 120 }), (rows, replacement) => {
      const spec = designSpec([{ id: 'fav', type: 'share', item: 'q', favourable: [4, 5] }, { id: 'm', type: 'mean', item: 'q' }]);
      const before = estimateTable(columns(rows), spec, { by: ['g'] });
      const changed = rows.map((row, index) => (row.group === 'a' ? row : { ...row, answer: replacement[index] as number }));
      const after = estimateTable(columns(changed), spec, { by: ['g'] });
      for (const id of ['fav', 'm']) {
        const x = find(before.estimates, id, 'a');
        const y = find(after.estimates, id, 'a');
        expect(y.estimate).toBe(x.estimate);
        expect(y.se).toBe(x.se);
        expect(y.deff).toBe(x.deff);
      }
    }), { numRuns: 60 });
  });

  it('multiplying every weight by a constant changes neither estimates nor SEs', () => {
    fc.assert(fc.property(sample, fc.double({ min: 0.01, max: 1000, noNaN: true }), (rows, factor) => {
      const spec = designSpec([{ id: 'm', type: 'mean', item: 'q' }]);
      const base = find(estimateTable(columns(rows), spec).estimates, 'm');
      const scaled = find(estimateTable(columns(rows.map((row) => ({ ...row, weight: row.weight * factor }))), spec).estimates, 'm');
      expect(relative(scaled.estimate, base.estimate)).toBeLessThan(1e-12);
      expect(relative(scaled.se, base.se)).toBeLessThan(1e-9);
    }), { numRuns: 60 });
  });

  it('net score equals share favourable minus share unfavourable', () => {
    fc.assert(fc.property(sample, (rows) => {
      const table = estimateTable(columns(rows), designSpec([
        { id: 'net', type: 'net', item: 'q', favourable: [4, 5], unfavourable: [1, 2] },
        { id: 'fav', type: 'share', item: 'q', favourable: [4, 5] },
        { id: 'unfav', type: 'share', item: 'q', favourable: [1, 2] }]));
      const difference = (find(table.estimates, 'fav').estimate as number) - (find(table.estimates, 'unfav').estimate as number);
      expect(Math.abs((find(table.estimates, 'net').estimate as number) - difference)).toBeLessThan(1e-12);
    }), { numRuns: 60 });
  });
});
