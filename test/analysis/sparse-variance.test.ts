import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTable, prepare } from '../../analysis/index.ts';
import type { AnalysisSpec, LonelyPsu } from '../../analysis/types.ts';
import { denseInfluence, denseVariance } from './dense-reference.ts';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
/**
 * A standard error that is zero but for rounding (a domain in one lonely PSU removed, say): below a
 * millionth of the values it is about, its digits are noise, and the two computations need not agree.
 */
const negligible = (se: number, scale: number | null): boolean => !(se > 1e-6 * Math.max(1, Math.abs(scale ?? 0)));

/** A random stratified cluster design with many small PSUs (1–4 rows), some strata with one PSU. */
const design = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  strata: fc.integer({ min: 2, max: 6 }),
  maxPsus: fc.integer({ min: 2, max: 60 }),
  lonelyPsu: fc.constantFrom<LonelyPsu>('adjust', 'remove', 'certainty', 'average'),
  adjustDomainLonely: fc.boolean(),
  weighting: fc.constantFrom('none', 'postStratify', 'rake'),
});

function generate(seed: number, strata: number, maxPsus: number) {
  let state = seed;
  const random = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  const columns = { stratum: [] as string[], psu: [] as string[], sex: [] as string[], g: [] as string[], w: [] as number[], q: [] as number[],
    ch_a: [] as number[], ch_b: [] as number[] };
  for (let stratum = 0; stratum < strata; stratum++) {
    const psus = stratum === 0 ? 1 : 2 + Math.floor(random() * (maxPsus - 1));
    for (let psu = 0; psu < psus; psu++) {
      const size = 1 + Math.floor(random() * 4);
      for (let k = 0; k < size; k++) {
        columns.stratum.push(`s${stratum}`);
        columns.psu.push(`p${psu}`);
        columns.sex.push(random() < 0.5 ? 'f' : 'm');
        columns.g.push(['a', 'b', 'c', 'd'][Math.floor(random() * 4)] as string);
        columns.w.push(0.5 + 10 * random());
        columns.q.push(random() < 0.1 ? 9 : 1 + Math.floor(random() * 5));
        columns.ch_a.push(random() < 0.3 ? 1 : 0);
        columns.ch_b.push(random() < 0.6 ? 1 : 0);
      }
    }
  }
  // both sexes in every stratum, so raking by stratum and sex has every cell
  for (let stratum = 0; stratum < strata; stratum++) for (const sex of ['f', 'm']) {
    const row = columns.stratum.indexOf(`s${stratum}`);
    columns.stratum.push(`s${stratum}`); columns.psu.push(columns.psu[row] as string); columns.sex.push(sex); columns.g.push('a');
    columns.w.push(1); columns.q.push(3); columns.ch_a.push(1); columns.ch_b.push(0);
  }
  return columns;
}

describe('sparse variance equals the dense computation over every PSU', () => {
  it('estimates by g, channel and g × channel, and comparisons, on random many-PSU designs', () => {
    fc.assert(fc.property(design, ({ seed, strata, maxPsus, lonelyPsu, adjustDomainLonely, weighting }) => {
      const raw = generate(seed, strata, maxPsus);
      const data = { ...raw, w: Float64Array.from(raw.w), q: Float64Array.from(raw.q), ch_a: Float64Array.from(raw.ch_a), ch_b: Float64Array.from(raw.ch_b) };
      const stratumTotals = Object.fromEntries([...new Set(raw.stratum)].map((label, k) => [label, 1000 + 100 * k]));
      const spec: AnalysisSpec = {
        design: { weight: 'w', strata: 'stratum', cluster: 'psu', lonelyPsu, adjustDomainLonely },
        dimensions: { g: { column: 'g' }, st: { column: 'stratum' }, channel: { multiple: { a: 'ch_a', b: 'ch_b' } } },
        indicators: [{ id: 'fav', type: 'share', item: 'q', favourable: [4, 5], missing: [9] }, { id: 'm', type: 'mean', item: 'q', missing: [9] }],
        ...(weighting === 'postStratify' ? { weighting: { postStratify: { sex: { f: 5000, m: 4000 } } } } : {}),
        ...(weighting === 'rake' ? { weighting: { rake: { stratum: stratumTotals, sex: { f: 5000, m: 4000 } } } } : {}),
      };
      // g does not nest PSUs (cells are added when folded), st (the strata) does (cells are reused)
      const table = estimateTable(data, spec, { by: ['g', 'channel'], compare: [{ dimension: 'g', a: 'a' }, { dimension: 'channel', a: 'a', b: 'b' }] });
      const nested = estimateTable(data, spec, { by: ['st', 'channel'] });
      table.estimates.push(...nested.estimates);
      const prepared = prepare(data, spec);
      const member = (groups: Record<string, string>) => (row: number): boolean =>
        (groups.g === undefined || raw.g[row] === groups.g) && (groups.st === undefined || raw.stratum[row] === groups.st) && (groups.channel === undefined || raw[`ch_${groups.channel}` as 'ch_a'][row] === 1);
      let checked = 0;
      for (const row of table.estimates) {
        if (row.se === null) continue;
        const { influence, inDomain } = denseInfluence(prepared, prepared.values.get(row.indicator)!, member(row.groups));
        const expected = Math.sqrt(denseVariance(prepared, influence, inDomain));
        if (negligible(expected, row.estimate)) continue; // zero variance: rounding noise only
        expect(relative(row.se, expected)).toBeLessThan(1e-9);
        checked++;
      }
      for (const row of table.comparisons) {
        if (row.se === null) continue;
        const sideB = row.groupB.startsWith('not ') ? null : row.groupB;
        const inA = member({ ...row.groups, [row.dimension]: row.groupA });
        const inB = sideB === null
          ? (r: number): boolean => member(row.groups)(r) && !inA(r)
          : member({ ...row.groups, [row.dimension]: sideB });
        const values = prepared.values.get(row.indicator)!;
        const a = denseInfluence(prepared, values, inA).influence;
        const b = denseInfluence(prepared, values, inB).influence;
        const expected = Math.sqrt(denseVariance(prepared, a.map((value, r) => value - (b[r] as number)), null));
        if (negligible(expected, Math.max(Math.abs(row.estimateA ?? 0), Math.abs(row.estimateB ?? 0)))) continue;
        expect(relative(row.se, expected)).toBeLessThan(1e-9);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    }), { numRuns: 80 });
  });
});
