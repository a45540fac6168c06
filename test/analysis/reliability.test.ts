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
