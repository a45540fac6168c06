import { createHash } from 'node:crypto';
import type { CopiedColumn } from './tables.ts';

const MODULUS = 1n << 256n;

/**
 * A content hash of a table that does not depend on row order: the sum, modulo 2^256, of the
 * sha256 of every row's canonical form. Each database can then be read in whatever order is cheap
 * for it (SQLite by rowid, PostgreSQL through a cursor), and two tables with the same rows, every
 * cell equal, have the same hash; a changed, missing or extra row changes it. With the row count
 * beside it, a copy that lost, added or altered anything is caught.
 */
export class TableDigest {
  rows = 0;
  private sum = 0n;

  constructor(private readonly columns: CopiedColumn[]) {}

  add(values: readonly unknown[]): void {
    const canonical = this.columns.map((column, index) => canonicalCell(column.type, values[index]));
    const hash = createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
    this.sum = (this.sum + BigInt(`0x${hash}`)) % MODULUS;
    this.rows += 1;
  }

  get hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/**
 * One cell as both databases give it back: SQLite's booleans are 0/1 and PostgreSQL's true/false,
 * PostgreSQL's bigints are strings, blobs and bytea are Buffers, JSON is its stored text (read from
 * PostgreSQL as ::text, so the text itself is compared, not a re-serialisation).
 */
function canonicalCell(type: CopiedColumn['type'], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value === true || value === 1 ? 1 : 0;
    case 'integer':
    case 'bigint':
    case 'double precision':
      return Number(value);
    case 'bytea':
      return `\\x${(value as Buffer).toString('hex')}`;
    default:
      return String(value);
  }
}
