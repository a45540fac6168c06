import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemo, type DemoRow } from '../../data/demo/generate.ts';
import { readRegions } from '../../data/regions.ts';
import { validateAnswers } from '../../surveys/answers.ts';
import type { SurveyFile } from '../../surveys/types.ts';

const regions = readRegions();
const instrument = JSON.parse(readFileSync(new URL('../../surveys/bih-police-trust.json', import.meta.url), 'utf8')) as SurveyFile;
const large = generateDemo({ responses: 5000, seed: 1, regions });

function correlation(rows: DemoRow[], first: string, second: string): number {
  const pairs = rows
    .map((row) => [row.answers[first], row.answers[second]])
    .filter((pair): pair is [number, number] => pair.every((value) => typeof value === 'number' && value < 7));
  const mean = (index: 0 | 1) => pairs.reduce((sum, pair) => sum + pair[index], 0) / pairs.length;
  const [meanFirst, meanSecond] = [mean(0), mean(1)];
  let covariance = 0, varianceFirst = 0, varianceSecond = 0;
  for (const [x, y] of pairs) {
    covariance += (x - meanFirst) * (y - meanSecond);
    varianceFirst += (x - meanFirst) ** 2;
    varianceSecond += (y - meanSecond) ** 2;
  }
  return covariance / Math.sqrt(varianceFirst * varianceSecond);
}

function weightedShare(rows: DemoRow[], test: (row: DemoRow) => boolean | undefined): number {
  let yes = 0, all = 0;
  for (const row of rows) {
    const result = test(row);
    if (result === undefined) continue;
    all += row.weight;
    if (result) yes += row.weight;
  }
  return yes / all;
}

describe('the demo generator', () => {
  it('gives the same rows for the same seed and different ones for another seed', () => {
    const again = generateDemo({ responses: 5000, seed: 1, regions });
    expect(again).toEqual(large);
    const other = generateDemo({ responses: 5000, seed: 2, regions });
    expect(other[0]!.id).not.toBe(large[0]!.id);
    expect(new Set(large.map((row) => row.id)).size).toBe(5000);
    expect(large[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('writes answers the server accepts for the full instrument, every one of them', () => {
    const rows = generateDemo({ responses: 400, seed: 7, regions });
    const refused = rows.map((row) => ({ id: row.id, issues: validateAnswers(instrument.definition, row.answers) })).filter((row) => row.issues.length > 0);
    expect(refused).toEqual([]);
  }, 60_000);

  it('has the declared design: every region a stratum in each wave, two or more PSUs nested in it, weights adding up to the census population', () => {
    expect(instrument.meta.design).toMatchObject({ weight: 'weight', strata: 'stratum', cluster: 'psu' });
    for (const wave of [2024, 2025]) {
      const rows = large.filter((row) => row.wave === wave);
      expect(rows).toHaveLength(2500);
      expect(rows.reduce((sum, row) => sum + row.weight, 0)).toBeCloseTo(3_531_159, 3);
      for (const region of regions) {
        const stratum = rows.filter((row) => row.stratum === region.id);
        const psus = new Set(stratum.map((row) => row.psu));
        expect(psus.size, region.id).toBeGreaterThanOrEqual(2);
        for (const psu of psus) expect(psu.startsWith(`${region.id}-${wave}-`)).toBe(true);
        expect(stratum[0]!.weight).toBeCloseTo(region.population / stratum.length, 6);
        expect(stratum.every((row) => row.answers.region === region.id)).toBe(true);
      }
    }
  });

  it('is marked synthetic, answered in all five languages, in both modes, with some items left unanswered', () => {
    expect(large.every((row) => row.isSynthetic)).toBe(true);
    expect(new Set(large.map((row) => row.language))).toEqual(new Set(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']));
    expect(new Set(large.map((row) => row.mode))).toEqual(new Set(['web', 'enumerator']));
    const unanswered = large.filter((row) => row.answers.trust_police === undefined).length;
    expect(unanswered / large.length).toBeGreaterThan(0.01);
    expect(unanswered / large.length).toBeLessThan(0.06);
    expect(large.some((row) => row.answers.pf_fair === 8)).toBe(true);
  });

  it('makes items of one construct agree more with each other than with another construct', () => {
    const within = correlation(large, 'eff_prevent', 'eff_burglars');
    const across = correlation(large, 'eff_prevent', 'leg_do_as_told');
    expect(within).toBeGreaterThan(0.4);
    expect(within).toBeGreaterThan(across + 0.15);
  });

  it('shows regional, wave and channel differences', () => {
    const trusts = (row: DemoRow) => (typeof row.answers.trust_police === 'number' ? row.answers.trust_police >= 6 : undefined);
    const byRegion = regions.map((region) => weightedShare(large.filter((row) => row.stratum === region.id), trusts));
    expect(Math.max(...byRegion) - Math.min(...byRegion)).toBeGreaterThan(0.08);
    const satisfied = (channel: string) => weightedShare(large.filter((row) => row.answers.last_channel === channel), (row) =>
      typeof row.answers.last_satisfaction === 'number' ? row.answers.last_satisfaction >= 4 : undefined);
    expect(satisfied('community_officer')).toBeGreaterThan(satisfied('phone_122') + 0.15);
    const meanTrust = (wave: number) => {
      const rows = large.filter((row) => row.wave === wave && row.answers.entity === 'fbih' && typeof row.answers.trust_police === 'number');
      return rows.reduce((sum, row) => sum + (row.answers.trust_police as number) * row.weight, 0) / rows.reduce((sum, row) => sum + row.weight, 0);
    };
    expect(meanTrust(2025) - meanTrust(2024)).toBeGreaterThan(0.1);
    const noContactRows = large.filter((row) => row.answers.contact_any === 2 || row.answers.contact_any === 7);
    // Some prefer not to say whether they had contact (refusal, 7): then, too, nothing about contact follows.
    expect(large.filter((row) => row.answers.contact_any === 7).length / large.length).toBeGreaterThan(0.01);
    expect(noContactRows.every((row) => row.answers.channels_used === undefined && row.answers.last_satisfaction === undefined)).toBe(true);
  });
});
