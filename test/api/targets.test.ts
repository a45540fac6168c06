import { beforeAll, describe, expect, it } from 'vitest';
import type { TableResult } from '../../analysis/index.ts';
import { targetStatus, type TargetTable } from '../../api/indicators/target-table.ts';
import { analyticsDialectApp, FULL, type AnalyticsDialectApp, type Caller } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';

/* GET …/targets on both databases (issue #15): the numbers of the indicator table and its wave comparison. */
forEachDialect('programme targets', (ctx) => {
  let context: AnalyticsDialectApp;
  beforeAll(async () => {
    context = await analyticsDialectApp(ctx);
  }, 180_000);

  async function get<T>(path: string, caller: Caller = 'evaluator') {
    const response = await context.get(path, caller);
    return { status: response.status, body: (await response.json()) as T & { error?: { details: { field: string; issue: string }[] } } };
  }

  describe('GET /api/surveys/:slug/targets', () => {
    it('gives baseline, latest and the change with the numbers of the indicator table and its wave comparison', async () => {
      for (const weighting of ['design', 'raked']) {
        const { status, body } = await get<TargetTable>(`/api/surveys/${FULL}/targets?weighting=${weighting}`);
        expect(status).toBe(200);
        expect(body.latestWave).toBe(2025);
        expect(body.targets).toHaveLength(1);
        const row = body.targets[0]!;
        expect(row).toMatchObject({ indicator: 'trust_fav', label: 'Trusts the police (6-10 on 0-10)', target: 0.55, year: 2027, direction: 'increase' });
        const byWave = (await get<TableResult>(`/api/surveys/${FULL}/indicators?indicators=trust_fav&by=wave&weighting=${weighting}`)).body;
        for (const [key, wave] of [['baseline', '2024'], ['latest', '2025']] as const) {
          const expected = byWave.estimates.find((entry) => entry.groups.wave === wave && Object.keys(entry.groups).length === 1)!;
          expect(row[key]!.wave).toBe(Number(wave));
          expect(row[key]!.n).toBe(expected.n);
          for (const field of ['estimate', 'ciLow', 'ciHigh'] as const) expect(row[key]![field]).toBeCloseTo(expected[field]!, 12);
        }
        const compared = (await get<TableResult>(`/api/surveys/${FULL}/indicators?indicators=trust_fav&wave=2024,2025&compare=wave:2025,2024&weighting=${weighting}`)).body;
        const expected = compared.comparisons.find((entry) => Object.keys(entry.groups).length === 0)!;
        expect(expected.difference).not.toBeNull();
        for (const field of ['difference', 'ciLow', 'ciHigh', 'pValue'] as const) expect(row.change![field]).toBeCloseTo(expected[field]!, 12);
        expect(row.change!.difference).toBeCloseTo(row.latest!.estimate! - row.baseline!.estimate!, 12);
        expect(row.status).toBe(targetStatus({ estimate: row.latest!.estimate!, ciLow: row.latest!.ciLow, ciHigh: row.latest!.ciHigh }, 0.55, 'increase'));
      }
    });

    it('is for evaluators and up, and refuses unknown parameters and weightings, naming them', async () => {
      expect((await get(`/api/surveys/${FULL}/targets`, 'enumerator')).status).toBe(403);
      expect((await get(`/api/surveys/${FULL}/targets`, 'researcher')).status).toBe(200);
      const bad = await get(`/api/surveys/${FULL}/targets?wave=2025&weighting=heavy`);
      expect(bad.status).toBe(422);
      expect(bad.body.error!.details.map((detail) => detail.field).sort()).toEqual(['wave', 'weighting']);
    });
  });
});

describe('the target status', () => {
  it('decides the status on the latest interval against the target, mirrored where lower is better', () => {
    const latest = { estimate: 0.6, ciLow: 0.56, ciHigh: 0.64 };
    expect(targetStatus(latest, 0.55, 'increase')).toBe('reached with confidence');
    expect(targetStatus(latest, 0.58, 'increase')).toBe('reached by the point estimate only');
    expect(targetStatus(latest, 0.6, 'increase')).toBe('reached by the point estimate only');
    expect(targetStatus(latest, 0.65, 'increase')).toBe('not reached');
    expect(targetStatus(latest, 0.65, 'decrease')).toBe('reached with confidence');
    expect(targetStatus(latest, 0.62, 'decrease')).toBe('reached by the point estimate only');
    expect(targetStatus(latest, 0.55, 'decrease')).toBe('not reached');
    expect(targetStatus({ estimate: 0.6, ciLow: null, ciHigh: null }, 0.55, 'increase')).toBe('reached by the point estimate only');
  });
});
