import { describe, expect, it } from 'vitest';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, EstimateRow } from '../../analysis/types.ts';
import { mismatches, readCsvColumns, readJson, readSpec, rowKey } from './fixtures.ts';

interface Fixture {
  data: string;
  spec: string;
  by: string[];
  design?: { n: number; strata: number; psus: number; degf: number };
  weighting?: AnalysisSpec['weighting'];
  lonelyPsu?: 'adjust' | 'remove' | 'certainty' | 'average';
  adjustDomainLonely?: boolean;
  estimates: (Partial<EstimateRow> & { indicator: string; groups: Record<string, string> })[];
}

export function runFixture(name: string): { fixture: Fixture; table: ReturnType<typeof estimateTable> } {
  const fixture = readJson<Fixture>(`${name}.expected.json`);
  const spec = readSpec(fixture.spec);
  if (fixture.weighting) spec.weighting = fixture.weighting;
  if (fixture.lonelyPsu) {
    spec.design = { ...spec.design, lonelyPsu: fixture.lonelyPsu, adjustDomainLonely: fixture.adjustDomainLonely ?? false };
  }
  return { fixture, table: estimateTable(readCsvColumns(fixture.data), spec, { by: fixture.by }) };
}

const fields = ['estimate', 'se', 'ciLow', 'ciHigh', 'deff', 'n'] as const;

// Each fixture was produced by test/fixtures/analysis/make-fixtures.R: per domain,
// svymean(~y, design[domain, ], deff = TRUE) for estimate, SE and deff; svyciprop(method = "logit"
// or "beta") or confint(svymean, df = degf(domain design)) for intervals; prop.test(correct = FALSE)
// for Wilson; svyby(~y, ~region, design, svymean, deff = TRUE) is checked equal in the script.
const scenarios: [string, string][] = [
  ['stratified', 'stratified cluster design with unequal weights (svydesign(ids=~psu, strata=~stratum, weights=~w, nest=TRUE))'],
  ['srs', 'unweighted simple random sample (svydesign(ids=~1))'],
  ['raked', 'design raked to region and sex margins (rake())'],
  ['post-stratified', 'design post-stratified to age groups (postStratify())'],
  ['lonely-adjust', 'lonely PSU, options(survey.lonely.psu = "adjust")'],
  ['lonely-remove', 'lonely PSU, options(survey.lonely.psu = "remove")'],
  ['lonely-certainty', 'lonely PSU, options(survey.lonely.psu = "certainty")'],
  ['lonely-average', 'lonely PSU, options(survey.lonely.psu = "average")'],
  ['lonely-adjust-domain', 'lonely PSU "adjust" with options(survey.adjust.domain.lonely = TRUE)'],
  ['lonely-average-domain', 'lonely PSU "average" with options(survey.adjust.domain.lonely = TRUE)'],
  ['lonely-remove-domain', 'lonely PSU "remove" with options(survey.adjust.domain.lonely = TRUE)'],
];

describe('estimates equal R survey 4.1.1 to a relative 1e-8', () => {
  for (const [name, description] of scenarios) {
    it(`${name}: ${description}`, () => {
      const { fixture, table } = runFixture(name);
      const ours = new Map(table.estimates.map((row) => [rowKey(row), row]));
      expect(fixture.estimates.length).toBeGreaterThan(10);
      const problems: string[] = [];
      for (const expected of fixture.estimates) {
        const actual = ours.get(rowKey(expected));
        if (!actual) problems.push(`${rowKey(expected)}: missing`);
        else for (const problem of mismatches(actual, expected, fields)) problems.push(`${rowKey(expected)} ${problem}`);
      }
      expect(problems).toEqual([]);
      if (fixture.design) expect(table.design).toEqual(fixture.design);
    });
  }

  it('reports nEffective as n / deff on every row', () => {
    const { table } = runFixture('stratified');
    for (const row of table.estimates) {
      expect(row.nEffective).toBeCloseTo(row.n / (row.deff as number), 9);
    }
  });

  it('covers whole sample, one dimension, a multiple-response dimension and the crossing', () => {
    const { table } = runFixture('stratified');
    const shapes = new Set(table.estimates.map((row) => Object.keys(row.groups).join('×')));
    expect([...shapes].sort()).toEqual(['', 'channel', 'region', 'region×channel']);
  });
});
