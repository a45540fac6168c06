import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsDialectApp, FULL, type AnalyticsDialectApp } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';

/* GET …/chart.svg on both databases (issue #15). */
forEachDialect('charts', (ctx) => {
  let context: AnalyticsDialectApp;
  beforeAll(async () => {
    context = await analyticsDialectApp(ctx, 1200);
  }, 180_000);

  describe('GET /api/surveys/:slug/chart.svg', () => {
    it('draws one indicator by region as SVG, with every region that is not suppressed', async () => {
      const response = await context.get(`/api/surveys/${FULL}/chart.svg?indicators=trust_fav&by=region&weighting=design`, 'evaluator');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('image/svg+xml');
      const svg = await response.text();
      expect(svg.startsWith('<svg')).toBe(true);
      const table = await (await context.get(`/api/surveys/${FULL}/indicators?indicators=trust_fav&by=region&weighting=design`, 'evaluator')).json();
      const shown = table.estimates.filter((row: { groups: { region?: string }; estimate: number | null }) => row.groups.region && row.estimate !== null);
      expect(shown.length).toBeGreaterThan(0);
      const labels: Record<string, string> = { sarajevo: 'Sarajevo Canton', republika_srpska: 'Republika Srpska', brcko: 'Brčko District' };
      for (const row of shown) if (labels[row.groups.region!]) expect(svg).toContain(`>${labels[row.groups.region!]}<`);
      expect(svg).not.toContain('>sarajevo<');
      expect(svg).toContain('Trusts the police');
    });

    it('draws the region × channel heat map', async () => {
      const response = await context.get(`/api/surveys/${FULL}/chart.svg?indicators=trust_fav&by=region,channel`, 'researcher');
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('region × channel');
    });

    it('says what is wrong with a chart request', async () => {
      const response = await context.get(`/api/surveys/${FULL}/chart.svg?indicators=trust_fav,trust_mean&by=wave,region`, 'evaluator');
      expect(response.status).toBe(422);
      expect((await response.json()).error.details).toEqual([
        { field: 'indicators', issue: 'name exactly one indicator' },
        { field: 'by', issue: 'name one dimension, or region,channel for the heat map' },
      ]);
    });
  });
});
