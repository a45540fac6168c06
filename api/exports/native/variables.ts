import type { SurveyLayout } from '../../indicators/survey-layout.ts';
import { essNames, type CodebookEntry } from '../codebook.ts';
import { valueLabels, type MicrodataColumn } from '../microdata-columns.ts';
import { codedValues } from './coded-values.ts';
import { ITEM_BANK } from '../../../surveys/items/index.ts';

const BANK = new Map(ITEM_BANK.map((item) => [item.name, item]));

/** One variable of a native (SPSS, Stata) file: a column of the microdata CSV, typed and labelled. */
export interface NativeVariable {
  /** The column's name in the CSV header (the cells come in that order). */
  column: string;
  /** The name wanted in the file (the column's, or its ESS name with `names=ess`), before each format's own rules. */
  name: string;
  /** Question text in the chosen language (English where it has none). */
  label: string;
  kind: 'number' | 'text';
  /** text: the longest value in UTF-8 bytes (at least 1). */
  width: number;
  /** number: a text answer → its numeric code (null: the cell is a number already). */
  codes: Map<string, number> | null;
  /** Labels of numeric values, in the chosen language. */
  labels: { value: number; label: string }[];
  /** Missing-value codes of the item bank (numbers), ascending, each with its meaning. */
  missing: { value: number; meaning: string }[];
  /** Every value is a known integer in [min, max] (Stata then stores it in a byte or int). */
  range: { min: number; max: number } | null;
  /** SPSS's measurement level (measureOf). */
  measure?: Measure;
}

export type Measure = 'nominal' | 'ordinal' | 'scale';

export interface NativeOptions {
  language: string;
  names: 'own' | 'ess';
  /** Longest value in bytes of each text column, by CSV column name (text-widths.ts). */
  widths: Map<string, number>;
}

const NUMBER_TYPES = new Set(['integer', 'number', 'boolean', 'member']);

/**
 * The variables of a native export, one per column of `header` (the microdata CSV's own column
 * list, so a column added to the CSV appears here too: typed from its codebook entry, or as text).
 * Choices become labelled numbers (text values through their codes: coded-values.ts), ratings
 * keep their end labels, missing codes come from the item bank; free answers stay text.
 */
export function nativeVariables(survey: SurveyLayout, header: readonly string[], columns: MicrodataColumn[], entries: CodebookEntry[], options: NativeOptions): NativeVariable[] {
  const coded = codedValues(survey.versions.map((version) => version.definition));
  const byColumn = new Map(columns.map((column) => [column.name, column]));
  const byEntry = new Map(entries.map((entry) => [entry.variable, entry]));
  const names = options.names === 'ess' ? essNames(header, entries) : header;
  return header.map((name, position): NativeVariable => {
    const variable = typed(name, position);
    return { ...variable, measure: measureOf(variable, byColumn.get(name)) };
  });

  function typed(name: string, position: number): NativeVariable {
    const entry = byEntry.get(name);
    const column = byColumn.get(name);
    const label = entry?.text[options.language] ?? entry?.text.en ?? name;
    const base = {
      column: name,
      name: names[position]!,
      label,
      width: 1,
      codes: null,
      labels: [],
      missing: [],
      range: null,
    };
    const text = (): NativeVariable => ({ ...base, kind: 'text', width: Math.max(1, options.widths.get(name) ?? 1) });
    const missing = [...(entry?.missing ?? [])].sort((a, b) => a.value - b.value).map(({ value, meaning }) => ({ value, meaning }));
    if (!column) return entry && NUMBER_TYPES.has(entry.type) ? { ...base, kind: 'number' } : text();
    if (column.kind === 'member') {
      return { ...base, kind: 'number', labels: valueLabels(column, options.language) as { value: number; label: string }[], range: { min: 0, max: 1 } };
    }
    const values = coded.get(column.question);
    if (values) {
      const labelled = new Map(valueLabels(column, options.language).map(({ value, label }) => [String(value), label]));
      const labels = [...values.codes].map(([value, code]) => ({ value: code, label: labelled.get(value) ?? value }));
      // A text-valued choice's answers are texts, so the item bank's numeric missing codes never occur
      // in its data; applied to the codes they would mark real answers (code 9 of a list) as missing.
      const own = values.numeric ? missing : [];
      return { ...base, kind: 'number', codes: values.numeric ? null : values.codes, labels, missing: own, range: integerRange([...values.codes.values(), ...own.map((code) => code.value)]) };
    }
    const json = column.json;
    if (json.type === 'rating' && !(Array.isArray(json.rateValues) && json.rateValues.length > 0)) {
      const min = Number(json.rateMin ?? 1);
      const max = Number(json.rateMax ?? 5);
      const step = Number(json.rateStep ?? 1);
      const integers = Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(step);
      return { ...base, kind: 'number', labels: valueLabels(column, options.language) as { value: number; label: string }[], missing, range: integers ? integerRange([min, max, ...missing.map((code) => code.value)]) : null };
    }
    if ((json.type === 'text' && json.inputType === 'number') || (json.type === 'boolean' && json.valueTrue === undefined && json.valueFalse === undefined)) {
      return { ...base, kind: 'number', missing, range: json.type === 'boolean' ? { min: 0, max: 1 } : null };
    }
    return text();
  }
}

/**
 * SPSS's measurement level of a variable, so SPSS offers the right analyses without the user
 * setting each: texts, ticked/not-ticked columns, text-valued choices, yes/no and the synthetic
 * flag are nominal; rating scales, numbered choices the item bank calls ordered (never … very
 * often, agree … disagree), waves and versions ordinal; other numbered choices (sex; questions
 * not from the item bank) nominal; numbers typed in and the weight scale.
 */
export function measureOf(variable: NativeVariable, column: MicrodataColumn | undefined): Measure {
  if (variable.kind === 'text' || variable.codes !== null || column?.kind === 'member') return 'nominal';
  if (variable.column === 'is_synthetic') return 'nominal';
  if (variable.column === 'wave' || variable.column === 'version') return 'ordinal';
  const json = column?.json;
  if (json?.type === 'rating') return 'ordinal';
  if (json?.type === 'boolean') return 'nominal';
  if (json && Array.isArray(json.choices)) return (BANK.get(column!.question)?.scale as { ordered?: boolean } | undefined)?.ordered ? 'ordinal' : 'nominal';
  return 'scale';
}

function integerRange(values: number[]): { min: number; max: number } | null {
  if (values.length === 0 || !values.every(Number.isInteger)) return null;
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** A cell of the CSV (codes) as the native file stores it: a number (null: missing) for numeric variables, text otherwise. */
export function nativeCell(variable: NativeVariable, cell: string | number | null): number | string | null {
  if (variable.kind === 'text') return cell === null ? '' : String(cell);
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return cell;
  const code = variable.codes?.get(cell);
  if (code !== undefined) return code;
  const number = Number(cell);
  if (Number.isFinite(number)) return number;
  throw new Error(`Value "${cell}" of ${variable.column} has no numeric code.`);
}
