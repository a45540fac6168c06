import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateTable } from '../../analysis/index.ts';
import type { AnalysisSpec, DesignSpec, ModelResult } from '../../analysis/types.ts';
import { closeTo, readCsvColumns, readJson, readSpec } from './fixtures.ts';

interface ModelFixture {
  design: DesignSpec;
  weighting?: AnalysisSpec['weighting'];
  models: ModelResult[];
}

const data = readCsvColumns('second.csv');
const fields = ['estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'] as const;

function modelsOf(name: string): { expected: ModelResult[]; actual: ModelResult[] } {
  const fixture = readJson<ModelFixture>(`${name}.expected.json`);
  const spec: AnalysisSpec = { ...readSpec('second.spec.json'), design: fixture.design, ...(fixture.weighting ? { weighting: fixture.weighting } : {}) };
  return { expected: fixture.models, actual: estimateTable(data, spec).models };
}

// Fixtures by test/fixtures/analysis/make-second-edition.R: summary(svyglm(...)) in R survey 4.1.1.
describe('models equal R svyglm to a relative 1e-8', () => {
  for (const [name, description] of [
    ['second-models-raked', 'raked design (rake(), calibration residuals in the sandwich)'],
    ['second-models-fpc', 'stratified cluster design with fpc'],
    ['second-models-jk1', 'JK1 replicate design (refitted on every replicate)'],
  ] as const) {
    it(`gaussian and quasibinomial on a ${description}: terms, estimates, SE, t, p, interval, n, df`, () => {
      const { expected, actual } = modelsOf(name);
      expect(actual.map((model) => [model.id, model.family, model.n, model.dfResidual]))
        .toEqual(expected.map((model) => [model.id, model.family, model.n, model.dfResidual]));
      const problems: string[] = [];
      expected.forEach((model, m) => {
        const ours = actual[m] as ModelResult;
        expect(ours.coefficients.map((row) => row.term)).toEqual(model.coefficients.map((row) => row.term));
        model.coefficients.forEach((row, k) => {
          for (const field of fields) {
            if (!closeTo(ours.coefficients[k]?.[field], row[field])) problems.push(`${model.id} ${row.term} ${field}: ours ${ours.coefficients[k]?.[field]}, R ${row[field]}`);
          }
        });
      });
      expect(problems).toEqual([]);
    });
  }

  it('refuses a predictor that is neither an indicator nor a column, naming it', () => {
    const spec: AnalysisSpec = { ...readSpec('second.spec.json'), models: [{ id: 'm', family: 'gaussian', outcome: 'eff_prevent', predictors: ['pf_scroe'] }] };
    expect(() => estimateTable(data, spec)).toThrow(/model "m": predictor "pf_scroe" is neither an indicator of the spec nor a column/);
  });
});

describe('property: a model with only an intercept is the mean', () => {
  it('intercept and its SE equal the weighted mean and its linearised SE, on random stratified cluster designs', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 5 }), (seed, strata) => {
      let state = seed;
      const random = (): number => ((state = (state * 16807) % 2147483647) / 2147483647);
      const rows = 120;
      const columns = {
        w: Float64Array.from({ length: rows }, () => 1 + 9 * random()),
        stratum: Array.from({ length: rows }, (_, row) => String(row % strata)),
        psu: Array.from({ length: rows }, (_, row) => String(Math.floor(row / strata) % 4)),
        y: Float64Array.from({ length: rows }, () => Math.round(10 * random())),
      };
      const table = estimateTable(columns, {
        design: { weight: 'w', strata: 'stratum', cluster: 'psu' },
        indicators: [{ id: 'y_mean', type: 'mean', item: 'y' }],
        df: 'design',
        models: [{ id: 'intercept', family: 'gaussian', outcome: 'y_mean', predictors: [] }],
      });
      const mean = table.estimates[0]!;
      const intercept = table.models[0]!.coefficients[0]!;
      expect(closeTo(intercept.estimate, mean.estimate, 1e-10)).toBe(true);
      expect(closeTo(intercept.se, mean.se, 1e-8)).toBe(true);
      expect(closeTo(intercept.ciLow, mean.ciLow, 1e-8)).toBe(true);
    }), { numRuns: 40, seed: 13 });
  });
});
