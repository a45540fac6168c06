import { beforeAll, describe, expect, it } from 'vitest';
import { estimateTable, type AnalysisSpec, type Column, type IndicatorSpec, type ModelSpec } from '../../analysis/index.ts';
import type { ModelTable } from '../../api/indicators/model-table.ts';
import { analyticsDialectApp, FULL, storedResponses, type AnalyticsDialectApp, type Caller, type StoredResponse } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';

/* GET …/models and models.svg on both databases (issue #15), against the engine on each one's stored rows. */
forEachDialect('models', (ctx) => {
  let context: AnalyticsDialectApp;
  beforeAll(async () => {
    context = await analyticsDialectApp(ctx);
  }, 180_000);

  async function models(query: string, caller: Caller = 'evaluator') {
    const response = await context.get(`/api/surveys/${FULL}/models?${query}`, caller);
    return { status: response.status, body: (await response.json()) as ModelTable & { error?: { details: { field: string; issue: string }[] } } };
  }

  /** One wave's stored rows as engine columns, straight from the JSON answers (not response_values). */
  async function storedColumns(wave: number, names: string[]) {
    const rows = (await storedResponses(context)).filter((row) => row.wave === wave);
    const answer = (row: StoredResponse, name: string) => row.answers[name];
    const data: Record<string, Column> = {
      weight: new Float64Array(rows.map((row) => row.weight!)), stratum: rows.map((row) => row.stratum), psu: rows.map((row) => row.psu),
    };
    for (const name of names) {
      const values = rows.map((row) => answer(row, name));
      data[name] = values.some((value) => typeof value === 'string')
        ? values.map((value) => (value === undefined ? null : String(value)))
        : new Float64Array(values.map((value) => (value === undefined ? NaN : Number(value))));
    }
    return data;
  }

  describe('GET /api/surveys/:slug/models', () => {
    it('fits the meta\'s gaussian and binomial models as the engine (R svyglm) does on the same rows', async () => {
      const meta = context.survey.meta;
      const { status, body } = await models('wave=2025&weighting=design');
      expect(status).toBe(200);
      expect(body.models.map((model) => [model.id, model.family])).toEqual([['trust_drivers', 'gaussian'], ['trust_fav_drivers', 'binomial']]);
      for (const model of meta.models! as ModelSpec[]) {
        const indicators = (meta.indicators as IndicatorSpec[]).filter((indicator) => [model.outcome, ...model.predictors].includes(indicator.id));
        const questions = model.predictors.filter((name) => !indicators.some((indicator) => indicator.id === name));
        const items = [...new Set([...indicators.flatMap((indicator) => [indicator.item, ...(indicator.items ?? [])]), ...questions])].filter((name): name is string => !!name);
        const spec: AnalysisSpec = { design: { weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' }, indicators, models: [model] };
        const expected = estimateTable(await storedColumns(2025, items), spec, { breakdowns: [] }).models[0]!;
        const got = body.models.find((entry) => entry.id === model.id)!;
        expect(got.n).toBe(expected.n);
        expect(got.dfResidual).toBe(expected.dfResidual);
        expect(got.flag).toBeNull();
        expect(got.coefficients.map((row) => row.term)).toEqual(expected.coefficients.map((row) => row.term));
        got.coefficients.forEach((row, index) => {
          for (const key of ['estimate', 'se', 't', 'pValue', 'ciLow', 'ciHigh'] as const) expect(row[key]).toBeCloseTo(expected.coefficients[index]![key]!, 9);
        });
      }
    });

    it('labels every coefficient in words, categories against their reference (the first in R\'s factor order)', async () => {
      const { body } = await models('wave=2025');
      const labels = Object.fromEntries(body.models[0]!.coefficients.map((row) => [row.term, row.label]));
      expect(labels).toMatchObject({
        '(Intercept)': 'Intercept', pf_score: 'Procedural fairness, 0-100 (per point)', eff_score: 'Police effectiveness, 0-100 (per point)',
        sex2: 'Sex: Female (against Male)', age_group30_44: 'Age group: 30 to 44 (against 18 to 29)', regionsarajevo: 'Region: Sarajevo Canton (against Bosnian-Podrinje Canton Goražde)',
      });
      expect(body.models[0]!.outcome).toEqual({ name: 'trust_mean', label: 'Trust in the police, mean 0-10' });
    });

    it('says the data are synthetic first, and carries the did contrast of the meta when its waves are in the table', async () => {
      const pooled = await models('');
      expect(pooled.status).toBe(200);
      expect(pooled.body.synthetic).toBeGreaterThan(0);
      expect(pooled.body.notes[0]).toMatch(/^SYNTHETIC DATA/);
      expect(pooled.body.filters).toEqual({ wave: null, weighting: 'raked', models: ['trust_drivers', 'trust_fav_drivers'] });
      const [did] = pooled.body.contrasts;
      expect(did).toMatchObject({ id: 'trust_fav_did', error: null, labels: { treated: 'Federation of Bosnia and Herzegovina', control: 'Republika Srpska', before: '2024', after: '2025' } });
      expect(did!.estimate).toBeCloseTo(did!.means.treatedAfter! - did!.means.treatedBefore! - (did!.means.controlAfter! - did!.means.controlBefore!), 12);
      const oneWave = await models('wave=2025&models=trust_drivers');
      expect(oneWave.body.models.map((model) => model.id)).toEqual(['trust_drivers']);
      expect(oneWave.body.contrasts[0]!.estimate).toBeNull();
      expect(oneWave.body.contrasts[0]!.error).toContain('2024');
    });

    it('draws one model as a dot-and-whisker chart with every label whole', async () => {
      const response = await context.get(`/api/surveys/${FULL}/models.svg?models=trust_drivers&wave=2025`, 'evaluator');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/svg+xml');
      const svg = await response.text();
      for (const label of ['Procedural fairness, 0-100 (per point)', 'Sex: Female', 'Region: Herzegovina-Neretva Canton', 'Categories against: Region: Bosnian-Podrinje Canton Goražde; Age group: 18 to 29; Sex: Male', 'difference in Trust in the police, mean 0-10 (95% CI)']) {
        expect(svg).toContain(label.replace(/&/g, '&amp;'));
      }
      expect(svg).not.toContain('…');
      expect(svg).not.toContain('>Intercept<');
      const refused = await context.get(`/api/surveys/${FULL}/models.svg?wave=2025`, 'evaluator');
      expect(refused.status).toBe(422);
      expect((await context.get(`/api/surveys/${FULL}/models.svg?models=trust_drivers`, 'outsider')).status).toBe(403);
    });

    it('withholds the coefficients of a model fitted on too few respondents', async () => {
      const small = await analyticsDialectApp(ctx, 90);
      const response = await small.get(`/api/surveys/${FULL}/models?wave=2025&weighting=design`, 'evaluator');
      const body = (await response.json()) as ModelTable;
      expect(response.status).toBe(200);
      for (const model of body.models) {
        if (model.error !== null) continue;
        expect(model.n).toBeLessThan(60);
        expect(model.flag).toBe(model.n < 30 ? 'suppressed' : 'unreliable');
        if (model.flag === 'suppressed') expect(model.coefficients.every((row) => row.estimate === null && row.ciLow === null)).toBe(true);
      }
    });

    it('follows the indicators\' rules on who may see them and refuses a query that does not fit, naming the field', async () => {
      for (const [caller, expected] of [['admin', 200], ['researcher', 200], ['evaluator', 200], ['outsider', 403], ['enumerator', 403]] as const) {
        expect((await models('wave=2025&models=trust_drivers', caller)).status).toBe(expected);
      }
      expect((await context.get(`/api/surveys/${FULL}/models`)).status).toBe(401);
      const refused = await models('models=trust&wave=1999&weighting=heavy&by=region');
      expect(refused.status).toBe(422);
      expect(refused.body.error!.details.map((detail) => detail.field).sort()).toEqual(['by', 'models', 'wave', 'weighting']);
      expect((await context.get('/api/surveys/nowhere/models', 'evaluator')).status).toBe(404);
    });
  });
});
