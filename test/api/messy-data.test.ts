import { beforeAll, describe, expect, it } from 'vitest';
import type { EstimateRow } from '../../analysis/index.ts';
import { optionalRegionSurvey } from '../fixtures/api/optional-region-survey.ts';
import { FULL } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';
import { post } from './helpers.ts';
import { messyDialectApp, SCREENED_OUT } from './messy-fixture.ts';

const DEMO = 1200;
const WEB_COMPLETES = 3;

/*
 * Real fieldwork data on both databases (issue #15): one app per database for the whole file (the
 * describe blocks below build on each other's rows, in order, as before).
 */
forEachDialect('messy fieldwork data', (ctx) => {
  let context: Awaited<ReturnType<typeof messyDialectApp>>;
  const json = async (path: string, caller: 'evaluator' | 'admin' = 'evaluator') => {
    const response = await context.get(path, caller);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    context = await messyDialectApp(ctx, DEMO, WEB_COMPLETES);
    await context.store.surveys.publishFiles([optionalRegionSurvey()]);
  }, 180_000);

  describe('indicators on what real fieldwork stores (screened-out, region-less, weightless rows beside synthetic ones)', () => {
    it('the dashboard\'s default view (raked, all waves) works, leaves screened-out contacts out and says so', async () => {
      const { status, body } = await json(`/api/surveys/${FULL}/indicators?by=region`);
      expect(status).toBe(200);
      expect(body.filters).toMatchObject({ weighting: 'raked', wave: null });
      expect(body.waves).toEqual([2024, 2025]);
      expect(body.screenedOut).toBe(SCREENED_OUT.length);
      expect(body.design.n).toBe(DEMO + WEB_COMPLETES);
      expect(body.withoutDesignWeight).toBe(WEB_COMPLETES);
      expect(body.notes).toContain('3 screened-out contacts (declined consent, under 18 or not living in BiH) are not an interview: left out of every estimate.');
      // No estimate row counts a screened-out contact: region groups add up to the interviews.
      const trust = (body.estimates as EstimateRow[]).filter((row) => row.indicator === 'contact_any');
      const whole = trust.find((row) => Object.keys(row.groups).length === 0)!;
      expect(trust.filter((row) => row.groups.region !== undefined).reduce((sum, row) => sum + row.n, 0)).toBe(whole.n);
      expect(whole.n).toBeLessThanOrEqual(DEMO + WEB_COMPLETES);
      for (const weighting of ['design', 'none']) {
        const other = await json(`/api/surveys/${FULL}/indicators?by=region,channel&weighting=${weighting}`);
        expect(other.status).toBe(200);
        expect(other.body.design.n).toBe(DEMO + WEB_COMPLETES);
      }
    });

    it('a survey whose every record is screened out answers 422 with a reason, never a 500', async () => {
      await context.store.surveys.publishFiles([{ ...(await import('../../surveys/load.ts')).loadSurveyFile('surveys/bih-police-trust-short.json'), slug: 'all-declined' }]);
      expect((await post(context.app, 'all-declined', { id: crypto.randomUUID(), language: 'en', answers: { consent: 2 } })).status).toBe(201);
      const { status, body } = await json('/api/surveys/all-declined/indicators', 'admin');
      expect(status).toBe(422);
      expect(body.error.message).toBe('There are no interviews to estimate from.');
      expect(body.error.details[0].issue).toContain('1 screened-out contact');
    });

    it('an interview without a region is left out of raked estimates only, counted in notes', async () => {
      for (const answers of [{ region: 'tuzla', trust_police: 7 }, { region: 'sarajevo', trust_police: 2 }, { trust_police: 9 }]) {
        for (let copy = 0; copy < 20; copy++) expect((await post(context.app, 'optional-region', { id: crypto.randomUUID(), language: 'en', answers })).status).toBe(201);
      }
      const raked = await json('/api/surveys/optional-region/indicators?by=region', 'admin');
      expect(raked.status).toBe(200);
      expect(raked.body.notRaked).toBe(20);
      expect(raked.body.design.n).toBe(40);
      expect(raked.body.notes).toContain('20 interviews cannot be raked to the census margins (20 without a census category of region): left out of the raked estimates; they count in the design-weighted and unweighted ones.');
      const design = await json('/api/surveys/optional-region/indicators?by=region&weighting=design', 'admin');
      expect(design.body.notRaked).toBe(0);
      expect(design.body.design.n).toBe(60);
      // Raked to the two regions' census totals: the estimate is their population-weighted share.
      const whole = (raked.body.estimates as EstimateRow[]).find((row) => Object.keys(row.groups).length === 0)!;
      expect(whole.estimate).toBeCloseTo(445028 / (445028 + 413593), 10);
    });

    it('exports and the report work on the same data, with the screened-out count', async () => {
      const csv = await context.get(`/api/surveys/${FULL}/exports/indicators.csv?by=region,channel`, 'evaluator');
      expect(csv.status).toBe(200);
      await csv.text();
      const xlsx = await context.get(`/api/surveys/${FULL}/exports/indicators.xlsx`, 'evaluator');
      expect(xlsx.status).toBe(200);
      await xlsx.arrayBuffer();
      const report = await context.get(`/api/surveys/${FULL}/report.html`, 'evaluator');
      expect(report.status).toBe(200);
      expect(await report.text()).toContain('3 screened-out contacts');
    });
  });

  describe('synthetic rows are marked wherever they go', () => {
    it('the indicator table counts them and warns first; the report opens with a banner', async () => {
      const { body } = await json(`/api/surveys/${FULL}/indicators?by=region`);
      expect(body.synthetic).toBe(DEMO);
      expect(body.notes[0]).toMatch(/^SYNTHETIC DATA: 1200 of the 1206 stored records are invented/);
      const csv = await (await context.get(`/api/surveys/${FULL}/exports/indicators.csv`, 'evaluator')).text();
      const [header, first] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(header!.split(',').at(-1)).toBe('includes_synthetic');
      expect(first!.split(',').at(-1)).toBe('1');
      const report = await (await context.get(`/api/surveys/${FULL}/report.html`, 'evaluator')).text();
      expect(report).toMatch(/<title>SYNTHETIC DATA — /);
      expect(report).toContain('<div class="synthetic-banner" role="alert"><strong>Synthetic data — invented, not real responses.</strong> 1200 of the records');
      // A survey with real responses only gets no banner.
      const real = await (await context.get('/api/surveys/optional-region/report.html', 'admin')).text();
      expect(real).not.toContain('<div class="synthetic-banner"');
      expect((await json('/api/surveys/optional-region/indicators', 'admin')).body.synthetic).toBe(0);
    });

    it('the studio list and the quality checks count them, so their pages can warn', async () => {
      const { body: studio } = await json('/api/manage/surveys', 'admin');
      const full = studio.surveys.find((survey: { slug: string }) => survey.slug === FULL);
      expect(full).toMatchObject({ synthetic: DEMO });
      expect(full.responses).toBeGreaterThan(DEMO);
      expect(studio.surveys.find((survey: { slug: string }) => survey.slug === 'optional-region')).toMatchObject({ synthetic: 0 });
      const { body: quality } = await json(`/api/surveys/${FULL}/quality`, 'evaluator');
      expect(quality.synthetic).toBe(DEMO);
    });

    it('microdata, codebook and the SPSS and R files carry is_synthetic', async () => {
      const csv = (await (await context.get(`/api/surveys/${FULL}/exports/microdata.csv`, 'admin')).text()).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      const header = csv[0]!.split(',');
      expect(header.slice(0, 2)).toEqual(['id', 'is_synthetic']);
      const flags = csv.slice(1).map((line) => line.split(',')[1]);
      expect(flags.filter((flag) => flag === '1')).toHaveLength(DEMO);
      expect(flags.filter((flag) => flag === '0')).toHaveLength(WEB_COMPLETES + SCREENED_OUT.length);
      const codebook = (await json(`/api/surveys/${FULL}/exports/codebook.json`, 'admin')).body as unknown as { variable: string; values: { value: number; label: string }[] }[];
      const entries = Array.isArray(codebook) ? codebook : (codebook as unknown as { variables: typeof codebook }).variables;
      expect(entries.find((entry) => entry.variable === 'is_synthetic')!.values).toEqual([{ value: 0, label: 'real response' }, { value: 1, label: 'SYNTHETIC (invented, not a real response)' }]);
      const sps = await (await context.get(`/api/surveys/${FULL}/exports/microdata.sps`, 'admin')).text();
      expect(sps).toMatch(/is_synthetic/);
      expect(sps).toContain('SYNTHETIC (invented, not a real response)');
      const r = await (await context.get(`/api/surveys/${FULL}/exports/microdata.R`, 'admin')).text();
      expect(r).toContain('SYNTHETIC (invented, not a real response)');
    });
  });

  describe('small cells of a survey whose meta has no suppression rule', () => {
    it('get the default rule: n < 30 suppressed, n < 60 unreliable', async () => {
      const { body } = await json('/api/surveys/optional-region/indicators?by=region&weighting=design', 'admin');
      expect(body.suppression).toEqual({ minN: 30, flagBelowN: 60, flagRse: 0.3 });
      const rows = body.estimates as EstimateRow[];
      for (const row of rows.filter((candidate) => candidate.groups.region)) expect([row.n, row.flag, row.estimate]).toEqual([20, 'suppressed', null]);
      const whole = rows.find((row) => Object.keys(row.groups).length === 0)!;
      expect(whole.n).toBe(60);
      expect(whole.flag).toBe(whole.se! / whole.estimate! >= 0.3 ? 'unreliable' : null);
      const raked = (await json('/api/surveys/optional-region/indicators', 'admin')).body.estimates[0] as EstimateRow;
      expect([raked.n, raked.flag]).toEqual([40, 'unreliable']);
    });

    it('keep a stricter meta rule, raise a laxer one to the default, and take a lowered one only with its reason, stated in the notes', async () => {
      const rule = async (suppression: Record<string, unknown>) => {
        await context.store.surveys.publishFiles([optionalRegionSurvey({ suppression } as never)]);
        return (await json('/api/surveys/optional-region/indicators?by=region&weighting=design', 'admin')).body;
      };
      expect((await rule({ minN: 50, flagBelowN: 100, flagRse: 0.2 })).suppression).toEqual({ minN: 50, flagBelowN: 100, flagRse: 0.2 });
      expect((await rule({ minN: 3, flagBelowN: 5, flagRse: 0.9 })).suppression).toEqual({ minN: 30, flagBelowN: 60, flagRse: 0.3 });
      const lowered = await rule({ minN: 10, flagBelowN: 20, flagRse: 0.5, lowered: 'Pilot of 60 interviews for the research team; not for publication.' });
      expect(lowered.suppression).toEqual({ minN: 10, flagBelowN: 20, flagRse: 0.5, lowered: 'Pilot of 60 interviews for the research team; not for publication.' });
      expect(lowered.notes).toContain('The small-cell rule is lowered by the survey\'s researchers (10 / 20 / RSE 0.5 instead of 30 / 60 / 0.3): Pilot of 60 interviews for the research team; not for publication.');
      expect((lowered.estimates as EstimateRow[]).find((row) => row.groups.region === 'tuzla')!.flag).not.toBe('suppressed');
      await context.store.surveys.publishFiles([optionalRegionSurvey()]);
    });
  });

  describe('the monitor on the same data', () => {
    it('counts screened-out contacts apart from interviews, and gives a response rate', async () => {
      const { status, body } = await json(`/api/surveys/${FULL}/progress`);
      expect(status).toBe(200);
      expect(body.outcomes).toEqual({
        contacts: DEMO + WEB_COMPLETES + 3, interviews: DEMO + WEB_COMPLETES, declined: 1, notEligible: 2,
        responseRate: Math.round(((DEMO + WEB_COMPLETES) / (DEMO + WEB_COMPLETES + 1)) * 1000) / 1000,
      });
      expect(body.byRegion.find((row: { region: string }) => row.region === '(none)').responses).toBe(3);
      expect(body.synthetic).toBe(DEMO);
    });

    it('never shows a completion rate above 100%: with no recorded starts, or fewer starts than completions, it is not measured', async () => {
      let { body } = await json(`/api/surveys/${FULL}/progress`);
      expect(body.completion).toMatchObject({ rate: null, notMeasured: expect.stringContaining('no questionnaire starts were recorded') });
      // One start recorded, six web records that day: more completions than starts.
      expect((await context.app.request(`/api/surveys/${FULL}/starts`, { method: 'POST' })).status).toBe(204);
      ({ body } = await json(`/api/surveys/${FULL}/progress`));
      expect(body.completion).toMatchObject({ started: 1, completed: 6, rate: null, notMeasured: expect.stringContaining('more web responses (6) than recorded starts (1)') });
      // The 1200 synthetic rows stored today were never started: they are not completions.
      for (let start = 0; start < 9; start++) await context.app.request(`/api/surveys/${FULL}/starts`, { method: 'POST' });
      ({ body } = await json(`/api/surveys/${FULL}/progress`));
      expect(body.completion).toEqual({ started: 10, completed: 6, rate: 0.6, notMeasured: null });
    });
  });
});
