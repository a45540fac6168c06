import { labelsOf } from './sav-dictionary.ts';
import type { NativeVariable } from './variables.ts';

/**
 * How each variable is stored in a Stata 118 file (Stata's "dta" file-format description,
 * `help dta`): the smallest integer type that holds every value the questionnaire allows, else a
 * double; text as str1…str2045, or strL when longer. Missing codes become extended missing values
 * `.a`, `.b`, … in ascending order of code (the codebook lists the codes; a file's value labels
 * name them).
 */
export interface DtaColumn {
  /** Stata type code: 1–2045 str#, 32768 strL, 65526 double, 65528 long, 65529 int, 65530 byte. */
  type: number;
  /** Bytes per row. */
  size: number;
  /** Missing code → its extended-missing letter index (0 = .a). */
  extended: Map<number, number>;
  /** Value labels: integer value (or extended missing) → label. */
  labels: { value: number; label: string }[];
  format: string;
}

export const STRL = 32768;
export const DOUBLE = 65526;
export const LONG = 65528;
export const INT = 65529;
export const BYTE = 65530;
export const STR_MAX = 2045;

/** Stata's system missing of each integer type; `.a` is one more, `.b` two more… */
export const MISSING_INT = { [BYTE]: 101, [INT]: 32741, [LONG]: 2147483621 } as Record<number, number>;

export function dtaColumn(variable: NativeVariable): DtaColumn {
  if (variable.kind === 'text') {
    const strl = variable.width > STR_MAX;
    return { type: strl ? STRL : variable.width, size: strl ? 8 : variable.width, extended: new Map(), labels: [], format: `%${Math.min(variable.width, 2045)}s` };
  }
  const extended = new Map(variable.missing.slice(0, 26).map((code, index) => [code.value, index]));
  const answers = variable.range ? { min: variable.range.min, max: variable.range.max } : null;
  const type = !answers ? DOUBLE : answers.min >= -127 && answers.max <= 100 ? BYTE : answers.min >= -32767 && answers.max <= 32740 ? INT : answers.min >= -2147483647 && answers.max <= 2147483620 ? LONG : DOUBLE;
  const size = { [BYTE]: 1, [INT]: 2, [LONG]: 4, [DOUBLE]: 8 }[type]!;
  // Value labels hold int32 values; an extended missing value is labelled as long's .a, .b, …
  const labels = labelsOf(variable).flatMap(({ value, label }) => {
    const letter = extended.get(value);
    if (letter !== undefined) return [{ value: MISSING_INT[LONG]! + 1 + letter, label }];
    return Number.isInteger(value) && Math.abs(value) <= 2147483620 ? [{ value, label }] : [];
  });
  return { type, size, extended, labels, format: type === DOUBLE ? '%10.0g' : '%8.0g' };
}
