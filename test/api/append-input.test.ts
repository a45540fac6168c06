import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendPrepared, estimatePreparedTable, fitsFloat32, isNumberColumn, prepareDesign, withIndicators, type Column, type IndicatorSpec, type Prepared } from '../../analysis/index.ts';
import { surveys } from '../../api/db/schema.ts';
import { analysisInput, surveyVariables, tableParts, type AnalysisInput, type TableNeeds, type Weighting } from '../../api/indicators/analysis-input.ts';
import { appendAnalysisInput } from '../../api/indicators/append-input.ts';
import { loadColumns, type LoadedColumns } from '../../api/indicators/load-columns.ts';
import { SCREENING_QUESTIONS } from '../../api/indicators/table-rows.ts';
import { surveyContext } from '../../api/indicators/table.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';

// After new responses the table's input (rows kept, strata and PSU codes, design weights, the
// wave-crossed raking labels) is made for the appended rows alone and joined to the earlier
// rows' (api/indicators/append-input.ts). It must be the input made afresh, column for column,
// and the tables of the design updated with it those of a fresh design, to the last bit.

let meta: SurveyMeta;
let loaded: LoadedColumns;
beforeAll(async () => {
  const context = await analyticsApp(500);
  const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
  const found = await surveyContext(context.db, survey);
  meta = found.meta;
  loaded = await loadColumns(context.db, { surveyId: survey.id, layout: found.layout, variables: surveyVariables(meta, found.layout), cache: false });
}, 60_000);

type Edit = (name: string, at: number) => string | number | null | undefined;

/** The loaded rows in `order` (row at position `at` is order[at]), with edits applied. */
function rowsOf(order: readonly number[], edit: Edit = () => undefined): LoadedColumns {
  const pick = (name: string, column: Column): Column => {
    const values = order.map((row, at) => {
      const edited = edit(name, at);
      return edited === undefined ? column[row] ?? null : edited;
    });
    if (!isNumberColumn(column)) return values;
    // Of the loaded column's type (float32 columns as the cache keeps them), Float64 where an edit is no float32.
    const numbers = Float64Array.from(values, (value) => (value === null ? NaN : Number(value)));
    return column instanceof Float32Array && fitsFloat32(numbers) ? Float32Array.from(numbers) : numbers;
  };
  const variables = Object.fromEntries(Object.entries(loaded.variables).map(([name, column]) => [name, pick(name, column)]));
  const field = <T extends Column>(name: 'wave' | 'weight' | 'stratum' | 'psu' | 'language' | 'mode'): T => pick(name, loaded[name]) as T;
  return { rows: order.length, variables, source: {}, wave: field('wave'), weight: field('weight'), stratum: field('stratum'), psu: field('psu'), language: field('language'), mode: field('mode') };
}

const by = ['region', 'channel'];
const tableOf = (prepared: Prepared, needs: TableNeeds) => estimatePreparedTable(withIndicators(prepared, { ...prepared.spec, ...tableParts(meta, needs) }), { by });

/** Inputs and designs of the first `steps[0]` rows, then updated step by step, each checked against those made afresh. */
function updates(all: LoadedColumns, weighting: Weighting, steps: readonly number[]): AnalysisInput[] {
  const needs: TableNeeds = { indicators: (meta.indicators ?? []) as IndicatorSpec[], dimensions: by, weighting };
  const first = (rows: number): LoadedColumns => rowsOf(Array.from({ length: rows }, (_, row) => row), (name, at) => columnOf(all, name)[at] ?? null);
  let input: AnalysisInput = analysisInput(meta, first(steps[0]!), needs);
  let design = prepareDesign(input.data, input.spec);
  tableOf(design, needs);
  const inputs: AnalysisInput[] = [];
  for (const rows of steps.slice(1)) {
    const part = first(rows);
    const appended = appendAnalysisInput(meta, part, needs, input.carry, input.data);
    expect(appended, `${rows} rows`).toBeDefined();
    const { loaded: _loaded, ...fresh } = analysisInput(meta, part, needs);
    expect(appended!.data, `${rows} rows`).toEqual(fresh.data);
    expect(appended!.spec).toEqual(fresh.spec);
    expect(appended!.notes).toEqual(fresh.notes);
    expect(appended!.rows).toEqual(fresh.rows);
    expect(appended!.carry.withoutDesignWeight).toBe(fresh.carry.withoutDesignWeight);
    design = appendPrepared(design, appended!.data, appended!.spec);
    expect(tableOf(design, needs), `${rows} rows`).toEqual(tableOf(prepareDesign(fresh.data, fresh.spec), needs));
    input = appended!;
    inputs.push(appended!);
  }
  return inputs;
}

