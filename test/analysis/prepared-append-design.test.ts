import { describe, expect, it } from 'vitest';
import { appendPrepared, buildDesign, estimatePreparedTable, prepareDesign, withIndicators, type AnalysisSpec, type Column, type Columns, type Margins } from '../../analysis/index.ts';
import { appendDesign, appendMarginCodes } from '../../analysis/design-append.ts';
import { psuFirstRows } from '../../analysis/design.ts';
import { marginCodes } from '../../analysis/weighting/post-stratify.ts';
import { readCsvColumns, readSpec } from './fixtures.ts';

// An updated design carries the earlier rows' strata, PSU and calibration margin codes over and
// looks up the appended rows alone (analysis/design-append.ts); the raking is done again. Design,
// calibration and every estimate must be those of a design made afresh, to the last bit: a new
// stratum whose label sorts between earlier ones, a new PSU in an earlier stratum, margin labels
// first seen in the appended rows (a new wave of wave-crossed margins, as the API rakes), missing
// values, label and number columns, one margin and two.

const by = ['region', 'channel'];
const source = readCsvColumns('stratified.csv');
const baseSpec = readSpec('stratified.spec.json');
const rows = (source.stratum as string[]).length;

/** A fixed shuffle, so appended rows fall in PSUs and strata the first rows already have. */
function shuffled(count: number): number[] {
  const order = Array.from({ length: count }, (_, row) => row);
  let seed = 777;
  for (let at = count - 1; at > 0; at--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const other = seed % (at + 1);
    [order[at], order[other]] = [order[other] as number, order[at] as number];
  }
  return order;
}

type Edit = (column: string, row: number) => string | undefined;

/** The fixture's rows in `order`, with a wave-crossed region margin column, edits applied, as labels or numbers. */
function dataOf(order: readonly number[], edit: Edit, numbers: boolean): Columns {
  const data: Record<string, Column> = {};
  for (const [name, column] of Object.entries(source)) {
    data[name] = order.map((row, at) => edit(name, at) ?? (column[row] as string));
  }
  data.wave_region = order.map((_, at) => `${(data.wave as string[])[at]}|${(data.region as string[])[at]}`);
  if (numbers) {
    for (const name of ['stratum', 'psu', 'w']) {
      data[name] = Float64Array.from(data[name] as string[], (value) => (value === '' ? NaN : Number(value.replace(/^S/, ''))));
    }
  }
  return data;
}

/** Totals for every label the rows have (so each first part and the whole can be raked). */
function totals(data: Columns, column: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const value of data[column] as string[]) found[value] = (found[value] ?? 0) + 1000;
  return found;
}

const part = (data: Columns, count: number): Columns =>
  Object.fromEntries(Object.entries(data).map(([name, column]) => [name, column.slice(0, count)]));

function specOf(data: Columns, weighting: 'raked' | 'post' | 'none'): AnalysisSpec {
  if (weighting === 'none') return baseSpec;
  const rake: Margins = weighting === 'raked' ? { wave_region: totals(data, 'wave_region'), sex: totals(data, 'sex') } : { wave_region: totals(data, 'wave_region') };
  return { ...baseSpec, weighting: weighting === 'raked' ? { rake } : { postStratify: rake } };
}

/** Updates a design step by step and checks design, calibration and table against fresh ones each time. */
function updates(data: Columns, weighting: 'raked' | 'post' | 'none', steps: readonly number[]): void {
  let design = prepareDesign(part(data, steps[0]!), specOf(part(data, steps[0]!), weighting));
  estimatePreparedTable(withIndicators(design, design.spec), { by });
  for (const count of steps.slice(1)) {
    const all = part(data, count);
    const spec = specOf(all, weighting);
    const carried = appendDesign(design.design, all, spec.design);
    expect(carried, `${count} rows: carried over`).toBeDefined();
    expect(carried).toEqual(buildDesign(all, spec.design));
    const margins = spec.weighting?.rake ?? spec.weighting?.postStratify;
    if (margins) {
      expect(appendMarginCodes(design.calibration, all, margins)).toEqual(Object.keys(margins).map((column) => marginCodes(all, column)));
    }
    design = appendPrepared(design, all, spec);
    const fresh = prepareDesign(all, spec);
    expect(design.design, `${count} rows`).toEqual(fresh.design);
    expect(design.calibration, `${count} rows`).toEqual(fresh.calibration);
    expect(estimatePreparedTable(withIndicators(design, { ...spec, indicators: baseSpec.indicators }), { by }), `${count} rows`)
      .toEqual(estimatePreparedTable(withIndicators(fresh, { ...spec, indicators: baseSpec.indicators }), { by }));
  }
}

const at = (positions: number[], value: string): ((row: number) => string | undefined) => (row) => (positions.includes(row) ? value : undefined);

