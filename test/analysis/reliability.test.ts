import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { ReliabilityRow } from '../../analysis/types.ts';
import { closeTo, readCsvColumns, readJson, readSpec } from './fixtures.ts';

interface Fixture { data: string; spec: string; reliability: ReliabilityRow[] }

// R: psych::alpha(na.omit(items), check.keys = FALSE): total$raw_alpha, item.stats$r.drop,
// alpha.drop$raw_alpha; per group on the group's rows; reversed items mirrored (6 - x on 1..5).
describe('Cronbach alpha equals psych::alpha to a relative 1e-8', () => {
  for (const name of ['stratified', 'srs']) {
    it(`${name}: overall and per group`, () => {
      const fixture = readJson<Fixture>(`${name}.expected.json`);
      const table = estimateTable(readCsvColumns(fixture.data), readSpec(fixture.spec), {});
      const key = (row: ReliabilityRow): string => `${row.construct}|${JSON.stringify(row.groups)}`;
      const ours = new Map(table.reliability.map((row) => [key(row), row]));
      expect(fixture.reliability.length).toBeGreaterThan(0);
      for (const expected of fixture.reliability) {
        const actual = ours.get(key(expected));
        expect(actual, key(expected)).toBeDefined();
        expect(actual?.n).toBe(expected.n);
        expect(closeTo(actual?.alpha, expected.alpha), `${key(expected)} alpha ${actual?.alpha} vs ${expected.alpha}`).toBe(true);
        expected.items.forEach((item, index) => {
          const mine = actual?.items[index];
          expect(mine?.item).toBe(item.item);
          expect(closeTo(mine?.itemRestCorrelation, item.itemRestCorrelation), `${key(expected)} ${item.item} r.drop`).toBe(true);
          expect(closeTo(mine?.alphaIfDeleted, item.alphaIfDeleted), `${key(expected)} ${item.item} alpha.drop`).toBe(true);
        });
      }
    });
  }
});

// Items on a whole-number scale are summarised by counting value patterns; fractional items
// (a rescaled 0–100 score) are summed row by row. Alpha does not change when every item is
// rescaled linearly, so both paths must agree on the same respondents.
describe('Cronbach alpha of rescaled items', () => {
  it('is the same for fractional items (summed row by row) as for the 1–5 codes they came from, per group', () => {
    const fixture = readJson<Fixture>('stratified.expected.json');
    const data = readCsvColumns(fixture.data);
    const spec = readSpec(fixture.spec);
    const items = ['lg_right', 'lg_values', 'lg_stand'];
    const rescaled = { ...data };
    for (const item of items) {
      const codes = data[item] as Float64Array;
      // Missing codes 7–9 stay as they are so the spec still drops them.
      rescaled[item] = codes.map((code) => (code >= 7 ? code : 0.37 + 1.618 * code));
    }
    const legit = spec.reliability!.find((set) => set.id === 'legit')!;
    const rescaledSpec = { ...spec, reliability: [{ ...legit, missing: [7, 8, 9], scale: [0.37 + 1.618, 0.37 + 1.618 * 5] as [number, number] }] };
    const plain = estimateTable(data, { ...spec, reliability: [{ ...legit, missing: [7, 8, 9], scale: [1, 5] as [number, number] }] }, {}).reliability;
    const fractional = estimateTable(rescaled, rescaledSpec, {}).reliability;
    expect(fractional.map((row) => row.groups)).toEqual(plain.map((row) => row.groups));
    expect(plain.some((row) => 'channel' in row.groups)).toBe(true);
    fractional.forEach((row, index) => {
      const expected = plain[index]!;
      expect(row.n).toBe(expected.n);
      expect(closeTo(row.alpha, expected.alpha), `${JSON.stringify(row.groups)} alpha ${row.alpha} vs ${expected.alpha}`).toBe(true);
      row.items.forEach((item, at) => expect(closeTo(item.alphaIfDeleted, expected.items[at]!.alphaIfDeleted)).toBe(true));
    });
  });
});
