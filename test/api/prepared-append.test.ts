import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimatePreparedTable, prepareDesign, withIndicators, type IndicatorSpec } from '../../analysis/index.ts';
import { responses, surveys } from '../../api/db/schema.ts';
import { analysisInput, surveyVariables, tableParts, type TableNeeds } from '../../api/indicators/analysis-input.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import { preparedInput } from '../../api/indicators/prepared-cache.ts';
import { surveyContext } from '../../api/indicators/table.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';
import { post } from './helpers.ts';

let context: Awaited<ReturnType<typeof analyticsApp>>;
beforeAll(async () => {
  context = await analyticsApp(400);
}, 60_000);

// During fieldwork responses are only appended: the kept design is updated for them (values,
// dimensions and scales read for the new rows alone), and must give the numbers of a design made
// afresh from the same rows.
describe('the prepared design after new responses', () => {
  it('is updated for responses of a wave the earlier rows did not have (raking gains that wave\'s margins), with the numbers of a design made afresh', async () => {
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const load = async () => {
      const { meta, layout } = await surveyContext(context.db, survey);
      return { meta, loaded: await loadColumns(context.db, { surveyId: survey.id, layout, variables: surveyVariables(meta, layout) }) };
    };
    const { meta, loaded: first } = await load();
    const needs: TableNeeds = { indicators: (meta.indicators ?? []) as IndicatorSpec[], dimensions: ['region', 'channel'], weighting: 'raked' };
    const by = ['region', 'channel'];
    estimatePreparedTable(preparedInput(meta, first, needs).prepared, { by });
    // The demo interviews all have a wave; a web response has none, which is a wave of its own
    // for the wave-crossed raking margins.
    expect(first.wave.some((wave) => Number.isNaN(wave))).toBe(false);
    const demo = context.db.select().from(responses).where(eq(responses.surveyId, survey.id)).limit(1).get()!;
    expect((await post(context.app, FULL, { id: crypto.randomUUID(), language: demo.language, answers: demo.answers })).status).toBe(201);
    const grown = (await load()).loaded;
    expect(grown.grownFrom?.source).toBe(first.source);
    expect(Number.isNaN(grown.wave[grown.rows - 1])).toBe(true);
    const updated = preparedInput(meta, grown, needs);
    // Updated, not made again: the crossing of region × channel was carried over.
    expect([...updated.prepared.derivedEntries.keys()]).toContain('breakdown:["region","channel"]');
    const { data, spec, notes } = analysisInput(meta, grown, needs);
    expect(notes.some((note) => note.startsWith('Responses without a wave'))).toBe(true);
    const fresh = withIndicators(prepareDesign(data, spec), { ...spec, ...tableParts(meta, needs) });
    expect(estimatePreparedTable(updated.prepared, { by })).toEqual(estimatePreparedTable(fresh, { by }));
  });

  it('is updated for appended rows, with the numbers of a design made afresh; an erasure makes it afresh', async () => {
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const load = async () => {
      const { meta, layout } = await surveyContext(context.db, survey);
      return { meta, loaded: await loadColumns(context.db, { surveyId: survey.id, layout, variables: surveyVariables(meta, layout) }) };
    };
    const { meta } = await load();
    const needs: TableNeeds = { indicators: (meta.indicators ?? []) as IndicatorSpec[], dimensions: ['region', 'channel'], weighting: 'raked' };
    const by = ['region', 'channel'];
    const first = (await load()).loaded;
    estimatePreparedTable(preparedInput(meta, first, needs).prepared, { by });

    const demo = context.db.select().from(responses).where(eq(responses.surveyId, survey.id)).limit(2).all();
    const ids: string[] = [];
    for (const row of [...demo, demo[0]!]) {
      const id = crypto.randomUUID();
      ids.push(id);
      expect((await post(context.app, FULL, { id, language: row.language, answers: row.answers })).status).toBe(201);
    }
    const grown = (await load()).loaded;
    expect(grown.rows).toBe(first.rows + 3);
    expect(grown.grownFrom?.source).toBe(first.source);
    const updated = preparedInput(meta, grown, needs);
    // Carried over, not made again: the reliability table's groups were only made for the first table.
    expect([...updated.prepared.derivedEntries.keys()].some((key) => key.startsWith('layers:'))).toBe(true);
    const { data, spec } = analysisInput(meta, grown, needs);
    const fresh = withIndicators(prepareDesign(data, spec), { ...spec, ...tableParts(meta, needs) });
    const table = estimatePreparedTable(updated.prepared, { by });
    expect(table.design.n).toBe(estimatePreparedTable(preparedInput(meta, first, needs).prepared, {}).design.n + 3);
    expect(table).toEqual(estimatePreparedTable(fresh, { by }));

    const erased = await context.app.request(`/api/surveys/${FULL}/responses/${ids[0]}`, { method: 'DELETE', headers: context.sessions.get('admin')!.headers(true) });
    expect(erased.status).toBe(204);
    const rescanned = (await load()).loaded;
    expect(rescanned.rows).toBe(first.rows + 2);
    expect(rescanned.grownFrom).toBeUndefined();
    expect([...preparedInput(meta, rescanned, needs).prepared.derivedEntries.keys()].some((key) => key.startsWith('layers:'))).toBe(false);
  });
});