function columnOf(all: LoadedColumns, name: string): Column {
  return (all.variables[name] ?? all[name as 'wave']) as Column;
}

const weightings: Weighting[] = ['raked', 'design', 'none'];

describe('the table input for appended rows', () => {
  for (const weighting of weightings) {
    it(`${weighting}: rows appended a few at a time equal the input made afresh`, () => {
      const rows = loaded.rows;
      updates(rowsOf(Array.from({ length: rows }, (_, row) => row)), weighting, [rows - 40, rows - 39, rows - 30, rows - 2, rows]);
    });

    it(`${weighting}: appended rows with a new region, no wave, no stratum or PSU, a new PSU and stratum, screened out, without a region or a weight`, () => {
      const rows = loaded.rows;
      const region = loaded.variables.region as readonly (string | null)[];
      const last = region.find((value) => value !== null)!;
      // Every row of one region last, so it is first seen in the appended rows.
      const order = Array.from({ length: rows }, (_, row) => row).sort((a, b) => Number(region[a] === last) - Number(region[b] === last));
      const start = order.findIndex((row) => region[row] === last);
      expect(start).toBeGreaterThan(10);
      const tail = (at: number): number => at - (start - 12);
      const edits: Edit = (name, at) => {
        if (name === 'region' && at === 3) return null; // an earlier row that is not raked either
        const offset = tail(at);
        if (offset < 0 || offset > 12) return undefined;
        if (name === 'wave' && (offset === 1 || offset === 4)) return null; // web responses: no wave
        if ((name === 'stratum' || name === 'psu') && offset === 2) return null; // self-completion, its own PSU
        if (name === 'psu' && offset === 3) return 'new-psu';
        if (name === 'stratum' && (offset === 5 || offset === 6)) return 'new-stratum';
        if (name === SCREENING_QUESTIONS[0] && offset === 7) return 2;
        if (name === 'region' && offset === 8) return null;
        if (name === 'weight' && offset === 9) return null;
        return undefined;
      };
      const inputs = updates(rowsOf(order, edits), weighting, [start - 12, start - 10, start - 7, start - 3, start + 1, rows]);
      if (weighting === 'raked') {
        expect(inputs.some((input) => input.notes.some((note) => note.startsWith('Responses without a wave')))).toBe(true);
        expect(inputs.at(-1)!.rows.notRakedTotal).toBeGreaterThan(0);
      }
      expect(inputs.at(-1)!.rows.screenedOut).toBeGreaterThan(0);
    });

    it(`${weighting}: first rows of one wave, then another wave (the raking margins become wave-crossed)`, () => {
      const wave = loaded.wave;
      const order = Array.from({ length: loaded.rows }, (_, row) => row).sort((a, b) => (wave[a] as number) - (wave[b] as number));
      const start = order.findIndex((row) => wave[row] !== wave[order[0]!]);
      expect(start).toBeGreaterThan(0);
      const inputs = updates(rowsOf(order), weighting, [start, start + 1, start + 5, loaded.rows]);
      if (weighting === 'raked') expect(Object.keys(inputs[0]!.spec.weighting!.rake!)).toEqual(['__rake_region']);
    });
  }

  it('an fpc design is made afresh (its gaps are filled from every row of a stratum)', () => {
    const needs: TableNeeds = { indicators: [], dimensions: by, weighting: 'design' };
    const withFpc = { ...meta, design: { ...meta.design, fpc: 'weight' } } as SurveyMeta;
    const input = analysisInput(meta, loaded, needs);
    expect(appendAnalysisInput(withFpc, loaded, needs, input.carry, input.data)).toBeUndefined();
  });
});
