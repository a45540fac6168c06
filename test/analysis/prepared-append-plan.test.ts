import { describe, expect, it } from 'vitest';
import { appendPrepared, estimatePreparedTable, prepareDesign, withIndicators, type AnalysisSpec, type Column, type Columns, type Prepared } from '../../analysis/index.ts';
import { tablePlan } from '../../analysis/breakdown-estimates.ts';
import { tableBreakdowns } from '../../analysis/estimate-table.ts';
import { readCsvColumns, readJson, readSpec } from './fixtures.ts';

// The table's plan (cells of every breakdown, every row's entries) depends on no weight, so an
// updated design carries it over to the appended rows instead of indexing every row again. The
// tables must stay those of a design made afresh, to the last bit: appended rows in PSUs met
// before and new ones, several updates in a row, a group first seen in the appended rows, and
// missing values.

const by = ['region', 'channel'];

const rowsOf = (data: Columns, rows: readonly number[]): Columns =>
  Object.fromEntries(Object.entries(data).map(([name, column]: [string, Column]) =>
    [name, column instanceof Float64Array ? Float64Array.from(rows, (row) => column[row] as number) : rows.map((row) => column[row] ?? null)]));

function fixture(name: string): { data: Columns; spec: AnalysisSpec; rows: number } {
  const found = readJson<{ data: string; spec: string }>(`${name}.expected.json`);
  const data = readCsvColumns(found.data);
  return { data, spec: readSpec(found.spec), rows: Object.values(data)[0]!.length };
}

/** A fixed shuffle, so appended rows fall in PSUs and domains the first rows already have. */
function shuffled(rows: number): number[] {
  const order = Array.from({ length: rows }, (_, row) => row);
  let seed = 12345;
  for (let at = rows - 1; at > 0; at--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const other = seed % (at + 1);
    [order[at], order[other]] = [order[other] as number, order[at] as number];
  }
  return order;
}

const table = (design: Prepared, spec: AnalysisSpec) => estimatePreparedTable(withIndicators(design, spec), { by });
const planCarried = (design: Prepared): boolean => [...design.derivedEntries.keys()].some((key) => key.startsWith('plan:'));

/** Updates a design row count by row count, checking each table against a fresh one; says at which steps the plan was carried. */
function updates(data: Columns, spec: AnalysisSpec, order: readonly number[], steps: readonly number[]): boolean[] {
  let design = prepareDesign(rowsOf(data, order.slice(0, steps[0])), spec);
  expect(table(design, spec)).toEqual(table(prepareDesign(rowsOf(data, order.slice(0, steps[0])), spec), spec));
  const carried: boolean[] = [];
  for (const rows of steps.slice(1)) {
    const part = rowsOf(data, order.slice(0, rows));
    design = appendPrepared(design, part, spec);
    carried.push(planCarried(design));
    const fresh = prepareDesign(part, spec);
    expect(table(design, spec), `${rows} rows`).toEqual(table(fresh, spec));
    // The same cells and row entries as indexed afresh, not only the same numbers.
    const breakdowns = tableBreakdowns({ by });
    const { entries, summed } = tablePlan(design, breakdowns);
    const made = tablePlan(fresh, breakdowns);
    expect(entries, `${rows} rows`).toEqual(made.entries);
    expect(summed.map((part) => part.cells)).toEqual(made.summed.map((part) => part.cells));
  }
  return carried;
}

describe("an updated design's table plan", () => {
  for (const name of ['stratified', 'raked']) {
    it(`${name}: carried over through several updates, rows shuffled, equal to the plan made afresh`, () => {
      const { data, spec, rows } = fixture(name);
      const carried = updates(data, spec, shuffled(rows), [rows - 60, rows - 59, rows - 40, rows - 3, rows]);
      expect(carried).toEqual([true, true, true, true]);
    });

    it(`${name}: a channel first used in the appended rows`, () => {
      const { data, spec, rows } = fixture(name);
      const station = data.ch_station as readonly (string | number | null)[];
      const order = shuffled(rows).sort((a, b) => Number(String(station[a]) === '1') - Number(String(station[b]) === '1'));
      const first = order.findIndex((row) => String(station[row]) === '1');
      expect(first).toBeGreaterThan(0);
      const carried = updates(data, spec, order, [first, first + 1, Math.min(rows, first + 30), rows]);
      expect(carried.every(Boolean)).toBe(true);
    });

    it(`${name}: a region first seen in the appended rows (codes move: the plan is made afresh)`, () => {
      const { data, spec, rows } = fixture(name);
      const region = data.region as readonly (string | number | null)[];
      const last = region[0];
      const order = shuffled(rows).sort((a, b) => Number(region[a] === last) - Number(region[b] === last));
      const first = order.findIndex((row) => region[row] === last);
      expect(updates(data, spec, order, [first, first + 2, rows])).toEqual([false, true]);
    });

    it(`${name}: appended rows with missing channel answers, indicator values or region`, () => {
      const { data: read, spec, rows } = fixture(name);
      const data: Record<string, Column> = { ...read };
      const order = shuffled(rows);
      const blank = (column: string, positions: number[]): void => {
        const values = [...(data[column] as readonly (string | number | null)[])];
        for (const at of positions) values[order[at] as number] = '';
        data[column] = values as Column;
      };
      blank('ch_facebook', [rows - 5, rows - 2]);
      blank('ch_station', [rows - 5]);
      blank('trust_police', [rows - 4, rows - 2]);
      blank('pf_fair', [rows - 1]);
      // With every region known, channel is folded from region × channel; a row without a region
      // ends that (the plan is made afresh then).
      blank('region', [rows - 1]);
      expect(updates(data, spec, order, [rows - 6, rows - 4, rows - 1, rows])).toEqual([true, true, false]);
    });
  }
});
