import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { appendPrepared, estimatePreparedTable, prepareDesign, withIndicators, type AnalysisSpec, type Column, type Columns, type Prepared } from '../../analysis/index.ts';
import { readCsvColumns, readJson, readSpec } from './fixtures.ts';

// The API updates its prepared design when responses are only appended (fieldwork), instead of
// making it again: every table made from the updated design must be the one made afresh, to the
// last bit, whatever the appended rows bring.

const rowsOf = (data: Columns, rows: readonly number[]): Columns =>
  Object.fromEntries(Object.entries(data).map(([name, column]: [string, Column]) =>
    [name, column instanceof Float64Array ? Float64Array.from(rows, (row) => column[row] as number) : rows.map((row) => column[row] ?? null)]));

function fixture(name: string): { data: Columns; spec: AnalysisSpec; rows: number } {
  const found = readJson<{ data: string; spec: string }>(`${name}.expected.json`);
  const data = readCsvColumns(found.data);
  return { data, spec: readSpec(found.spec), rows: Object.values(data)[0]!.length };
}

/** Tables of the first rows (so their values, dimensions and scales are derived), then the appended design's. */
function appendedAndFresh(data: Columns, spec: AnalysisSpec, order: readonly number[], first: number) {
  const by = ['region', 'channel'];
  const previous = prepareDesign(rowsOf(data, order.slice(0, first)), spec);
  estimatePreparedTable(withIndicators(previous, spec), { by });
  const all = rowsOf(data, order);
  const appended = appendPrepared(previous, all, spec);
  const carried = [...appended.derivedEntries.keys()];
  return {
    carried,
    appended: estimatePreparedTable(withIndicators(appended, spec), { by }),
    fresh: estimatePreparedTable(withIndicators(prepareDesign(all, spec), spec), { by }),
  };
}

describe('a prepared design updated for appended rows', () => {
  for (const name of ['stratified', 'raked']) {
    it(`${name}: gives the table of a design made afresh, for one, a few or many appended rows`, () => {
      const { data, spec, rows } = fixture(name);
      const order = Array.from({ length: rows }, (_, row) => row);
      for (const first of [rows - 1, rows - 17, Math.floor(rows / 2)]) {
        const { carried, appended, fresh } = appendedAndFresh(data, spec, order, first);
        // The indicators' values and the dimensions were read for the appended rows only.
        expect(carried.filter((key) => key.startsWith('values:')).length, `${first} rows first`).toBe((spec.indicators ?? []).length);
        expect(carried.some((key) => key.startsWith('dimension:region'))).toBe(true);
        // So was the region × channel crossing (its cells are made again).
        expect(carried).toContain('breakdown:["region","channel"]');
        expect(appended, `${first} rows first`).toEqual(fresh);
      }
    });

    it(`${name}: appended rows that bring a new region are still estimated as afresh`, () => {
      const { data, spec, rows } = fixture(name);
      const region = data.region as readonly (string | number | null)[];
      const last = region[0];
      // Every row of one region last: the first rows never saw it, so its label is new.
      const order = Array.from({ length: rows }, (_, row) => row).sort((a, b) => Number(region[a] === last) - Number(region[b] === last));
      const first = order.findIndex((row) => region[row] === last);
      expect(first).toBeGreaterThan(0);
      const { appended, fresh } = appendedAndFresh(data, spec, order, first);
      expect(appended.estimates.some((row) => row.groups.region === String(last))).toBe(true);
      expect(appended).toEqual(fresh);
    });
  }

  it('updated twice (responses arriving one after another): the values grow in place and the tables stay those made afresh', () => {
    const { data, spec, rows } = fixture('stratified');
    const order = Array.from({ length: rows }, (_, row) => row);
    const by = ['region', 'channel'];
    const id = spec.indicators![0]!.id;
    let design = prepareDesign(rowsOf(data, order.slice(0, rows - 17)), spec);
    estimatePreparedTable(withIndicators(design, spec), { by });
    const firstValues = withIndicators(design, spec).values.get(id)!;
    for (const first of [rows - 5, rows]) {
      const part = rowsOf(data, order.slice(0, first));
      const previous = withIndicators(design, spec).values.get(id)!;
      design = appendPrepared(design, part, spec);
      const table = estimatePreparedTable(withIndicators(design, spec), { by });
      expect(table, `${first} rows`).toEqual(estimatePreparedTable(withIndicators(prepareDesign(part, spec), spec), { by }));
      // The earlier design's view keeps its rows; the new one is written after them, in the same buffer.
      expect(previous.length).toBeLessThan(first);
      expect(withIndicators(design, spec).values.get(id)!.buffer).toBe(firstValues.buffer);
    }
  });

  it('keeps nothing of the earlier design: its columns and values can be freed once it is updated', async () => {
    // At a million responses the earlier design's columns and values are ≈ 370 MB: an updated
    // design that kept them (through the rules it carries its values over with) would hold them
    // as long as it lives, beside its own.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const { data, spec, rows } = fixture('stratified');
    expect(spec.reliability?.length).toBeGreaterThan(0);
    const order = Array.from({ length: rows }, (_, row) => row);
    const by = ['region', 'channel'];
    let earlier: Prepared | undefined = prepareDesign(rowsOf(data, order.slice(0, rows - 5)), spec);
    const earlierTable = estimatePreparedTable(withIndicators(earlier, spec), { by });
    const earlierData = new WeakRef(earlier.data);
    const earlierValues = new WeakRef(withIndicators(earlier, spec).values.get(spec.indicators![0]!.id)!);
    const all = rowsOf(data, order);
    const updated = appendPrepared(earlier, all, spec);
    earlier = undefined;
    const table = estimatePreparedTable(withIndicators(updated, spec), { by });
    expect(table).toEqual(estimatePreparedTable(withIndicators(prepareDesign(all, spec), spec), { by }));
    expect(table).not.toEqual(earlierTable);
    // A WeakRef's target lives at least to the end of the job that made it: look in the next one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(earlierData.deref(), 'the earlier rows').toBeUndefined();
    expect(earlierValues.deref(), "the earlier rows' values").toBeUndefined();
  });
});
