import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsDialectApp, CALLERS, FULL, storedResponses, type AnalyticsDialectApp, type Caller } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';

/* GET …/report.html on both databases (issue #15): the page and its numbers, those of the API's other routes. */
forEachDialect('the report', (ctx) => {
  let context: AnalyticsDialectApp;
  let html = '';
  beforeAll(async () => {
    context = await analyticsDialectApp(ctx, 1200);
    const response = await context.get(`/api/surveys/${FULL}/report.html?wave=2025`, 'evaluator');
    expect(response.status).toBe(200);
    html = await response.text();
  }, 180_000);

  describe('GET /api/surveys/:slug/report.html', () => {
    it('is one self-contained page: inline CSS and SVG charts, nothing loaded from elsewhere, print CSS', () => {
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).not.toMatch(/<(script|link|img)\b/i);
      expect(html).not.toMatch(/src=|@import|url\((?!#)/);
      expect(html).toContain('@media print');
      expect(html).toContain('break-before: page');
      expect(html).toContain('display: table-header-group');
      // Two interval charts (region, channel), the region × channel heat map and the two models' dot-and-whisker charts, rendered by Vega to SVG.
      expect(html.match(/<svg /g)).toHaveLength(5);
      expect(html).toContain('by region');
      expect(html).toContain('region × channel');
    });

    it('shows the design, the headline estimates with intervals, suppression marks, reliability by language, change and definitions', async () => {
      const table = await (await context.get(`/api/surveys/${FULL}/indicators?wave=2025&indicators=trust_fav`, 'evaluator')).json() as { estimates: { estimate: number; ciLow: number; ciHigh: number }[]; design: { n: number; psus: number } };
      const whole = table.estimates[0]!;
      const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
      expect(html).toContain(`<td>${percent(whole.estimate)}</td><td>[${percent(whole.ciLow)}, ${percent(whole.ciHigh)}]</td>`);
      expect(html).toContain(`Sample: ${table.design.n} responses`);
      // Modes and fieldwork dates of the wave, counted here from the stored responses.
      const wave = (await storedResponses(context)).filter((row) => row.wave === 2025);
      const counts = new Map<string, number>();
      for (const row of wave) counts.set(row.mode, (counts.get(row.mode) ?? 0) + 1);
      const modes = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([mode, n]) => ({ mode, n }));
      const days = wave.map((row) => row.completedAt ?? row.receivedAt).sort();
      const dates = { first: days[0]!, last: days.at(-1)! };
      expect(html).toContain(`Sample: ${table.design.n} responses (${modes.map((row) => `${row.mode} ${row.n}`).join(', ')}); fieldwork ${dates.first.slice(0, 10)} to ${dates.last.slice(0, 10)}.`);
      expect(html).toContain(`${table.design.psus} primary sampling units`);
      expect(html).toMatch(/suppressed \(n=\d+\)/);
      expect(html).toContain('language sr-Cyrl');
      expect(html).toContain('Wave 2025 minus wave 2024');
      expect(html).toContain('Procedural fairness, 0-100');
      expect(html).toContain('<h3>Responses by region</h3>');
    });

    it('has a "What drives trust" section: each model\'s chart and coefficients in words, the numbers of GET …/models', async () => {
      const section = html.slice(html.indexOf('<h2>What drives trust</h2>'), html.indexOf('<h2>Change between waves</h2>'));
      expect(section).toContain('<h3>Trust in the police (mean 0-10): what drives it</h3>');
      expect(section).toContain('<h3>Trusting the police (6-10): log-odds by fairness, effectiveness and contact</h3>');
      const { models } = await (await context.get(`/api/surveys/${FULL}/models?wave=2025`, 'evaluator')).json() as { models: { n: number; coefficients: { term: string; label: string; estimate: number; ciLow: number; ciHigh: number }[] }[] };
      for (const model of models) {
        expect(section).toContain(`on ${model.n} respondents, wave 2025`);
        for (const row of model.coefficients) {
          expect(section).toContain(`<td class="text">${row.label.replace(/&/g, '&amp;')}</td><td>${row.estimate.toFixed(3)}</td><td>[${row.ciLow.toFixed(3)}, ${row.ciHigh.toFixed(3)}]</td>`);
        }
      }
      expect(section).toContain('Sex: Female (against Male)');
      expect(section).toContain('Categories are compared with Region: Bosnian-Podrinje Canton Goražde; Age group: 18 to 29; Sex: Male.');
      // Labels, never R's raw term names or codes, in the tables.
      for (const raw of ['>sex2<', '>age_group30_44<', '>regionsarajevo<', '>pf_score<']) expect(section).not.toContain(raw);
    });

    it('has a "Programme effect" section: the did contrast with its four cells, effect, interval and p, in words', async () => {
      const section = html.slice(html.indexOf('<h2>Programme effect</h2>'), html.indexOf('<h2>Definitions of the indicators</h2>'));
      expect(section).toContain('Difference in differences');
      expect(section).toContain('Trusts the police (6-10 on 0-10): Federation of Bosnia and Herzegovina against Republika Srpska, 2024 to 2025');
      // From every wave, even in a report on one: the contrast needs its before and after.
      const { contrasts } = await (await context.get(`/api/surveys/${FULL}/models`, 'evaluator')).json() as { contrasts: { estimate: number; ciLow: number; ciHigh: number; means: Record<string, number> }[] };
      const [did] = contrasts;
      const points = (value: number) => (value * 100).toFixed(1);
      expect(section).toContain(`<td>${points(did!.estimate)}</td><td>[${points(did!.ciLow)}, ${points(did!.ciHigh)}]</td>`);
      for (const mean of Object.values(did!.means)) expect(section).toContain(`${points(mean)}%<br>`);
      for (const code of ['fbih', 'republika_srpska', 'trust_fav']) expect(section).not.toContain(code);
    });

    it('has a "Programme targets" logframe table: baseline, latest, target, change with interval and p, and the status, in words', async () => {
      const section = html.slice(html.indexOf('<h2>Programme targets</h2>'), html.indexOf('<h2>Definitions of the indicators</h2>'));
      expect(section).toContain('<th>baseline</th>');
      const { targets } = await (await context.get(`/api/surveys/${FULL}/targets`, 'evaluator')).json() as { targets: { label: string; status: string; baseline: Record<string, number>; latest: Record<string, number>; change: Record<string, number> }[] };
      const [row] = targets;
      const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
      const points = (value: number) => (value * 100).toFixed(1);
      expect(section).toContain(`<td class="text">${row!.label}</td>`);
      expect(section).toContain(`<td>${percent(row!.baseline.estimate!)}<br><span class="muted">2024, n=${row!.baseline.n}</span></td><td>[${percent(row!.baseline.ciLow!)}, ${percent(row!.baseline.ciHigh!)}]</td>`);
      expect(section).toContain(`<td>${percent(row!.latest.estimate!)}<br><span class="muted">2025, n=${row!.latest.n}</span></td><td>[${percent(row!.latest.ciLow!)}, ${percent(row!.latest.ciHigh!)}]</td>`);
      expect(section).toContain('<td>55.0%<br><span class="muted">by 2027</span></td>');
      expect(section).toContain(`<td>${points(row!.change.difference!)}</td><td>[${points(row!.change.ciLow!)}, ${points(row!.change.ciHigh!)}]</td>`);
      expect(['reached with confidence', 'reached by the point estimate only', 'not reached']).toContain(row!.status);
      expect(section).toContain(`<td class="text">${row!.status}</td>`);
      expect(section).not.toContain('trust_fav');
    });

    it('escapes text and refuses a bad wave or weighting, naming the field', async () => {
      for (const [query, field] of [['wave=1990', 'wave'], ['wave=0x7E9', 'wave'], ['wave=2024,2025', 'wave'], ['weighting=heavy', 'weighting'], ['by=region', 'by']]) {
        const response = await context.get(`/api/surveys/${FULL}/report.html?${query}`, 'admin');
        expect(response.status).toBe(422);
        expect(((await response.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe(field);
      }
    });

    it('is for aggregates readers: admin, member researchers, evaluators', async () => {
      const expected: Record<Caller, number> = { admin: 200, researcher: 200, outsider: 403, evaluator: 200, enumerator: 403 };
      for (const caller of CALLERS) {
        const response = await context.get(`/api/surveys/${FULL}/report.html`, caller);
        expect(response.status, caller).toBe(expected[caller]);
        await response.text();
      }
      expect((await context.get(`/api/surveys/${FULL}/report.html`)).status).toBe(401);
      expect((await context.get(`/api/surveys/${FULL}/report.pdf`)).status).toBe(401);
      expect((await context.get(`/api/surveys/${FULL}/report.pdf`, 'enumerator')).status).toBe(403);
    });
  });
});
