import { ByteWriter } from './byte-writer.ts';
import { clipBytes, fileNames } from './names.ts';
import type { NativeVariable } from './variables.ts';

/**
 * The dictionary of an SPSS system file (.sav), as the GNU PSPP developer documentation
 * describes it ("System File Format", https://www.gnu.org/software/pspp/pspp-dev/html_node/):
 * file header, one variable record per 8 bytes of a case, value labels, the machine, long-name,
 * very-long-string and encoding records, and the dictionary terminator. The data that follow
 * are written by sav-data.ts.
 */

/** Where a variable sits in a case: numbers take one 8-byte unit; text one segment per 252 bytes of width. */
export interface SavSlot {
  kind: 'number' | 'text';
  /** text: the storage of each segment, in bytes (a multiple of 8), and how many bytes of the value it holds. */
  segments: { storage: number; holds: number }[];
}

export const SYSMIS = -Number.MAX_VALUE;
const HIGHEST = Number.MAX_VALUE;
/** The largest double below SYSMIS's magnitude: PSPP's LOWEST. */
const LOWEST = -1.7976931348623155e308;
/** Compression bias: a whole number n in [1 - bias, 251 - bias] is written as the one byte n + bias. */
export const BIAS = 100;
const LABEL_MAX = 255;

const format = (type: number, width: number, decimals: number) => (type << 16) | (Math.min(width, 255) << 8) | decimals;
const F = 5;
const A = 1;

/** The segments of a text variable of `width` bytes (PSPP docs, "Very Long String Record"). */
export function segmentsOf(width: number): { width: number; storage: number; holds: number }[] {
  if (width <= 255) return [{ width, storage: Math.ceil(width / 8) * 8, holds: width }];
  const count = Math.ceil(width / 252);
  return Array.from({ length: count }, (_, index) => {
    const segment = index < count - 1 ? 255 : width - (count - 1) * 252;
    return { width: segment, storage: Math.ceil(segment / 8) * 8, holds: 255 };
  });
}

/** SPSS's codes of the measurement levels. */
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;

