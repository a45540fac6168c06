import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, ContrastRow, ContrastSpec, DesignSpec } from '../../analysis/types.ts';
import { closeTo, readCsvColumns, readJson, readSpec } from './fixtures.ts';

interface DidFixture {
  design: DesignSpec;
  weighting?: AnalysisSpec['weighting'];
  contrasts: ContrastSpec[];
  did: (Omit<ContrastRow, 'flag'>)[];
}

const data = readCsvColumns('second.csv');
const base = readSpec('second.spec.json');

function run(name: string) {
  const fixture = readJson<DidFixture>(`second-did-${name}.expected.json`);
  const spec: AnalysisSpec = { ...base, design: fixture.design, ...(fixture.weighting ? { weighting: fixture.weighting } : {}), contrasts: fixture.contrasts };
  return { fixture, table: estimateTable(data, spec, { by: ['region'] }) };
}

/** Every number of every R row, to a relative 1e-8; n and df exactly. */
function problems(expected: DidFixture['did'], actual: ContrastRow[]): string[] {
  const found: string[] = [];
  for (const row of expected) {
    const ours = actual.find((candidate) => candidate.id === row.id);
    if (ours === undefined) { found.push(`${row.id}: missing`); continue; }
    for (const field of ['estimate', 'se', 'ciLow', 'ciHigh', 'pValue'] as const) {
      if (!closeTo(ours[field], row[field])) found.push(`${row.id} ${field}: ours ${ours[field]}, R ${row[field]}`);
    }
    for (const [cell, mean] of Object.entries(row.means)) {
      if (!closeTo(ours.means[cell as keyof typeof ours.means], mean)) found.push(`${row.id} mean ${cell}`);
    }
    if (Object.entries(row.n).some(([cell, count]) => ours.n[cell as keyof typeof ours.n] !== count)) found.push(`${row.id} n: ours ${JSON.stringify(ours.n)}, R ${JSON.stringify(row.n)}`);
    if (ours.df !== row.df) found.push(`${row.id} df: ours ${ours.df}, R ${row.df}`);
  }
  return found;
}

// Fixtures by test/fixtures/analysis/make-did.R (R survey 4.1.1): svycontrast(svyby(~y,
// ~interaction(programme, year), des, svymean, covmat = TRUE), c(1, -1, -1, 1)).
describe('did contrasts equal R to a relative 1e-8', () => {
  const scenarios: [string, string][] = [
    ['cluster', 'stratified cluster design, linearised'],
    ['fpc', 'with a finite population correction'],
    ['zero-weights', 'with rows and a whole PSU of weight 0'],
    ['raked', 'raked to region and sex (calibration residuals)'],
    ['jk1', 'JK1 replicate weights'],
    ['jkn', 'JKn replicate weights with rscales'],
    ['brr', 'BRR on paired PSUs'],
    ['fay', "Fay's BRR, rho 0.3"],
    ['bootstrap', 'bootstrap replicate weights'],
    ['other', 'other replicate weights, mse = TRUE'],
  ];
  for (const [name, description] of scenarios) {
    it(`${name}: ${description}: estimate, SE, interval, p, the four means, n and df`, () => {
      const { fixture, table } = run(name);
      expect(problems(fixture.did, table.contrasts)).toEqual([]);
      expect(table.contrasts).toHaveLength(fixture.did.length);
      expect(fixture.did.length).toBe(4);
      expect(table.contrasts.every((row) => row.type === 'did' && row.flag === null)).toBe(true);
    });
  }
});

describe('did contrasts: what a user gets wrong', () => {
  const contrast: ContrastSpec = { id: 'p', indicator: 'trust_fav', type: 'did',
    group: { dimension: 'programme', treated: 'yes', control: 'no' }, time: { dimension: 'year', before: '2024', after: '2025' } };
  const withContrast = (change: Partial<ContrastSpec> | Record<string, unknown>): AnalysisSpec => ({ ...base, contrasts: [{ ...contrast, ...change } as ContrastSpec] });

  it('accepts the years as numbers, as a JSON author may write them', () => {
    const asText = estimateTable(data, withContrast({})).contrasts[0];
    const asNumbers = estimateTable(data, withContrast({ time: { dimension: 'year', before: 2024, after: 2025 } })).contrasts[0];
    expect(asNumbers).toEqual(asText);
  });

  it('names the key for an unknown indicator, dimension or group, a total, and a wrong type', () => {
    expect(() => estimateTable(data, withContrast({ indicator: 'nope' }))).toThrow(/contrasts\[0\]\.indicator: no indicator "nope"/);
    expect(() => estimateTable(data, withContrast({ indicator: 'victim_total' }))).toThrow(/contrasts\[0\]\.indicator: .*not a total/);
    expect(() => estimateTable(data, withContrast({ group: { dimension: 'programme', treated: 'si', control: 'no' } })))
      .toThrow(/contrasts\[0\]\.group\.treated: dimension "programme" has no group "si" \(it has no, yes\)/);
    expect(() => estimateTable(data, withContrast({ time: { dimension: 'wave', before: '1', after: '2' } }))).toThrow(/dimension "wave" is not defined/);
    expect(() => estimateTable(data, withContrast({ type: 'diff' }))).toThrow(/contrasts\[0\]\.type must be "did"/);
    expect(() => estimateTable(data, withContrast({ time: { dimension: 'programme', before: 'no', after: 'yes' } }))).toThrow(/different dimensions/);
  });

  it('a cell below the suppression minimum hides every number of the contrast', () => {
    const spec = { ...withContrast({}), suppression: { minN: 100000, flagBelowN: 200000, flagRse: 0.3 } };
    const [row] = estimateTable(data, spec).contrasts;
    expect(row).toMatchObject({ estimate: null, se: null, pValue: null, flag: 'suppressed', means: { treatedAfter: null } });
    expect(row?.n.treatedAfter).toBeGreaterThan(0);
  });
});
