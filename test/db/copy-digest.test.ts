import { describe, expect, it } from 'vitest';
import { TableDigest } from '../../api/db/copy/digest.ts';
import type { CopiedColumn } from '../../api/db/copy/tables.ts';
import { copiedTables } from '../../api/db/copy/tables.ts';

const COLUMNS: CopiedColumn[] = [{ name: 'id', type: 'bigint' }, { name: 'flag', type: 'boolean' }, { name: 'data', type: 'json' }, { name: 'blob', type: 'bytea' }];

function digest(rows: unknown[][]): string {
  const table = new TableDigest(COLUMNS);
  for (const row of rows) table.add(row);
  return table.hex;
}

describe("db:copy's content hash", () => {
  const sqliteRows = [[1, 1, '{"b":1,"a":2}', Buffer.from([1, 2])], [2, 0, null, Buffer.from([])]];

  it("is the same for SQLite's and PostgreSQL's spelling of the same cells, in any row order", () => {
    const postgresRows = [['2', false, null, Buffer.from([])], ['1', true, '{"b":1,"a":2}', Buffer.from([1, 2])]];
    expect(digest(postgresRows)).toBe(digest(sqliteRows));
  });

  it('changes when one cell, a row or the JSON text changes', () => {
    const base = digest(sqliteRows);
    expect(digest([[1, 1, '{"b":1,"a":3}', Buffer.from([1, 2])], sqliteRows[1]!])).not.toBe(base);
    expect(digest([[1, 1, '{"a":2,"b":1}', Buffer.from([1, 2])], sqliteRows[1]!])).not.toBe(base);
    expect(digest([sqliteRows[0]!])).not.toBe(base);
    expect(digest([...sqliteRows, sqliteRows[0]!])).not.toBe(base);
    expect(digest([[1, 1, '{"b":1,"a":2}', Buffer.from([1, 3])], sqliteRows[1]!])).not.toBe(base);
  });

  it('covers every table of the schema, each after the tables it refers to', () => {
    const names = copiedTables().map((table) => table.name);
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('responses'));
    expect(names.indexOf('responses')).toBeLessThan(names.indexOf('response_values'));
    expect(copiedTables().find((table) => table.name === 'responses')?.identities).toEqual(['rowid']);
  });
});
