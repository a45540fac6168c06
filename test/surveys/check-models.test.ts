import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSurveyFile } from '../../surveys/check.ts';
import type { IndicatorSpec, SurveyFile } from '../../surveys/types.ts';

const instrument = JSON.parse(readFileSync('surveys/bih-police-trust.json', 'utf8')) as SurveyFile;
const broken = (change: (file: SurveyFile) => void) => {
  const copy = structuredClone(instrument);
  change(copy);
  return checkSurveyFile(copy);
};
const withIndicator = (indicator: Record<string, unknown>) => broken((file) => { file.meta.indicators!.push(indicator as unknown as IndicatorSpec); });
const last = () => `meta.indicators[${instrument.meta.indicators!.length}]`;

describe('second-edition meta: models, contrasts, totals, ratios, quantiles, fpc and replicate weights', () => {
  it('the full instrument declares a gaussian and a binomial model and a did contrast, and passes', () => {
    expect(instrument.meta.models!.map((model) => [model.id, model.family])).toEqual([['trust_drivers', 'gaussian'], ['trust_fav_drivers', 'binomial']]);
    expect(instrument.meta.contrasts!.map((contrast) => contrast.type)).toEqual(['did']);
    expect(checkSurveyFile(instrument)).toEqual([]);
  });

  it('accepts totals, ratios and quantiles of numeric questions', () => {
    expect(withIndicator({ id: 'trusting_people', type: 'total', item: 'trust_police', favourable: [6, 7, 8, 9, 10], missing: [77, 88, 99] })).toEqual([]);
    expect(withIndicator({ id: 'trust_total', type: 'total', item: 'trust_police', missing: [77, 88, 99] })).toEqual([]);
    expect(withIndicator({ id: 'courts_per_police', type: 'ratio', item: 'trust_courts', denominator: 'trust_police', missing: [77, 88, 99] })).toEqual([]);
    expect(withIndicator({ id: 'trust_median', type: 'quantile', item: 'trust_police', quantile: 0.5, missing: [77, 88, 99] })).toEqual([]);
  });

  it('refuses a quantile outside (0, 1), a ratio without a denominator that exists, and an unknown indicator key, naming each', () => {
    for (const quantile of [0, 1, 1.5, -0.1, '0.5']) {
      expect(withIndicator({ id: 'q', type: 'quantile', item: 'trust_police', quantile, missing: [77, 88, 99] })).toEqual([
        { path: `${last()}.quantile`, message: 'a quantile indicator needs "quantile", a probability strictly between 0 and 1 (0.5 for the median)' },
      ]);
    }
    expect(withIndicator({ id: 'r', type: 'ratio', item: 'trust_courts', denominator: 'trust_polic', missing: [77, 88, 99] })).toEqual([
      { path: `${last()}.denominator`, message: 'no question named "trust_polic"' },
    ]);
    expect(withIndicator({ id: 'r', type: 'ratio', item: 'trust_courts', missing: [77, 88, 99] })[0]!.path).toBe(`${last()}.denominator`);
    expect(withIndicator({ id: 's', type: 'share', item: 'trust_police', favorable: [6], favourable: [6] })).toEqual([
      { path: `${last()}.favorable`, message: expect.stringContaining('unknown key "favorable"') },
    ]);
    expect(withIndicator({ id: 'median_region', type: 'quantile', item: 'region', quantile: 0.5 })).toEqual([
      { path: last(), message: expect.stringContaining('"region" has non-numeric values') },
    ]);
  });

  it('refuses models whose keys, family, outcome or predictors do not fit the questionnaire', () => {
    const model = (change: Record<string, unknown>) => broken((file) => { Object.assign(file.meta.models![0]!, change); });
    expect(model({ predictor: ['pf_score'] })).toEqual([{ path: 'meta.models[0].predictor', message: expect.stringContaining('unknown key "predictor"') }]);
    expect(model({ family: 'poisson' })).toEqual([{ path: 'meta.models[0].family', message: 'family must be "gaussian" or "binomial"' }]);
    expect(model({ predictors: ['pf_score', 'eff_scor'], categorical: [] })).toEqual([
      { path: 'meta.models[0].predictors[1]', message: '"eff_scor" is neither an indicator nor a question of this questionnaire' },
    ]);
    expect(model({ predictors: ['pf_score', 'region'], categorical: ['sex'] })).toEqual([
      { path: 'meta.models[0].predictors[1]', message: '"region" has text values (una_sana, posavina, tuzla, zenica_doboj…); list it in "categorical"' },
      { path: 'meta.models[0].categorical[0]', message: '"sex" is not one of the model\'s predictors' },
    ]);
    expect(model({ outcome: 'trust_mean', predictors: ['trust_mean'], categorical: [] })).toEqual([{ path: 'meta.models[0].predictors[0]', message: '"trust_mean" is the outcome' }]);
    expect(model({ family: 'binomial' })).toEqual([
      { path: 'meta.models[0].outcome', message: 'a binomial model needs a 0/1 outcome: a share indicator or a question answered 0 or 1' },
    ]);
    expect(model({ predictors: [] })).toEqual([{ path: 'meta.models[0].predictors', message: 'a model needs a list of at least one predictor' }]);
    expect(broken((file) => { file.meta.models!.push({ ...file.meta.models![0]! }); })).toEqual([
      { path: 'meta.models[2].id', message: 'model id "trust_drivers" is used twice' },
    ]);
    expect(model({ predictors: ['pf_score', 'wave'], categorical: ['wave'] })).toEqual([]);
  });

  it('refuses did contrasts with values, dimensions or indicators that do not exist', () => {
    const contrast = (change: (value: Record<string, any>) => void) => broken((file) => { change(file.meta.contrasts![0] as unknown as Record<string, any>); });
    expect(contrast((value) => { value.group.treated = 'federation'; })).toEqual([{ path: 'meta.contrasts[0].group.treated', message: '"federation" is not a value of "entity"' }]);
    expect(contrast((value) => { value.time.after = '2024'; })).toEqual([{ path: 'meta.contrasts[0].time.after', message: 'must differ from "before"' }]);
    expect(contrast((value) => { value.group.dimension = 'channel'; })).toEqual([
      { path: 'meta.contrasts[0].group.dimension', message: expect.stringContaining('"channel" is not a dimension with a column') },
    ]);
    expect(contrast((value) => { value.indicator = 'trust'; })).toEqual([{ path: 'meta.contrasts[0].indicator', message: 'no indicator "trust"' }]);
    expect(contrast((value) => { value.type = 'diff'; value.time.wave = '2025'; })).toEqual([
      { path: 'meta.contrasts[0].type', message: 'type must be "did" (difference in differences)' },
      { path: 'meta.contrasts[0].time.wave', message: 'unknown key "wave" (allowed: dimension, before, after)' },
    ]);
    expect(contrast((value) => { value.time.before = 2024; })).toEqual([{ path: 'meta.contrasts[0].time.before', message: 'must be a value of the dimension, as text (e.g. "2024")' }]);
  });

  it('refuses unknown design keys, replicate weights R would not take, and raking a replicate design', () => {
    const design = (change: Record<string, unknown>) => broken((file) => { Object.assign(file.meta.design!, change); });
    expect(design({ fcp: 'psu' })).toEqual([{ path: 'meta.design.fcp', message: 'unknown key "fcp" (allowed: weight, strata, cluster, lonelyPsu, fpc, replicates)' }]);
    expect(design({ fpc: 'psus_in_stratum' })).toEqual([{ path: 'meta.design.fpc', message: expect.stringContaining('"psus_in_stratum" is neither a question') }]);
    expect(design({ fpc: 'weight' })).toEqual([]);
    const replicates = (value: Record<string, unknown>) => broken((file) => { Object.assign(file.meta.design!, { replicates: value }); delete file.meta.weighting; });
    expect(replicates({ columns: ['trust_police', 'trust_courts'], type: 'JK1' })).toEqual([]);
    expect(replicates({ columns: ['trust_police', 'rep_2'], type: 'JK2', rhoo: 0.5 })).toEqual([
      { path: 'meta.design.replicates.rhoo', message: 'unknown key "rhoo" (allowed: columns, type, scale, rscales, rho, mse)' },
      { path: 'meta.design.replicates.columns[1]', message: '"rep_2" is not a question of this questionnaire' },
      { path: 'meta.design.replicates.type', message: 'must be one of BRR, Fay, JK1, JKn, bootstrap, other' },
    ]);
    expect(replicates({ columns: ['trust_police', 'trust_courts'], type: 'Fay' })).toEqual([{ path: 'meta.design.replicates.rho', message: 'a Fay design needs rho in [0, 1)' }]);
    expect(replicates({ columns: ['trust_police', 'trust_courts'], type: 'JKn' })[0]!.path).toBe('meta.design.replicates.rscales');
    expect(design({ replicates: { columns: ['trust_police', 'trust_courts'], type: 'bootstrap' } })).toEqual([
      { path: 'meta.weighting.rake', message: expect.stringContaining('a design with replicate weights cannot be raked here') },
    ]);
  });
});
