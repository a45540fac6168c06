import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSurveyFile } from '../../surveys/check.ts';
import type { SurveyFile, TargetSpec } from '../../surveys/types.ts';

const instrument = JSON.parse(readFileSync('surveys/bih-police-trust.json', 'utf8')) as SurveyFile;
const withTarget = (target: Record<string, unknown>, change?: (file: SurveyFile) => void) => {
  const copy = structuredClone(instrument);
  copy.meta.targets = [target as unknown as TargetSpec];
  change?.(copy);
  return checkSurveyFile(copy);
};
const good = { indicator: 'trust_fav', baseline: '2024', target: 0.55, year: 2027 };

describe('programme targets in the meta', () => {
  it('the full instrument declares a target for trusting the police and passes', () => {
    expect(instrument.meta.targets).toEqual([good]);
    expect(checkSurveyFile(instrument)).toEqual([]);
    expect(withTarget({ indicator: 'eff_score', baseline: '2024', target: 70, year: 2027 })).toEqual([]);
    expect(withTarget({ indicator: 'trust_mean', baseline: '2024', target: 6.5, year: 2027, direction: 'increase' })).toEqual([]);
    expect(withTarget({ indicator: 'trust_net', baseline: '2024', target: -0.2, year: 2027, direction: 'decrease' })).toEqual([]);
  });

  it('refuses an unknown key, naming it', () => {
    expect(withTarget({ ...good, targetYear: 2027 })).toEqual([{ path: 'meta.targets[0].targetYear', message: expect.stringContaining('unknown key "targetYear"') }]);
  });

  it('refuses an unknown indicator and a second target for one indicator', () => {
    expect(withTarget({ ...good, indicator: 'trust_favourable' })).toEqual([{ path: 'meta.targets[0].indicator', message: 'no indicator "trust_favourable"' }]);
    const copy = structuredClone(instrument);
    copy.meta.targets = [good, { ...good, target: 0.6 }];
    expect(checkSurveyFile(copy)).toEqual([{ path: 'meta.targets[1].indicator', message: 'indicator "trust_fav" has a target already' }]);
  });

  it('refuses a baseline that is not a wave, and waves without a wave dimension', () => {
    for (const baseline of [2024, 'first', '', '2024-25']) {
      expect(withTarget({ ...good, baseline })).toEqual([{ path: 'meta.targets[0].baseline', message: expect.stringContaining('is not a wave') }]);
    }
    expect(withTarget(good, (file) => { delete file.meta.dimensions!.wave; delete file.meta.contrasts; })).toEqual([
      { path: 'meta.targets[0].baseline', message: expect.stringContaining('needs a dimension on the wave column') },
    ]);
  });

  it('refuses a target outside the indicator\'s values, saying the range', () => {
    expect(withTarget({ ...good, target: 55 })).toEqual([{ path: 'meta.targets[0].target', message: '55 is outside the values of "trust_fav" (0 to 1, a share)' }]);
    expect(withTarget({ ...good, indicator: 'eff_score', target: 120 })).toEqual([{ path: 'meta.targets[0].target', message: '120 is outside the values of "eff_score" (0 to 100)' }]);
    expect(withTarget({ ...good, indicator: 'trust_mean', target: 11 })).toEqual([{ path: 'meta.targets[0].target', message: '11 is outside the values of "trust_mean" (0 to 10)' }]);
    expect(withTarget({ ...good, indicator: 'trust_net', target: -1.5 })[0]!.path).toBe('meta.targets[0].target');
    expect(withTarget({ ...good, target: '0.55' })).toEqual([{ path: 'meta.targets[0].target', message: 'the target must be a number' }]);
  });

  it('refuses a year that is not a whole number, and an unknown direction', () => {
    for (const year of ['2027', 2027.5, null]) expect(withTarget({ ...good, year })).toEqual([{ path: 'meta.targets[0].year', message: 'the year must be a whole number, e.g. 2027' }]);
    expect(withTarget({ ...good, direction: 'down' })).toEqual([{ path: 'meta.targets[0].direction', message: expect.stringContaining('"decrease"') }]);
  });

  it('refuses targets that are not a list', () => {
    const copy = structuredClone(instrument);
    (copy.meta as Record<string, unknown>).targets = good;
    expect(checkSurveyFile(copy)).toEqual([{ path: 'meta.targets', message: 'must be a list of targets' }]);
  });
});
