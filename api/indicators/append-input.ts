import type { Column, Columns } from '../../analysis/index.ts';
import { appendNumbers, appendRows } from '../../analysis/growable.ts';
import { isNumberColumn } from '../../analysis/columns.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { designCodes, engineSpec, fieldOf, rakeOf, withoutWeight, type AnalysisInput, type InputCarry, type TableNeeds } from './analysis-input.ts';
import { designColumns } from './design-columns.ts';
import type { LoadedColumns } from './load-columns.ts';
import { keptRows, rowNotes, tableRows, type TableRows } from './table-rows.ts';
import { crossedLabels, crossedTotals, wavesSeen, waveCrossedMargins } from './wave-margins.ts';

const cut = <T extends Column>(column: T, from: number): T =>
  (isNumberColumn(column) ? column.subarray(from) : (column as readonly unknown[]).slice(from)) as T;

/** The loaded rows from `from` on. */
function tailOf(all: LoadedColumns, from: number): LoadedColumns {
  const variables: Record<string, Column> = {};
  for (const [name, column] of Object.entries(all.variables)) variables[name] = cut(column, from);
  return {
    rows: all.rows - from, variables, source: all.source, wave: cut(all.wave, from), weight: cut(all.weight, from),
    stratum: cut(all.stratum, from), psu: cut(all.psu, from), language: cut(all.language, from), mode: cut(all.mode, from),
  };
}

/** The earlier rows' selection followed by the appended rows' (from loaded row `from` on), as tableRows gives it for all. */
function joinedSelection(first: TableRows, tail: TableRows, from: number, tailRows: number): TableRows {
  const firstCount = first.kept?.length ?? from;
  let kept: Uint32Array | null = null;
  if (first.kept !== null || tail.kept !== null) {
    const tailCount = tail.kept?.length ?? tailRows;
    kept = new Uint32Array(firstCount + tailCount);
    if (first.kept !== null) kept.set(first.kept);
    else for (let row = 0; row < from; row++) kept[row] = row;
    for (let index = 0; index < tailCount; index++) kept[firstCount + index] = from + (tail.kept === null ? index : (tail.kept[index] as number));
  }
  const notRaked = { ...first.notRaked };
  for (const [name, count] of Object.entries(tail.notRaked)) notRaked[name] = (notRaked[name] ?? 0) + count;
  return { kept, screenedOut: first.screenedOut + tail.screenedOut, notRaked, notRakedTotal: first.notRakedTotal + tail.notRakedTotal };
}

function joined(first: Column | undefined, second: Column): Column {
  // A float32 column gets appended values that are not all float32s: widened, never rounded.
  if (first !== undefined && isNumberColumn(first) && isNumberColumn(second)) return appendNumbers(first, second);
  return (first as (string | number | null)[]).concat(second as (string | number | null)[]);
}

/**
 * `analysisInput(meta, all, needs)` for loaded rows whose first `carry.loadedRows` rows gave the
 * input `previous` (its data) and `carry`: the appended rows alone are selected, coded (strata and
 * PSUs going on from the earlier codes), weighted and labelled for the wave-crossed margins, and
 * joined to the earlier rows' columns, instead of doing all of that for every row on each new
 * response. The result equals analysisInput's, column for column (test/api/append-input.test.ts).
 * Undefined where this is not done (made afresh then): a design with an fpc (whose gaps are filled
 * from every row of a stratum) or replicate weights, or rows that are not those appended to.
 */
export function appendAnalysisInput(meta: SurveyMeta, all: LoadedColumns, needs: TableNeeds, carry: InputCarry, previous: Columns): AnalysisInput | undefined {
  const design = meta.design ?? {};
  const from = carry.loadedRows;
  const before = carry.rows.kept?.length ?? from;
  const weights = previous.__weight;
  if (design.fpc || design.replicates || all.rows < from || !(weights instanceof Float64Array) || weights.length !== before) return undefined;
  const rake = rakeOf(meta, needs);
  const tail = tailOf(all, from);
  const tailSelection = tableRows(tail, rake);
  const rows = joinedSelection(carry.rows, tailSelection, from, tail.rows);
  const added = keptRows(tail, tailSelection.kept);
  const notes = rowNotes(rows);
  const strata = carry.strata.continued();
  const psus = carry.psus.continued();
  const codes = designCodes(meta, added, strata, psus, before);
  const extra = designColumns(meta, needs.weighting, rake !== undefined, fieldOf(added), codes.strata, added.rows);
  notes.push(...extra.notes);
  // Every row kept: the loaded columns themselves, as analysisInput gives them.
  const column = (name: string, tailColumn: Column, allColumn: Column): Column => (rows.kept === null ? allColumn : joined(previous[name], tailColumn));
  const data: Record<string, Column> = {};
  for (const [name, tailColumn] of Object.entries(added.variables)) data[name] = column(name, tailColumn, all.variables[name] as Column);
  data.wave = column('wave', added.wave, all.wave);
  data.language = column('language', added.language, all.language);
  data.mode = column('mode', added.mode, all.mode);
  Object.assign(data, extra.columns);
  data.__weight = appendRows(weights, extra.weights);
  data.__stratum = appendRows(previous.__stratum as Float64Array, codes.strata);
  data.__psu = appendRows(previous.__psu as Float64Array, codes.psus);
  const spec = engineSpec(meta, needs, extra.design);
  const waves = rake ? wavesSeen(carry.waves, added.wave) : [];
  let present = carry.present;
  if (rake && carry.waves.length <= 1) {
    // The first rows had one wave, so no crossed margins to go on from: crossed on every row.
    const made = new Map<string, ReadonlySet<string | null>>();
    spec.weighting = { rake: waveCrossedMargins(rake, data, data.wave as Float64Array, waves, notes, made) };
    present = made;
  } else if (rake) {
    const crossed: Record<string, Record<string, number>> = {};
    const made = new Map<string, ReadonlySet<string | null>>();
    const tailData: Record<string, Column> = { ...added.variables, wave: added.wave, language: added.language, mode: added.mode };
    for (const [name, totals] of Object.entries(rake)) {
      const source = tailData[name];
      if (!source) continue;
      const crossedName = `__rake_${name}`;
      const labels = crossedLabels(source, added.wave);
      data[crossedName] = joined(previous[crossedName], labels);
      const seen = new Set(carry.present.get(crossedName));
      for (const label of labels) seen.add(label);
      made.set(crossedName, seen);
      crossed[crossedName] = crossedTotals(name, totals, waves, seen, notes);
    }
    spec.weighting = { rake: crossed };
    present = made;
  }
  return {
    data, spec, notes, rows,
    carry: { loadedRows: all.rows, rows, strata, psus, waves, present, withoutDesignWeight: carry.withoutDesignWeight + withoutWeight(added.weight) },
  };
}
