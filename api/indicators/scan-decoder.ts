import type { Column, NumberColumn } from '../../analysis/index.ts';
import { firstRows, roomyArray, roomyColumn } from '../../analysis/growable.ts';
import type { Layout, Variable } from './layout.ts';
import type { Scan, ScannedFields } from './column-scan.ts';

/** One stored response_values row as a scan reads it: wave, weight, stratum, psu, language, mode, packed values, rowid. */
export type StoredRow = [number | null, number | null, string | null, string | null, string, string, Uint8Array, number];

/**
 * Decodes scanned rows into preallocated columns, whichever database they come from: the
 * asked-for positions of each packed blob straight into number columns (text-coded variables into
 * their texts). A number column is a Float32Array while every value is exactly a float32 (answer
 * codes, 0/1 choices: half the memory of the ~50 cached columns, and each read gives the same
 * double), made a Float64Array at the first value that is not (a free number, a weight).
 * Nothing per row survives but the values: the blob is copied once into an aligned
 * scratch buffer, and repeated texts (stratum, PSU, language, mode) are interned so a cached copy
 * holds one string per distinct value rather than one per row. `put` writes a row at a given
 * place, so a caller that reads rows in another order than the scan's can put them where they go.
 */
export class ScanDecoder {
  private readonly numbers: (NumberColumn | null)[];
  private readonly labels: ((string | null)[] | null)[];
  private readonly fields: ScannedFields | undefined;
  private readonly intern = new Map<string, string>();
  private readonly scratch: Float64Array;
  private readonly scratchBytes: Uint8Array;
  private readonly positions: Int32Array;
  private maxRowid: number;

  constructor(layout: Layout, private readonly wanted: readonly Variable[], withFields: boolean, private readonly capacity: number, afterRowid: number) {
    this.numbers = wanted.map((variable) => (variable.kind === 'code' ? null : roomyArray(Float32Array, capacity)));
    this.labels = wanted.map((variable) => (variable.kind === 'code' ? new Array<string | null>(capacity).fill(null) : null));
    this.fields = withFields
      ? { wave: roomyColumn(capacity), weight: roomyColumn(capacity), stratum: new Array(capacity), psu: new Array(capacity), language: new Array(capacity), mode: new Array(capacity) }
      : undefined;
    this.scratch = new Float64Array(layout.variables.length);
    this.scratchBytes = new Uint8Array(this.scratch.buffer);
    this.positions = Int32Array.from(wanted.map((variable) => variable.position));
    this.maxRowid = afterRowid;
  }

  private shared(text: string | null): string | null {
    if (text === null) return null;
    const found = this.intern.get(text);
    if (found !== undefined) return found;
    this.intern.set(text, text);
    return text;
  }

  /** Decodes `stored` into row `row` (below the capacity). */
  put(row: number, stored: StoredRow): void {
    if (stored[7] > this.maxRowid) this.maxRowid = stored[7];
    const fields = this.fields;
    if (fields) {
      fields.wave[row] = stored[0] ?? NaN;
      fields.weight[row] = stored[1] ?? NaN;
      fields.stratum[row] = this.shared(stored[2]);
      fields.psu[row] = this.shared(stored[3]);
      fields.language[row] = this.shared(stored[4])!;
      fields.mode[row] = this.shared(stored[5])!;
    }
    const packed = stored[6];
    const scratchBytes = this.scratchBytes;
    const length = Math.min(packed.length, scratchBytes.length);
    scratchBytes.set(length === packed.length ? packed : packed.subarray(0, length));
    const filled = length >> 3;
    const { positions, numbers, labels, scratch, wanted } = this;
    for (let index = 0; index < positions.length; index++) {
      const position = positions[index]!;
      const value = position < filled ? scratch[position]! : NaN;
      const numeric = numbers[index];
      if (numeric) {
        numeric[row] = value;
        // Read back: a float32 that is not the value (NaN reads back as NaN, never equal).
        if (numeric[row] !== value && value === value) this.widen(index, row, value);
      } else if (value === value) labels[index]![row] = wanted[index]!.codes[value] ?? null;
    }
  }

  /** Makes number column `index` a Float64Array, its rows so far copied, from `row` on (value not a float32). */
  private widen(index: number, row: number, value: number): void {
    const wide = roomyColumn(this.capacity);
    wide.set((this.numbers[index] as Float32Array).subarray(0, row));
    wide[row] = value;
    this.numbers[index] = wide;
  }

  /** The scan of the first `rows` rows (fewer than the capacity: rows deleted between the count and the scan). */
  finish(rows: number): Scan {
    const variables = new Map<string, Column>();
    this.wanted.forEach((variable, index) => {
      const numeric = this.numbers[index];
      const text = this.labels[index]!;
      if (!numeric) text.length = rows;
      variables.set(variable.name, numeric ? firstRows(numeric, rows) : text);
    });
    const fields = this.fields;
    if (fields && rows < this.capacity) {
      fields.wave = firstRows(fields.wave, rows);
      fields.weight = firstRows(fields.weight, rows);
      for (const list of [fields.stratum, fields.psu, fields.language, fields.mode]) list.length = rows;
    }
    return { rows, maxRowid: this.maxRowid, ...(fields ? { fields } : {}), variables };
  }
}
