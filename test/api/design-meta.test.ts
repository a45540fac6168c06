import { beforeAll, describe, expect, it } from 'vitest';
import { estimateTable, type AnalysisSpec, type Column, type EstimateRow } from '../../analysis/index.ts';
import { openDatabase } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo, type DemoRow } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { storedResponses, type StoredResponse } from './analytics-fixture.ts';
import { createUser, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';

// The full instrument with stored design columns a national survey ships: the number of PSUs in
// the population of each stratum (fpc) and bootstrap replicate weights. SYNTHETIC rows.
const REPLICATES = ['rep_1', 'rep_2', 'rep_3', 'rep_4', 'rep_5', 'rep_6'];

function withDesign(slug: string, design: Record<string, unknown>): SurveyFile {
  const file = loadSurveyFile('surveys/bih-police-trust.json');
  const numbers = ['fpc_psus', ...REPLICATES].map((name) => ({ type: 'text', inputType: 'number', name, title: name, visible: false }));
  const definition = { ...file.definition, pages: [...(file.definition.pages as unknown[]), { name: 'design_columns', elements: numbers }] };
  return { slug, definition, meta: { ...file.meta, design: { ...file.meta.design, ...design } } };
}

/** A deterministic number in [0, 1) from a text key. */
function unit(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash / 2 ** 32;
}

function designRows(): DemoRow[] {
  const rows = generateDemo({ responses: 900, seed: 'design-meta', regions: readRegions() });
  const psus = new Map<string, Set<string>>();
  for (const row of rows) psus.set(`${row.wave}|${row.stratum}`, (psus.get(`${row.wave}|${row.stratum}`) ?? new Set()).add(row.psu));
  const designed = rows.map((row, index) => {
    const answers: Record<string, unknown> = { ...row.answers, fpc_psus: psus.get(`${row.wave}|${row.stratum}`)!.size * 4 };
    // Bootstrap multipliers per PSU (0, 1, 2 ...), so the replicates honour the clustering.
    REPLICATES.forEach((name, r) => { answers[name] = row.weight * Math.floor(unit(`${row.psu}:${r}`) * 3); });
    return { ...row, answers, weight: index % 23 === 5 ? 0 : row.weight };
  });
  // Web responses of the same wave: no stratum, PSU, weight, fpc or replicate weights of their own.
  const web = rows.slice(0, 4).map((row, index) => ({
    ...row, id: crypto.randomUUID(), mode: 'web' as const, stratum: null, psu: null, weight: null,
    answers: { ...row.answers, ...Object.fromEntries(REPLICATES.map((name) => [name, 1])) }, wave: index < 2 ? 2025 : 2024,
  })) as unknown as DemoRow[];
  return [...designed, ...web];
}

/*
 * Stored fpc and replicate-weight columns on both databases (issue #15). The demo rows are written
 * by the demo's code (SQLite, as `npm run demo` does: no route writes them) and, on PostgreSQL,
 * copied there by db:copy's code; the expected numbers come from each database's stored rows.
 */
forEachDialect('stored design columns', (ctx) => {
  let context: DialectApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    const seed = openDatabase(':memory:');
    publishSurveyFiles(seed, [
      withDesign('fpc-survey', { fpc: 'fpc_psus' }),
      withDesign('replicate-survey', { replicates: { columns: REPLICATES, type: 'bootstrap' } }),
    ]);
    const rows = designRows();
    // Response ids are unique across surveys: the second survey's copies get ids of their own.
    storeDemoRows(seed, findVersion(seed, 'fpc-survey')!, rows);
    storeDemoRows(seed, findVersion(seed, 'replicate-survey')!, rows.map((row) => ({ ...row, id: crypto.randomUUID() })));
    createUser(seed, 'evaluator@example.org', 'evaluator');
    context = await ctx.testApp({ seed });
    headers = (await signIn(context.app, 'evaluator@example.org')).headers();
  }, 180_000);

  /** The stored rows of one survey and wave as the engine's columns, straight from the JSON answers. */
  async function storedColumns(slug: string, wave: number, items: string[]) {
    const surveyId = (await context.store.surveys.findVersion(slug))!.surveyId;
    const rows = (await storedResponses(context)).filter((row) => row.surveyId === surveyId && row.wave === wave);
    const answer = (row: StoredResponse, name: string) => Number(row.answers[name] ?? NaN);
    const data: Record<string, Column> = {
      weight: new Float64Array(rows.map((row) => row.weight ?? 1)),
      stratum: rows.map((row) => row.stratum ?? 'self-completion'),
      psu: rows.map((row, index) => row.psu ?? `own-${index}`),
      region: rows.map((row) => (row.answers.region as string | undefined) ?? null),
      // R's "no correction" for the strata without a population count.
      fpc_psus: new Float64Array(rows.map((row) => (row.stratum === null ? Infinity : answer(row, 'fpc_psus')))),
    };
    for (const name of [...items, ...REPLICATES]) data[name] = new Float64Array(rows.map((row) => answer(row, name)));
    return data;
  }

  async function apiTable(slug: string, query: string) {
    const response = await context.app.request(`/api/surveys/${slug}/indicators?${query}`, { headers });
    return { status: response.status, body: (await response.json()) as { estimates: EstimateRow[]; design: { degf: number } } };
  }

  function expectSameRows(actual: EstimateRow[], expected: EstimateRow[]) {
    expect(actual).toHaveLength(expected.length);
    actual.forEach((row, index) => {
      const want = expected[index]!;
      expect(row.groups).toEqual(want.groups);
      expect(row.n).toBe(want.n);
      for (const key of ['estimate', 'se', 'ciLow', 'ciHigh', 'deff'] as const) {
        if (want[key] === null) expect(row[key]).toBeNull();
        else expect(row[key]).toBeCloseTo(want[key] as number, 10);
      }
    });
  }

  describe('a survey whose meta declares fpc or replicate weights', () => {
    const meta = loadSurveyFile('surveys/bih-police-trust.json').meta;
    const indicators = meta.indicators!.filter((indicator) => ['trust_fav', 'pf_score'].includes(indicator.id)) as AnalysisSpec['indicators'];
    const items = ['trust_police', 'pf_respect', 'pf_fair', 'pf_explain'];
    const base = { dimensions: { region: { column: 'region' } }, indicators, suppression: meta.suppression! };

    it('gets the engine\'s (R-equal) estimates with the finite population correction, weights of 0 kept as 0', async () => {
      const data = await storedColumns('fpc-survey', 2025, items);
      const spec: AnalysisSpec = { ...base, design: { weight: 'weight', strata: 'stratum', cluster: 'psu', fpc: 'fpc_psus', lonelyPsu: 'adjust' } };
      const expected = estimateTable(data, spec, { by: ['region'] });
      const { status, body } = await apiTable('fpc-survey', 'by=region&wave=2025&weighting=design&indicators=trust_fav,pf_score');
      expect(status).toBe(200);
      expectSameRows(body.estimates, expected.estimates);
      // The correction is there: without it every SE is larger.
      const without = estimateTable(data, { ...spec, design: { ...spec.design, fpc: undefined } }, { by: ['region'] });
      expect(body.estimates[0]!.se!).toBeLessThan(without.estimates[0]!.se! * 0.95);
      // Rows of weight 0 are in no n (R: nobs counts nonzero weights), though their PSUs stay.
      const zero = (data.weight as Float64Array).filter((weight) => weight === 0).length;
      expect(zero).toBeGreaterThan(10);
      const trust = data.trust_police as Float64Array;
      const valid = trust.filter((value, row) => value >= 0 && value <= 10 && (data.weight as Float64Array)[row]! > 0).length;
      expect(body.estimates[0]!.n).toBe(valid);
    });

    it('gets the replicate-weight variance when the meta declares replicates', async () => {
      const data = await storedColumns('replicate-survey', 2025, items);
      const spec: AnalysisSpec = { ...base, design: { weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust', replicates: { columns: REPLICATES, type: 'bootstrap' } } };
      const expected = estimateTable(data, spec, { by: ['region'] });
      const { status, body } = await apiTable('replicate-survey', 'by=region&wave=2025&weighting=design&indicators=trust_fav,pf_score');
      expect(status).toBe(200);
      expectSameRows(body.estimates, expected.estimates);
      expect(body.design.degf).toBe(expected.design.degf);
      const linearised = estimateTable(data, { ...spec, design: { weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' } });
      expect(body.estimates[0]!.se).not.toBeCloseTo(linearised.estimates[0]!.se!, 6);
    });

    it('refuses to rake a replicate design, naming the weighting, and says what an unweighted table leaves out', async () => {
      const raked = await context.app.request('/api/surveys/replicate-survey/indicators?weighting=raked&wave=2025', { headers });
      expect(raked.status).toBe(422);
      expect(JSON.stringify(await raked.json())).toContain('weighting=design');
      const none = await apiTable('replicate-survey', 'weighting=none&wave=2025&indicators=trust_fav');
      expect(none.status).toBe(200);
      expect(JSON.stringify(none.body)).toContain('replicate weights');
    });
  });
});
