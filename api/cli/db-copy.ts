import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../config.ts';
import { CopyError, copyDatabase, type TableReport } from '../db/copy/copy.ts';
import { openDatabase } from '../db/open.ts';
import { describePostgresUrl, openPostgres } from '../db/pg/open.ts';

// npm run db:copy -- --from data/trustlens.db --to postgres://user:pass@host:port/db
// Moves an existing SQLite database into an empty PostgreSQL database: every table, checked by row
// counts and content hashes per table (printed), all or nothing. Both are first brought to the
// latest migration, as `npm start` would.

function fail(message: string): never {
  console.error(`db:copy: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
  if (!values.from) fail('--from names the SQLite file to copy, e.g. --from data/trustlens.db');
  if (!values.to || !isPostgresUrl(values.to)) fail('--to names the PostgreSQL database to copy into, e.g. --to postgres://trustlens:secret@localhost:5432/trustlens');
  if (isPostgresUrl(values.from) || !existsSync(values.from)) fail(`--from: no SQLite file ${values.from}`);
  const source = openDatabase(values.from);
  const target = await openPostgres(values.to).catch((error: Error) => fail(error.message));
  console.log(`Copying ${values.from} into ${describePostgresUrl(values.to)} …`);
  try {
    const report = await copyDatabase(source, target, (line) => console.error(`  ${line}`));
    printReport(report);
    console.log('Every table has the same rows and content in both databases; the copy is committed.');
  } catch (error) {
    if (error instanceof CopyError) {
      if (error.report.length > 0) printReport(error.report);
      fail(error.message);
    }
    throw error;
  } finally {
    source.$client.close();
    await target.$client.end();
  }
}

function printReport(report: TableReport[]): void {
  const rows = [['table', 'SQLite rows', 'PostgreSQL rows', 'content hash (SQLite)', 'content hash (PostgreSQL)', 'check']];
  for (const line of report) {
    const same = line.sourceRows === line.targetRows && line.sourceHash === line.targetHash;
    rows.push([line.table, String(line.sourceRows), String(line.targetRows), line.sourceHash.slice(0, 16), line.targetHash.slice(0, 16), same ? 'same' : 'DIFFERENT']);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 1 || column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
}

await main();
