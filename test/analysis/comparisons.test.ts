import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, ComparisonRow, CompareRequest } from '../../analysis/types.ts';
import { mismatches, readCsvColumns, readJson, readSpec } from './fixtures.ts';

interface Fixture {
  data: string;
  spec: string;
  weighting?: AnalysisSpec['weighting'];
  comparisons: ComparisonRow[];
}

const fields = ['estimateA', 'estimateB', 'difference', 'se', 'ciLow', 'ciHigh', 'pValue', 'df', 'nA', 'nB'] as const;
const key = (row: ComparisonRow): string =>
  `${row.indicator}|${row.dimension}:${row.groupA}-${row.groupB}|${JSON.stringify(row.groups)}`;

function check(name: string, requests: CompareRequest[], by: string[]): void {
  const fixture = readJson<Fixture>(`${name}.expected.json`);
  const spec = readSpec(fixture.spec);
  if (fixture.weighting) spec.weighting = fixture.weighting;
  const table = estimateTable(readCsvColumns(fixture.data), spec, { by, compare: requests });
  const ours = new Map(table.comparisons.map((row) => [key(row), row]));
  const problems: string[] = [];
  for (const expected of fixture.comparisons) {
    const actual = ours.get(key(expected));
    if (!actual) problems.push(`${key(expected)}: missing`);
    else for (const problem of mismatches(actual, expected, fields)) problems.push(`${key(expected)} ${problem}`);
  }
  expect(fixture.comparisons.length).toBeGreaterThan(3);
  expect(problems).toEqual([]);
}

// R: svycontrast(svytotal(~ya + a + yb + b, design), quote(ya/a - yb/b)), the full linearised
// covariance of the two domain means; p = 2 * pt(-abs(d/se), degf(design)); CI d ± qt(.975, degf) se.
describe('comparisons equal R svycontrast to a relative 1e-8', () => {
  it('stratified: wave 2 − wave 1 (whole sample and within region), facebook users − non-users, Sarajevo − rest', () => {
    check('stratified', [
      { dimension: 'wave', a: '2', b: '1' },
      { dimension: 'channel', a: 'facebook' },
      { dimension: 'region', a: 'sarajevo' },
    ], ['region']);
  });
  it('raked design: wave 2 − wave 1 with residuals from the raking margins', () => {
    check('raked', [{ dimension: 'wave', a: '2', b: '1' }], ['region']);
  });
  it('post-stratified design: wave 2 − wave 1', () => {
    check('post-stratified', [{ dimension: 'wave', a: '2', b: '1' }], ['region']);
  });
  it('unweighted SRS: wave 2 − wave 1', () => {
    check('srs', [{ dimension: 'wave', a: '2', b: '1' }], []);
  });
});