describe('an updated design carries its strata, PSU and margin codes over', () => {
  for (const numbers of [false, true]) {
    for (const weighting of ['raked', 'post', 'none'] as const) {
      const kind = `${numbers ? 'number' : 'label'} columns, ${weighting}`;

      it(`${kind}: shuffled rows appended a few at a time`, () => {
        updates(dataOf(shuffled(rows), () => undefined, numbers), weighting, [rows - 60, rows - 59, rows - 40, rows - 3, rows]);
      });

      it(`${kind}: a new stratum sorting between earlier ones, a new PSU in an earlier stratum, a new wave, missing items`, () => {
        const edits: Record<string, (row: number) => string | undefined> = {
          // S35 / 3.5 sorts between S3 and S4: the earlier strata codes are renumbered.
          stratum: (row) => (row >= rows - 6 && row < rows - 3 ? (numbers ? '3.5' : 'S35') : row === rows - 2 ? (numbers ? '2' : 'S2') : undefined),
          psu: (row) => (row >= rows - 6 && row < rows - 4 ? '901' : row === rows - 4 ? '902' : row === rows - 2 ? '903' : undefined),
          // Wave 0: its wave × region labels sort before every earlier one.
          wave: at([rows - 5, rows - 1], '0'),
          trust_police: at([rows - 6, rows - 2], ''),
          pf_fair: at([rows - 1], ''),
          ch_station: at([rows - 3], ''),
        };
        const data = dataOf(shuffled(rows), (column, row) => edits[column]?.(row), numbers);
        updates(data, weighting, [rows - 8, rows - 5, rows - 3, rows]);
      });
    }
  }

  it('a region first seen in the appended rows (unweighted: its label sorts before the earlier ones)', () => {
    const region = source.region as string[];
    const order = shuffled(rows).sort((a, b) => Number(region[a] === 'banja_luka') - Number(region[b] === 'banja_luka'));
    const first = order.findIndex((row) => region[row] === 'banja_luka');
    // Raked to wave × region, whose labels for banja_luka are new too (their totals come with them).
    updates(dataOf(order, () => undefined, false), 'raked', [first, first + 1, first + 9, rows]);
    updates(dataOf(order, () => undefined, true), 'none', [first, first + 2, rows]);
  });

  it('no strata or PSUs: each row its own PSU', () => {
    const spec: AnalysisSpec = { ...baseSpec, design: { weight: 'w' } };
    const data = dataOf(shuffled(rows), () => undefined, true);
    let design = prepareDesign(part(data, rows - 3), spec);
    design = appendPrepared(design, data, spec);
    expect(design.design).toEqual(prepareDesign(data, spec).design);
  });

  it('an appended row without a stratum, PSU or margin value: the error of a design made afresh', () => {
    for (const [column, issue] of [['stratum', 'stratum is missing'], ['psu', 'PSU is missing'], ['sex', 'weighting margin value is missing']] as const) {
      const data = dataOf(shuffled(rows), (name, row) => (name === column && row === rows - 2 ? '' : undefined), false);
      const spec = specOf(dataOf(shuffled(rows), () => undefined, false), 'raked');
      const earlier = prepareDesign(part(data, rows - 3), specOf(part(data, rows - 3), 'raked'));
      expect(() => prepareDesign(data, spec)).toThrow(issue);
      let message = '';
      try {
        appendPrepared(earlier, data, spec);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toBe((() => {
        try {
          prepareDesign(data, spec);
        } catch (error) {
          return (error as Error).message;
        }
        return 'no error';
      })());
    }
  });
  it('an appended row with a negative weight: the error of a design made afresh (earlier rows are not checked again)', () => {
    const data = dataOf(shuffled(rows), (name, row) => (name === 'w' && row === rows - 2 ? '-1' : undefined), true);
    const spec = specOf(data, 'post');
    const earlier = prepareDesign(part(data, rows - 3), specOf(part(data, rows - 3), 'post'));
    expect(() => prepareDesign(data, spec)).toThrow(`row ${rows - 1}`);
    expect(() => appendDesign(earlier.design, data, spec.design)).toThrow(`row ${rows - 1}`);
    expect(() => appendPrepared(earlier, data, spec)).toThrow('weight must be zero or a positive number, got -1');
  });

  it('keeps each PSU\'s first row for the next update, as a pass over every row finds it', () => {
    const data = dataOf(shuffled(rows), (column, row) => (column === 'psu' && row >= rows - 4 ? `90${row % 2}` : undefined), false);
    let design = prepareDesign(part(data, rows - 10), specOf(part(data, rows - 10), 'post'));
    for (const count of [rows - 6, rows - 3, rows]) {
      design = appendPrepared(design, part(data, count), specOf(part(data, count), 'post'));
      const { psuOfRow, psuCount } = design.design;
      const scanned = new Int32Array(psuCount).fill(-1);
      psuOfRow.forEach((psu, row) => { if (scanned[psu] === -1) scanned[psu] = row; });
      expect(psuFirstRows(design.design), `${count} rows`).toEqual(scanned);
    }
  });
});
