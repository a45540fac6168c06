/** Little-endian bytes appended to a growing buffer: the dictionaries of the native files. */
export class ByteWriter {
  private buffer = Buffer.alloc(4096);
  length = 0;

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  int8(value: number): this { this.room(1); this.buffer.writeInt8(value, this.length); this.length += 1; return this; }
  uint8(value: number): this { this.room(1); this.buffer.writeUInt8(value, this.length); this.length += 1; return this; }
  uint16(value: number): this { this.room(2); this.buffer.writeUInt16LE(value, this.length); this.length += 2; return this; }
  int32(value: number): this { this.room(4); this.buffer.writeInt32LE(value, this.length); this.length += 4; return this; }
  uint32(value: number): this { this.room(4); this.buffer.writeUInt32LE(value, this.length); this.length += 4; return this; }
  uint64(value: number): this { this.room(8); this.buffer.writeBigUInt64LE(BigInt(value), this.length); this.length += 8; return this; }
  float64(value: number): this { this.room(8); this.buffer.writeDoubleLE(value, this.length); this.length += 8; return this; }
  /** Raw bytes, or text as UTF-8. */
  bytes(value: Uint8Array | string): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }
  /** Bytes padded with `fill` (or cut) to exactly `size`. */
  fixed(value: Uint8Array | string, size: number, fill = 0x20): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.room(size);
    this.buffer.fill(fill, this.length, this.length + size);
    this.buffer.set(bytes.subarray(0, size), this.length);
    this.length += size;
    return this;
  }
  /** Overwrites a uint64 written earlier (the .dta map's offsets). */
  patchUint64(offset: number, value: number): void { this.buffer.writeBigUInt64LE(BigInt(value), offset); }

  result(): Buffer { return Buffer.from(this.buffer.subarray(0, this.length)); }
}

/**
 * Writes `text` at `offset` when it is ASCII and at most `size` characters, returning its length;
 * -1 otherwise (the caller encodes it as UTF-8). Most text cells of microdata (ids, codes, dates)
 * are ASCII, and a loop over them is cheaper than Buffer.write and fill for every cell.
 */
export function asciiInto(target: Buffer, offset: number, text: string, size: number): number {
  const length = text.length;
  if (length > size) return -1;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code > 127) return -1;
    target[offset + index] = code;
  }
  return length;
}
