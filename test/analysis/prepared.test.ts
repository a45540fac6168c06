import { describe, expect, it } from 'vitest';
import { estimatePreparedTable, estimateTable, prepareDesign, withIndicators } from '../../analysis/index.ts';
import { readCsvColumns, readJson, readSpec } from './fixtures.ts';

// The API keeps one prepared design per set of stored responses and adds the indicators each
// request asks for; every table made that way must be the one made from scratch.
describe('a prepared design reused for other indicators', () => {
  for (const name of ['stratified', 'raked']) {
    it(`${name}: gives each indicator the rows of the full table, asked one by one and again`, () => {
      const fixture = readJson<{ data: string; spec: string }>(`${name}.expected.json`);
      const data = readCsvColumns(fixture.data);
      const spec = readSpec(fixture.spec);
      const full = estimateTable(data, spec, { by: ['region', 'channel'] });
      const design = prepareDesign(data, spec);
      const indicators = spec.indicators ?? [];
      expect(indicators.length).toBeGreaterThan(1);
      for (const round of [1, 2]) {
        for (const indicator of [...indicators].reverse()) {
          const table = estimatePreparedTable(withIndicators(design, { ...spec, indicators: [indicator] }), { by: ['region', 'channel'] });
          expect(table.estimates, `${indicator.id}, round ${round}`).toEqual(full.estimates.filter((row) => row.indicator === indicator.id));
          // Alpha reads items as the table's indicators do (missing codes, reversal), so it is the
          // one-indicator table's, made from scratch.
          expect(table.reliability).toEqual(estimateTable(data, { ...spec, indicators: [indicator] }, {}).reliability);
        }
      }
      expect(estimatePreparedTable(withIndicators(design, spec), { by: ['region', 'channel'] })).toEqual(full);
      expect(() => withIndicators(design, { ...spec, indicators: [indicators[0]!, indicators[0]!] })).toThrow(/used twice/);
    });
  }
});
