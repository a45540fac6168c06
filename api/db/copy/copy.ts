import type pg from 'pg';
import type { Db } from '../open.ts';
import type { PgDb } from '../pg/open.ts';
import { TableDigest } from './digest.ts';
import { copiedTables, type CopiedTable } from './tables.ts';

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceHash: string;
  targetHash: string;
}

/** The copy was refused or did not check out; nothing was written to the target. */
export class CopyError extends Error {
  constructor(message: string, readonly report: TableReport[] = []) {
    super(message);
  }
}

/** Rows sent per INSERT: one array parameter per column, so large batches stay one statement. */
const BATCH = 2000;

const quote = (name: string) => `"${name}"`;

/**
 * Copies every table of a SQLite database (already migrated) into an empty, migrated PostgreSQL
 * database, in one transaction: first every table of the target is checked empty (the change
 * counter's first row aside) and locked against writes; then each table is copied with its ids and
 * rowids, its sequences moved past them; then both sides are read back and compared by row count and
 * content hash (./digest.ts). Only when every table matches is the transaction committed, so a
 * refused or failed copy leaves the target as it was. The copied tables are analysed after the commit.
 */
export async function copyDatabase(source: Db, target: PgDb, progress: (line: string) => void = () => {}): Promise<TableReport[]> {
  const tables = copiedTables();
  const client = await target.$client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${tables.map((table) => quote(table.name)).join(', ')} IN EXCLUSIVE MODE`);
    await refuseNonEmpty(client, tables);
    const digests = new Map<string, TableDigest>();
    for (const table of tables) {
      digests.set(table.name, await copyTable(source, client, table));
      progress(`copied ${table.name} (${digests.get(table.name)!.rows.toLocaleString('en')} rows)`);
    }
    const report: TableReport[] = [];
    for (const table of tables) {
      const copied = await targetDigest(client, table);
      const read = digests.get(table.name)!;
      report.push({ table: table.name, sourceRows: read.rows, targetRows: copied.rows, sourceHash: read.hex, targetHash: copied.hex });
    }
    const wrong = report.filter((line) => line.sourceRows !== line.targetRows || line.sourceHash !== line.targetHash);
    if (wrong.length > 0) throw new CopyError(`the copy differs from the source in ${wrong.map((line) => line.table).join(', ')}; nothing was kept`, report);
    await client.query('COMMIT');
    // The planner's statistics, now rather than whenever autovacuum gets to it: without them the
    // first indicator tables and monitor counts on the copy are planned as if the tables were empty.
    progress('analysing the copied tables for the query planner');
    await client.query(`ANALYZE ${tables.map((table) => quote(table.name)).join(', ')}`);
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function refuseNonEmpty(client: pg.PoolClient, tables: CopiedTable[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    // The migrations seed the change counter's one row; a target that has only that is empty.
    const where = table.name === 'response_changes' ? ' WHERE NOT (id = 1 AND removed = 0)' : '';
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${quote(table.name)}${where}`);
    if (rows[0].n > 0) filled.push(`${table.name} (${rows[0].n} rows)`);
  }
  if (filled.length > 0) throw new CopyError(`the target database is not empty: ${filled.join(', ')}. Copy into a new, empty database.`);
}

async function copyTable(source: Db, client: pg.PoolClient, table: CopiedTable): Promise<TableDigest> {
  const digest = new TableDigest(table.columns);
  const names = table.columns.map((column) => quote(column.name));
  if (table.name === 'response_changes') await client.query('DELETE FROM response_changes');
  const insert = `INSERT INTO ${quote(table.name)} (${names.join(', ')}) SELECT * FROM unnest(${table.columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ')})`;
  // SQLite's implicit rowid is selected by name where PostgreSQL has it as a column.
  const rows = source.$client.prepare(`SELECT ${names.join(', ')} FROM ${quote(table.name)}`).raw().iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = table.columns.map(() => []);
  let size = 0;
  for (const row of rows) {
    digest.add(row);
    row.forEach((value, index) => batch[index]!.push(table.columns[index]!.type === 'boolean' && value !== null ? value === 1 : value));
    if (++size === BATCH) {
      await client.query(insert, batch);
      batch = table.columns.map(() => []);
      size = 0;
    }
  }
  if (size > 0) await client.query(insert, batch);
  for (const column of table.identities) {
    // The next id or rowid the database hands out follows the copied ones.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table.name)}), 0) + 1, false)`, [table.name, column]);
  }
  return digest;
}

async function targetDigest(client: pg.PoolClient, table: CopiedTable): Promise<TableDigest> {
  const digest = new TableDigest(table.columns);
  const columns = table.columns.map((column) => (column.type === 'json' ? `${quote(column.name)}::text` : quote(column.name)));
  await client.query(`DECLARE copy_check NO SCROLL CURSOR FOR SELECT ${columns.join(', ')} FROM ${quote(table.name)}`);
  for (;;) {
    const { rows } = await client.query({ text: `FETCH ${BATCH * 5} FROM copy_check`, rowMode: 'array' });
    if (rows.length === 0) break;
    for (const row of rows as unknown[][]) digest.add(row);
  }
  await client.query('CLOSE copy_check');
  return digest;
}
