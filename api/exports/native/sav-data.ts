import type { Cell } from '../csv-stream.ts';
import { asciiInto } from './byte-writer.ts';
import { BIAS, SYSMIS, type SavSlot } from './sav-dictionary.ts';
import { nativeCell, type NativeVariable } from './variables.ts';

const SPACES = 254;
const RAW = 253;
const MISSING = 255;

/**
 * Bytecode compression of SPSS cases (PSPP docs, "Data Record"): each 8-byte unit of a case is
 * one command byte, in blocks of eight commands followed by the raw units they announce —
 * 1…251 a whole number (minus the bias of 100), 254 eight spaces, 255 system-missing, 253 "the
 * next 8 raw bytes". Blocks run on across cases, so the encoder keeps the block it is filling
 * between pages and hands out only whole blocks.
 */
export class SavCompressor {
  private out = Buffer.alloc(1 << 16);
  private length = 0;
  /** Where the command bytes of the block being filled start, and how many it has. */
  private block = 0;
  private commands = 8;
  private readonly scratch: Buffer;
  /** Bytes of storage of each text variable (its segments together), worked out once. */
  private readonly storage: number[];

  constructor(private readonly variables: NativeVariable[], private readonly slots: SavSlot[]) {
    this.storage = slots.map((slot) => slot.segments.reduce((sum, segment) => sum + segment.storage, 0));
    this.scratch = Buffer.alloc(Math.max(8, ...this.storage));
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.out.length) return;
    const grown = Buffer.alloc(Math.max(this.out.length * 2, this.length + bytes));
    this.out.copy(grown, 0, 0, this.length);
    this.out = grown;
  }

  /**
   * One command. Called for every 8-byte unit of every case (~100 million at a million
   * responses), so it allocates nothing: no subarray views, which as young garbage made the
   * scavenger run often enough to promote the pages' output chunks to the old generation, where
   * they piled up (≈ 50 MB) until a full collection.
   */
  private command(code: number): void {
    if (this.commands === 8) {
      this.room(8 + 64);
      this.block = this.length;
      this.out.fill(0, this.length, this.length + 8);
      this.length += 8;
      this.commands = 0;
    }
    this.out[this.block + this.commands++] = code;
  }

  /** Command 253 and its 8 raw bytes, copied from `source` at `offset`. */
  private raw(source: Buffer, offset: number): void {
    this.command(RAW);
    this.room(8);
    const out = this.out;
    const at = this.length;
    for (let byte = 0; byte < 8; byte++) out[at + byte] = source[offset + byte]!;
    this.length += 8;
  }

  /** Appends one case, from the CSV row's cells (codes). */
  row(cells: readonly Cell[]): void {
    const { variables, slots } = this;
    for (let index = 0; index < variables.length; index++) {
      const variable = variables[index]!;
      const value = nativeCell(variable, cells[index] ?? null);
      if (slots[index]!.kind === 'number') {
        if (value === null) this.command(MISSING);
        else {
          const number = value as number;
          if (Number.isInteger(number) && number >= 1 - BIAS && number <= 251 - BIAS && !Object.is(number, -0)) this.command(number + BIAS);
          else {
            this.command(RAW);
            this.room(8);
            this.out.writeDoubleLE(number, this.length);
            this.length += 8;
          }
        }
        continue;
      }
      this.text(index, value as string);
    }
  }

  private text(index: number, value: string): void {
    const slot = this.slots[index]!;
    const storage = this.storage[index]!;
    const scratch = this.scratch;
    const width = this.variables[index]!.width;
    const ascii = slot.segments.length === 1 ? asciiInto(scratch, 0, value, width) : -1;
    if (ascii >= 0) {
      // Ids, codes, dates: copied character by character (no call into Buffer.write and fill per cell).
      for (let byte = ascii; byte < storage; byte++) scratch[byte] = 0x20;
    } else {
      scratch.fill(0x20, 0, storage);
      if (slot.segments.length === 1) {
        const written = scratch.write(value, 0, storage, 'utf8');
        if (written > width || (written >= storage - 3 && Buffer.byteLength(value) > width)) throw new Error(`A value of ${this.variables[index]!.column} is longer than its width.`);
      } else if (value !== '') {
        const bytes = Buffer.from(value, 'utf8');
        if (bytes.length > width) throw new Error(`A value of ${this.variables[index]!.column} is longer than its width.`);
        // Segments hold 255 bytes of the value each, at the start of their own storage.
        let written = 0;
        let offset = 0;
        for (const segment of slot.segments) {
          if (written >= bytes.length) break;
          const part = bytes.subarray(written, written + segment.holds);
          scratch.set(part, offset);
          written += part.length;
          offset += segment.storage;
        }
      }
    }
    for (let unit = 0; unit < storage; unit += 8) {
      let blank = true;
      for (let byte = unit; byte < unit + 8; byte++) if (scratch[byte] !== 0x20) { blank = false; break; }
      if (blank) this.command(SPACES);
      else this.raw(scratch, unit);
    }
  }

  /** The complete blocks written so far (the one being filled stays for the next call). */
  take(): Buffer {
    const end = this.commands === 8 ? this.length : this.block;
    const done = Buffer.from(this.out.subarray(0, end));
    this.out.copy(this.out, 0, end, this.length);
    this.length -= end;
    this.block -= end;
    return done;
  }

  /** Everything left, the last block's unused commands as 0 (padding, ignored by readers). */
  finish(): Buffer {
    this.commands = 8;
    return this.take();
  }
}

export { SYSMIS };
