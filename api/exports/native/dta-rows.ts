import type { Cell } from '../csv-stream.ts';
import { asciiInto } from './byte-writer.ts';
import { BYTE, DOUBLE, INT, LONG, MISSING_INT, STRL, type DtaColumn } from './dta-layout.ts';
import { GSO_OVERHEAD } from './text-widths.ts';
import { nativeCell, type NativeVariable } from './variables.ts';

/** Stata's system-missing double (2^1023) and the step to `.a`, `.b`, … (`help dta`, "missing values"). */
const MISSING_DOUBLE = 0x7fe0000000000000n;
const DOUBLE_STEP = 0x0000010000000000n;
const bits = new BigUint64Array(1);
const asDouble = new Float64Array(bits.buffer);
const missingDouble = (letter: number) => {
  bits[0] = MISSING_DOUBLE + BigInt(letter + 1) * DOUBLE_STEP;
  return asDouble[0]!;
};

/**
 * Rows of a Stata 118 data section: each variable at its fixed place in a fixed-size row, numbers
 * little-endian with Stata's missing values (system missing for an empty cell, `.a`… for a
 * missing code), str# null-padded, strL as its (variable, observation) reference with the text
 * in a GSO record for the <strls> section.
 */
export class DtaRows {
  private data = Buffer.alloc(0);
  private strls = Buffer.alloc(1 << 16);
  private readonly missing: number[];

  constructor(private readonly variables: NativeVariable[], private readonly columns: DtaColumn[], private readonly rowSize: number) {
    this.missing = columns.map((column) => (column.type === DOUBLE ? missingDouble(-1) : MISSING_INT[column.type] ?? 0));
  }

  /** Encodes a page of rows; `first` is how many rows came before (observations are numbered from 1). */
  page(rows: readonly (readonly Cell[])[], first: number): { data: Buffer; strls: Buffer } {
    const size = rows.length * this.rowSize;
    if (this.data.length < size) this.data = Buffer.alloc(size);
    const data = this.data;
    let strlLength = 0;
    let offset = 0;
    rows.forEach((cells, row) => {
      for (let index = 0; index < this.columns.length; index++) {
        const column = this.columns[index]!;
        const variable = this.variables[index]!;
        const value = nativeCell(variable, cells[index] ?? null);
        if (column.type === STRL) {
          const text = value as string;
          if (text === '') data.fill(0, offset, offset + 8);
          else {
            const bytes = Buffer.from(text, 'utf8');
            const record = bytes.length + GSO_OVERHEAD;
            if (this.strls.length < strlLength + record) {
              const grown = Buffer.alloc(Math.max(this.strls.length * 2, strlLength + record));
              this.strls.copy(grown, 0, 0, strlLength);
              this.strls = grown;
            }
            const observation = first + row + 1;
            // In the data: v (2 bytes) and o (6 bytes); in the record: v (4), o (8), type 130 (text), length with the null.
            data.writeUInt16LE(index + 1, offset);
            data.writeUIntLE(observation, offset + 2, 6);
            const gso = this.strls;
            gso.write('GSO', strlLength, 'latin1');
            gso.writeUInt32LE(index + 1, strlLength + 3);
            gso.writeBigUInt64LE(BigInt(observation), strlLength + 7);
            gso.writeUInt8(130, strlLength + 15);
            gso.writeUInt32LE(bytes.length + 1, strlLength + 16);
            bytes.copy(gso, strlLength + 20);
            gso[strlLength + 20 + bytes.length] = 0;
            strlLength += record;
          }
        } else if (column.type <= 2045) {
          const text = value as string;
          const ascii = asciiInto(data, offset, text, column.size);
          if (ascii >= 0) {
            // Ids, codes, dates: copied character by character, null-padded (no Buffer.write and fill per cell).
            for (let byte = offset + ascii; byte < offset + column.size; byte++) data[byte] = 0;
          } else {
            data.fill(0, offset, offset + column.size);
            const written = data.write(text, offset, column.size, 'utf8');
            if (written >= column.size - 3 && Buffer.byteLength(text) > column.size) throw new Error(`A value of ${variable.column} is longer than its width.`);
          }
        } else {
          let number: number;
          if (value === null) number = this.missing[index]!;
          else {
            const letter = column.extended.get(value as number);
            if (letter !== undefined) number = column.type === DOUBLE ? missingDouble(letter) : this.missing[index]! + 1 + letter;
            else number = value as number;
            if (column.type !== DOUBLE && !Number.isInteger(number)) throw new Error(`A value of ${variable.column} is not a whole number.`);
          }
          if (column.type === BYTE) data.writeInt8(number, offset);
          else if (column.type === INT) data.writeInt16LE(number, offset);
          else if (column.type === LONG) data.writeInt32LE(number, offset);
          else data.writeDoubleLE(number, offset);
        }
        offset += column.size;
      }
    });
    return { data: Buffer.from(data.subarray(0, size)), strls: this.strls.subarray(0, strlLength) };
  }
}

