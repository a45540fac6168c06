import type { Column, Margins } from '../../analysis/index.ts';

const missing = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && value !== value);

/** Waves in order of first appearance (as `new Set(wave)` gives them), after `earlier` ones. */
export function wavesSeen(earlier: readonly number[], wave: Float64Array): number[] {
  const waves = new Set(earlier);
  for (let row = 0; row < wave.length; row++) waves.add(wave[row] as number);
  return [...waves];
}

/** Per row, the wave-crossed label of a margin column's value (`<wave>|<value>`), null where it is missing. */
export function crossedLabels(source: Column, wave: Float64Array): (string | null)[] {
  const values = new Array<string | null>(wave.length);
  // One label string per (wave, category), shared by its rows.
  const labels = new Map<number, Map<unknown, string>>();
  for (let row = 0; row < wave.length; row++) {
    const value = source[row];
    if (missing(value)) {
      values[row] = null;
      continue;
    }
    const rowWave = wave[row] as number;
    let ofWave = labels.get(rowWave);
    if (ofWave === undefined) labels.set(rowWave, (ofWave = new Map()));
    let label = ofWave.get(value);
    if (label === undefined) ofWave.set(value, (label = `${rowWave}|${value}`));
    values[row] = label;
  }
  return values;
}

/**
 * The census totals of a margin crossed with the waves, for the (wave, category) labels present.
 * A wave without respondents in some category (e.g. the few web responses that have no wave) is
 * raked to the categories it has; the table's notes say so.
 */
export function crossedTotals(column: string, totals: Record<string, number>, waves: readonly number[], present: ReadonlySet<string | null>, notes: string[]): Record<string, number> {
  const absent = new Map<string, string[]>();
  const crossed = Object.fromEntries(waves.map(String).flatMap((label) => Object.entries(totals).flatMap(([category, total]) => {
    const key = `${label}|${category}`;
    if (present.has(key)) return [[key, total]];
    absent.set(label, [...(absent.get(label) ?? []), category]);
    return [];
  })));
  for (const [label, categories] of absent) {
    const of = Object.keys(totals).length;
    notes.push(`${label === 'NaN' ? 'Responses without a wave (e.g. web responses)' : `Wave ${label}`}: no respondents in ${categories.length} of ${of} census categories of ${column} (${categories.join(', ')}); raked to the categories present.`);
  }
  return crossed;
}

/**
 * Margins crossed with the wave, which is raking each wave to the census margins on its own (IPF
 * on wave-crossed margins separates by wave): a `__rake_<column>` column of labels is added to
 * `data` per margin, and the labels present are put in `present`. One wave: the margins as they are.
 */
export function waveCrossedMargins(rake: Margins, data: Record<string, Column>, wave: Float64Array, waves: readonly number[], notes: string[], present: Map<string, ReadonlySet<string | null>>): Margins {
  if (waves.length <= 1) return rake;
  const crossed: Margins = {};
  for (const [column, totals] of Object.entries(rake)) {
    const source = data[column];
    if (!source) continue;
    const name = `__rake_${column}`;
    const values = crossedLabels(source, wave);
    data[name] = values;
    const labels = new Set(values);
    present.set(name, labels);
    crossed[name] = crossedTotals(column, totals, waves, labels, notes);
  }
  return crossed;
}
