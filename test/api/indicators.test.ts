import { beforeAll, describe, expect, it } from 'vitest';
import { estimateTable, type AnalysisSpec, type Column, type EstimateRow } from '../../analysis/index.ts';
import { variableLayout, packAnswers, packedValue } from '../../api/indicators/layout.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { analyticsDialectApp, CALLERS, FULL, storedResponses, type AnalyticsDialectApp, type Caller } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';
import { post } from './helpers.ts';

/*
 * GET …/indicators on both databases (issue #15): the engine's numbers for the rows each database
 * stores, suppression, reliability, comparisons, 422s and roles; response_values written with
 * each response, removed with it and backfilled.
 */
forEachDialect('indicator tables', (ctx) => {
  let context: AnalyticsDialectApp;
  beforeAll(async () => {
    context = await analyticsDialectApp(ctx);
  }, 180_000);

  /** Columns built independently of response_values: straight from the stored JSON answers of one wave. */
  async function columnsFromJson(wave: number, meta: SurveyMeta, items: string[]) {
    const rows = (await storedResponses(context)).filter((row) => row.wave === wave);
    const data: Record<string, Column> = {
      weight: new Float64Array(rows.map((row) => row.weight!)),
      stratum: rows.map((row) => row.stratum), psu: rows.map((row) => row.psu),
      region: rows.map((row) => (row.answers.region as string | undefined) ?? null),
    };
    for (const item of items) data[item] = new Float64Array(rows.map((row) => Number(row.answers[item] ?? NaN)));
    const channel = meta.dimensions!.channel as { multiple: Record<string, string> };
    for (const [choice, column] of Object.entries(channel.multiple)) {
      data[column] = new Float64Array(rows.map((row) => {
        const ticked = row.answers.channels_used;
        return Array.isArray(ticked) ? (ticked.includes(choice) ? 1 : 0) : NaN;
      }));
    }
    return data;
  }

  async function table(query: string, caller: Caller = 'evaluator') {
    const response = await context.get(`/api/surveys/${FULL}/indicators?${query}`, caller);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  describe('GET /api/surveys/:slug/indicators', () => {
    it('returns the engine\'s numbers for the stored responses (one wave, design weights and raked)', async () => {
      const meta = context.survey.meta;
      const indicators = meta.indicators!.filter((indicator) => ['trust_fav', 'pf_score', 'integrity_score'].includes(indicator.id));
      const items = [...new Set(indicators.flatMap((indicator) => [indicator.item, ...(indicator.items ?? [])]).filter((item): item is string => !!item))];
      const data = await columnsFromJson(2025, meta, items);
      const spec: AnalysisSpec = {
        design: { weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' },
        dimensions: meta.dimensions as AnalysisSpec['dimensions'], indicators: indicators as AnalysisSpec['indicators'], suppression: meta.suppression!,
      };
      for (const weighting of ['design', 'raked'] as const) {
        const expected = estimateTable(data, weighting === 'raked' ? { ...spec, weighting: meta.weighting } : spec, { by: ['region', 'channel'] });
        const { status, body } = await table(`by=region,channel&wave=2025&weighting=${weighting}&indicators=trust_fav,pf_score,integrity_score`);
        expect(status).toBe(200);
        expect(body.estimates).toHaveLength(expected.estimates.length);
        for (const [index, row] of (body.estimates as EstimateRow[]).entries()) {
          const want = expected.estimates[index]!;
          expect(row.groups).toEqual(want.groups);
          expect(row.n).toBe(want.n);
          expect(row.flag).toBe(want.flag);
          for (const key of ['estimate', 'se', 'ciLow', 'ciHigh', 'deff'] as const) {
            if (want[key] === null) expect(row[key]).toBeNull();
            else expect(row[key]).toBeCloseTo(want[key] as number, 10);
          }
        }
        expect(body.design).toEqual(expected.design);
      }
    });

    it('applies suppression: small region × channel cells keep n but lose their estimate', async () => {
      const { body } = await table('by=region,channel&indicators=trust_fav');
      const suppressed = (body.estimates as EstimateRow[]).filter((row) => row.flag === 'suppressed');
      expect(suppressed.length).toBeGreaterThan(0);
      for (const row of suppressed) {
        expect(row.n).toBeLessThan(30);
        expect([row.estimate, row.se, row.ciLow, row.ciHigh]).toEqual([null, null, null, null]);
      }
      for (const row of body.estimates as EstimateRow[]) if (row.n < 30) expect(row.flag).toBe('suppressed');
      expect(body.suppression).toEqual({ minN: 30, flagBelowN: 60, flagRse: 0.3 });
    });

    it('gives reliability per construct and wave-to-wave differences', async () => {
      const { status, body } = await table('by=region&compare=wave:2025,2024');
      expect(status).toBe(200);
      const constructs = new Set((body.reliability as { construct: string }[]).map((row) => row.construct));
      expect([...constructs].sort()).toEqual(['effectiveness', 'integrity', 'legitimacy_moral_alignment', 'legitimacy_obligation', 'procedural_fairness']);
      const whole = (body.reliability as { construct: string; groups: object; alpha: number }[]).find((row) => row.construct === 'procedural_fairness' && Object.keys(row.groups).length === 0)!;
      expect(whole.alpha).toBeGreaterThan(0.3);
      const trust = (body.comparisons as { indicator: string; groups: object; groupA: string; groupB: string; difference: number; estimateA: number; estimateB: number; pValue: number }[])
        .find((row) => row.indicator === 'trust_fav' && Object.keys(row.groups).length === 0)!;
      expect([trust.groupA, trust.groupB]).toEqual(['2025', '2024']);
      expect(trust.difference).toBeCloseTo(trust.estimateA - trust.estimateB, 12);
      expect(trust.pValue).toBeGreaterThanOrEqual(0);
      // Each wave raked on its own: the wave estimates equal those of a request for that wave alone.
      const alone = await table('wave=2025&indicators=trust_fav');
      expect(trust.estimateA).toBeCloseTo(alone.body.estimates[0].estimate, 12);
    });

    it('refuses bad input with 422 naming the field', async () => {
      const cases: [string, string][] = [
        ['by=province', 'by'], ['by=region,region', 'by'], ['wave=1999', 'wave'], ['wave=abc', 'wave'],
        ['weighting=heavy', 'weighting'], ['indicators=trust_fav,happiness', 'indicators'],
        ['compare=wave', 'compare'], ['compare=planet:mars', 'compare'], ['compare=wave:2030,2024', 'compare'], ['colour=red', 'colour'],
      ];
      for (const [query, field] of cases) {
        const { status, body } = await table(query);
        expect(status, query).toBe(422);
        expect(body.error.type).toBe('validation');
        expect(body.error.details.map((detail: { field: string }) => detail.field), query).toContain(field);
      }
      expect((await context.get('/api/surveys/no-such-survey/indicators', 'admin')).status).toBe(404);
    });

    it('lets admin, member researchers and evaluators read it; others get 403, anonymous 401', async () => {
      const expected: Record<Caller, number> = { admin: 200, researcher: 200, outsider: 403, evaluator: 200, enumerator: 403 };
      for (const caller of CALLERS) expect((await context.get(`/api/surveys/${FULL}/indicators?indicators=trust_fav`, caller)).status, caller).toBe(expected[caller]);
      expect((await context.get(`/api/surveys/${FULL}/indicators`)).status).toBe(401);
    });
  });

  describe('response_values', () => {
    it('is written with every stored response, removed with it, and backfilled when missing', async () => {
      const before = (await table('indicators=trust_fav,eff_score&by=region')).body.estimates;
      const count = async () => (await context.rows('response_values')).length;
      const stored = (await storedResponses(context)).length;
      expect(await count()).toBe(stored);
      const id = (await storedResponses(context))[0]!.id;
      await context.execute('DELETE FROM responses WHERE id = ?', [id]);
      expect(await count()).toBe(stored - 1);
      // Rows stored before the migration have no values: the next request fills them in.
      await context.execute('DELETE FROM response_values');
      const after = (await table('indicators=trust_fav,eff_score&by=region')).body;
      expect(await count()).toBe(stored - 1);
      expect(after.design.n).toBe(stored - 1);
      expect(after.estimates.map((row: EstimateRow) => row.indicator)).toEqual(before.map((row: EstimateRow) => row.indicator));
    });

    it('is written in the same transaction as a submitted web response, which counts with weight 1 in its own stratum', async () => {
      const demo = (await storedResponses(context))[0]!;
      const id = crypto.randomUUID();
      const response = await post(context.app, FULL, { id, language: demo.language, answers: demo.answers });
      expect(response.status).toBe(201);
      const values = (await context.rows('response_values')).find((row) => row.response_id === id)!;
      expect([values.mode, values.weight, values.wave]).toEqual(['web', null, null]);
      const { status, body } = await table('indicators=trust_fav&weighting=design');
      expect(status).toBe(200);
      expect(body.withoutDesignWeight).toBe(1);
      const raked = await table('indicators=trust_fav');
      expect(raked.status).toBe(200);
      expect(raked.body.notes.some((note: string) => note.startsWith('Responses without a wave (e.g. web responses): no respondents in 11 of 12 census categories of region'))).toBe(true);
      await context.execute('DELETE FROM responses WHERE id = ?', [id]);
    });
  });
});

describe('response_values layout', () => {
  it('keeps positions across versions: a removed question stays, an added one is missing for earlier answers', () => {
    const v1 = { pages: [{ elements: [
      { type: 'rating', name: 'trust', rateMin: 0, rateMax: 10 },
      { type: 'dropdown', name: 'region', choices: ['tuzla', 'sarajevo'] },
      { type: 'checkbox', name: 'channels', choices: ['app', 'phone'] },
      { type: 'radiogroup', name: 'old_item', choices: [1, 2] },
    ] }] };
    const v2 = { pages: [{ elements: [
      { type: 'dropdown', name: 'region', choices: ['tuzla', 'sarajevo', 'brcko'] },
      { type: 'rating', name: 'trust', rateMin: 0, rateMax: 10 },
      { type: 'checkbox', name: 'channels', choices: ['app', 'phone', 'email'] },
      { type: 'radiogroup', name: 'new_item', choices: [1, 2] },
      { type: 'text', name: 'comment' },
    ] }] };
    const first = variableLayout([v1]);
    const both = variableLayout([v1, v2]);
    const packed = packAnswers(first, { trust: 7, region: 'sarajevo', channels: ['phone'], old_item: 2 });
    const read = (name: string) => packedValue(packed, both.byName.get(name)!.position);
    expect(read('trust')).toBe(7);
    expect(both.byName.get('region')!.codes[read('region')]).toBe('sarajevo');
    expect([read('channels_app'), read('channels_phone'), read('channels_email')]).toEqual([0, 1, NaN]);
    expect(read('old_item')).toBe(2);
    expect(read('new_item')).toBeNaN();
    expect(both.byName.has('comment')).toBe(false);
    expect(both.byName.get('old_item')!.versions).toEqual([1]);
    expect(both.byName.get('trust')!.versions).toEqual([1, 2]);
  });
});
