import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsApp, CALLERS, FULL, type Caller } from './analytics-fixture.ts';

let context: Awaited<ReturnType<typeof analyticsApp>>;
let html = '';
beforeAll(async () => {
  context = await analyticsApp(1200);
  const response = await context.get(`/api/surveys/${FULL}/report.html?wave=2025`, 'evaluator');
  expect(response.status).toBe(200);
  html = await response.text();
}, 60_000);

describe('GET /api/surveys/:slug/report.html', () => {
  it('is one self-contained page: inline CSS and SVG charts, nothing loaded from elsewhere, print CSS', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/src=|@import|url\((?!#)/);
    expect(html).toContain('@media print');
    expect(html).toContain('break-before: page');
    expect(html).toContain('display: table-header-group');
    // Two interval charts (region, channel) and the region × channel heat map, rendered by Vega to SVG.
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('by region');
    expect(html).toContain('region × channel');
  });

  it('shows the design, the headline estimates with intervals, suppression marks, reliability by language, change and definitions', async () => {
    const table = await (await context.get(`/api/surveys/${FULL}/indicators?wave=2025&indicators=trust_fav`, 'evaluator')).json() as { estimates: { estimate: number; ciLow: number; ciHigh: number }[]; design: { n: number; psus: number } };
    const whole = table.estimates[0]!;
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    expect(html).toContain(`<td>${percent(whole.estimate)}</td><td>[${percent(whole.ciLow)}, ${percent(whole.ciHigh)}]</td>`);
    expect(html).toContain(`Sample: ${table.design.n} responses`);
    // Modes and fieldwork dates of the wave, as plain SQL over the stored responses gives them.
    const sqlite = context.db.$client;
    const modes = sqlite.prepare('SELECT mode, count(*) AS n FROM responses WHERE wave = 2025 GROUP BY mode ORDER BY mode').all() as { mode: string; n: number }[];
    const dates = sqlite.prepare('SELECT min(coalesce(completed_at, received_at)) AS first, max(coalesce(completed_at, received_at)) AS last FROM responses WHERE wave = 2025').get() as { first: string; last: string };
    expect(html).toContain(`Sample: ${table.design.n} responses (${modes.map((row) => `${row.mode} ${row.n}`).join(', ')}); fieldwork ${dates.first.slice(0, 10)} to ${dates.last.slice(0, 10)}.`);
    expect(html).toContain(`${table.design.psus} primary sampling units`);
    expect(html).toMatch(/suppressed \(n=\d+\)/);
    expect(html).toContain('language sr-Cyrl');
    expect(html).toContain('Wave 2025 minus wave 2024');
    expect(html).toContain('Procedural fairness, 0-100');
    expect(html).toContain('<h3>Responses by region</h3>');
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