/** The file header and dictionary of `variables`, and each variable's place in a case. */
export function savDictionary(variables: NativeVariable[], fileLabel: string, now = new Date()): { bytes: Buffer; slots: SavSlot[] } {
  const names = fileNames(variables.map((variable) => variable.name), 64, 'spss');
  const slots: SavSlot[] = variables.map((variable) => (variable.kind === 'number'
    ? { kind: 'number', segments: [] }
    : { kind: 'text', segments: segmentsOf(variable.width).map(({ storage, holds }) => ({ storage, holds })) }));
  const units = slots.reduce((sum, slot) => sum + (slot.kind === 'number' ? 1 : slot.segments.reduce((total, segment) => total + segment.storage / 8, 0)), 0);

  const out = new ByteWriter();
  // File header: "$FL2", product, layout 2, units per case, bytecode compression, no weight, cases unknown (streamed), bias.
  out.fixed('$FL2', 4).fixed('@(#) SPSS DATA FILE Trustlens microdata export', 60).int32(2).int32(units).int32(1).int32(0).int32(-1).float64(BIAS);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (value: number) => String(value).padStart(2, '0');
  out.fixed(`${two(now.getUTCDate())} ${months[now.getUTCMonth()]} ${two(now.getUTCFullYear() % 100)}`, 9);
  out.fixed(`${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`, 8);
  out.fixed(clipBytes(fileLabel, 64), 64).fixed('', 3, 0);

  // Variable records: short names V1, V2… (one per segment); the real names go in the long-names record.
  const shortNames: string[] = [];
  const longNames: string[] = [];
  const veryLong: string[] = [];
  const dictionaryIndex: number[] = [];
  /** Display parameters (measurement level, width, alignment), one set per variable record that starts a variable or a segment. */
  const display: [number, number, number][] = [];
  const level = (variable: NativeVariable) => MEASURE[variable.measure ?? (variable.kind === 'text' ? 'nominal' : 'scale')];
  let index = 1;
  let shortNumber = 1;
  variables.forEach((variable, position) => {
    const slot = slots[position]!;
    dictionaryIndex.push(index);
    const first = `V${shortNumber}`;
    longNames.push(`${first}=${names[position]}`);
    const label = clipBytes(variable.label, LABEL_MAX);
    if (slot.kind === 'number') {
      const missing = missingSpec(variable);
      const integer = variable.range !== null || variable.codes !== null;
      const print = integer ? format(F, 8, 0) : format(F, 12, 4);
      out.int32(2).int32(0).int32(1).int32(missing.count).int32(print).int32(print).fixed(first, 8);
      out.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
      for (const value of missing.values) out.float64(value);
      display.push([level(variable), integer ? 8 : 12, 1]);
      shortNames.push(first);
      shortNumber++;
      index++;
      return;
    }
    const segments = segmentsOf(variable.width);
    if (segments.length > 1) veryLong.push(`${first}=${String(variable.width).padStart(5, '0')}\0\t`);
    segments.forEach((segment, number) => {
      const name = `V${shortNumber++}`;
      const print = format(A, segment.width, 0);
      out.int32(2).int32(segment.width).int32(number === 0 ? 1 : 0).int32(0).int32(print).int32(print).fixed(name, 8);
      if (number === 0) out.int32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
      display.push([level(variable), Math.min(segment.width, 40), 0]);
      for (let unit = 1; unit < segment.storage / 8; unit++) out.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).fixed('', 8);
      index += segment.storage / 8;
    });
  });

  // Value labels (numeric variables): a type 3 record with the pairs, then type 4 naming the variable.
  variables.forEach((variable, position) => {
    const labels = labelsOf(variable);
    if (variable.kind !== 'number' || labels.length === 0) return;
    out.int32(3).int32(labels.length);
    for (const { value, label } of labels) {
      const bytes = clipBytes(label, LABEL_MAX);
      out.float64(value).uint8(bytes.length).fixed(bytes, Math.ceil((bytes.length + 1) / 8) * 8 - 1);
    }
    out.int32(4).int32(1).int32(dictionaryIndex[position]!);
  });

  // Machine integer info: version, machine -1, IEEE 754, bytecode compression, little-endian, UTF-8 (65001).
  out.int32(7).int32(3).int32(4).int32(8).int32(1).int32(0).int32(0).int32(-1).int32(1).int32(1).int32(2).int32(65001);
  out.int32(7).int32(4).int32(8).int32(3).float64(SYSMIS).float64(HIGHEST).float64(LOWEST);
  // Variable display parameters (PSPP docs, "Variable Display Parameter Record"): measurement level, width, alignment.
  out.int32(7).int32(11).int32(4).int32(display.length * 3);
  for (const [measure, width, alignment] of display) out.int32(measure).int32(width).int32(alignment);
  const record = (subtype: number, text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    out.int32(7).int32(subtype).int32(1).int32(bytes.length).bytes(bytes);
  };
  record(13, longNames.join('\t'));
  if (veryLong.length > 0) record(14, veryLong.join(''));
  record(20, 'UTF-8');
  out.int32(999).int32(0);
  return { bytes: out.result(), slots };
}

/** Value labels written for a numeric variable: its choices, and the item bank's meaning for a missing code without one. */
export function labelsOf(variable: NativeVariable): { value: number; label: string }[] {
  const labels = [...variable.labels];
  for (const code of variable.missing) if (!labels.some((label) => label.value === code.value)) labels.push({ value: code.value, label: code.meaning });
  return labels;
}

/**
 * SPSS's user-missing values: up to three codes, or a range (with one more code) when that
 * covers no answer. The item bank's codes (7, 8, 9; 77, 88, 99) fit either way.
 */
function missingSpec(variable: NativeVariable): { count: number; values: number[] } {
  const codes = variable.missing.map((code) => code.value);
  if (codes.length <= 3) return { count: codes.length, values: codes };
  const answers = variable.labels.map((label) => label.value).filter((value) => !codes.includes(value));
  const [low, high] = [codes[0]!, codes.at(-1)!];
  if (!answers.some((value) => value >= low && value <= high)) return { count: -2, values: [low, high] };
  return { count: 3, values: codes.slice(0, 3) };
}
