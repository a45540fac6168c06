import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, DesignSpec, EstimateRow } from '../../analysis/types.ts';
import { mismatches, readCsvColumns, readJson, readSpec, rowKey } from './fixtures.ts';

interface SecondFixture {
  data: string;
  spec: string;
  by: string[];
  design: DesignSpec;
  weighting?: AnalysisSpec['weighting'];
  summary?: { n?: number; strata?: number; psus?: number; degf: number };
  estimates: (Partial<EstimateRow> & { indicator: string; groups: Record<string, string> })[];
}

const data = readCsvColumns('second.csv');

/** Runs a second-edition fixture: its design merged into second.spec.json. */
export function runSecond(name: string, extra: Partial<AnalysisSpec> = {}) {
  const fixture = readJson<SecondFixture>(`${name}.expected.json`);
  const spec: AnalysisSpec = { ...readSpec(fixture.spec), design: fixture.design, ...(fixture.weighting ? { weighting: fixture.weighting } : {}), ...extra };
  return { fixture, table: estimateTable(data, spec, { by: fixture.by }) };
}

/** Every R row found among ours and equal to a relative 1e-8 in the given fields. */
export function expectRowsEqualR(
  expected: SecondFixture['estimates'],
  actual: EstimateRow[],
  fields: readonly (keyof EstimateRow)[] = ['estimate', 'se', 'ciLow', 'ciHigh', 'deff', 'n'],
): void {
  const ours = new Map(actual.map((row) => [rowKey(row), row]));
  const problems: string[] = [];
  for (const row of expected) {
    const found = ours.get(rowKey(row));
    if (!found) problems.push(`${rowKey(row)}: missing`);
    else for (const problem of mismatches(found, row, fields)) problems.push(`${rowKey(row)} ${problem}`);
  }
  expect(problems).toEqual([]);
  expect(expected.length).toBeGreaterThan(10);
}

// Fixtures by test/fixtures/analysis/make-second-edition.R (R survey 4.1.1).
describe('second edition: design options equal R to a relative 1e-8', () => {
  it('fpc: svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc) shrinks every SE as R does', () => {
    const { fixture, table } = runSecond('second-fpc');
    expectRowsEqualR(fixture.estimates, table.estimates);
    expect(table.design).toEqual(fixture.summary);
  });

  it('zero weights: rows of weight 0 stay in the design but out of n and the degrees of freedom', () => {
    const { fixture, table } = runSecond('second-zero-weights');
    expectRowsEqualR(fixture.estimates, table.estimates);
    expect(table.design).toEqual(fixture.summary);
  });
});

describe('second edition: totals, ratios and quantiles equal R to a relative 1e-8', () => {
  it('svytotal, svyratio and svyquantile (qrule "math", Woodruff interval) by region and channel, with fpc', () => {
    const { fixture, table } = runSecond('second-estimators');
    expectRowsEqualR(fixture.estimates, table.estimates);
  });

  it('the same on a raked design (rake(), residuals of the calibration in every variance)', () => {
    const { fixture, table } = runSecond('second-estimators-raked');
    expectRowsEqualR(fixture.estimates, table.estimates);
  });

  it('a share of exactly 0 or 1 carries the exact (Clopper-Pearson) interval and says ciMethod "beta"', () => {
    const { table } = runSecond('second-estimators');
    const always = table.estimates.filter((row) => row.indicator === 'surveyed_year');
    const never = table.estimates.filter((row) => row.indicator === 'surveyed_2030');
    expect(always.length).toBeGreaterThan(5);
    for (const row of [...always, ...never]) expect(row.ciMethod).toBe('beta');
    for (const row of always) expect([row.estimate, row.ciHigh]).toEqual([1, 1]);
    for (const row of never) expect([row.estimate, row.ciLow]).toEqual([0, 0]);
    const other = table.estimates.find((row) => row.indicator === 'trust_fav');
    expect(other?.ciMethod).toBe('logit');
  });
});

describe('second edition: replicate-weight designs equal R (svrepdesign) to a relative 1e-8', () => {
  const types: [string, string][] = [
    ['jk1', 'JK1 from a cluster design (as.svrepdesign), scale (R-1)/R by default'],
    ['jkn', 'JKn from the stratified design, rscales given'],
    ['brr', 'BRR on paired PSUs, scale 1/R'],
    ['fay', "Fay's BRR with rho 0.3"],
    ['bootstrap', 'bootstrap, scale 1/(R-1) by default'],
    ['other', 'other: scale and rscales given, mse = TRUE'],
  ];
  for (const [name, description] of types) {
    it(`${name}: ${description}; shares (logit on the replicates), means, totals, ratios, quantiles; df = rank - 1 per domain`, () => {
      const { fixture, table } = runSecond(`second-replicates-${name}`);
      expectRowsEqualR(fixture.estimates, table.estimates);
      expect(table.design.degf).toBe(fixture.summary?.degf);
    });
  }

  it('refuses a negative replicate weight naming column and row, and JKn without rscales', () => {
    const negative = { ...data, jk1_03: (data.jk1_03 as string[]).map((value, row) => (row === 4 ? '-1' : value)) };
    const spec = { ...readSpec('second.spec.json'), design: { weight: 'w', replicates: { columns: ['jk1_01', 'jk1_02', 'jk1_03'], type: 'JK1' as const } } };
    expect(() => estimateTable(negative, spec)).toThrow(/column "jk1_03", row 5: replicate weight must not be negative/);
    const jkn = { ...spec, design: { weight: 'w', replicates: { columns: ['jkn_01', 'jkn_02'], type: 'JKn' as const } } };
    expect(() => estimateTable(data, jkn)).toThrow(/JKn design needs rscales/);
  });
});
