import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as pgSchema from '../pg/schema.ts';

/** One column as both databases hold it (test/db/pg-schema.test.ts keeps the two schemas equal). */
export interface CopiedColumn {
  name: string;
  /** PostgreSQL's type: how a value is passed in and read back for the hash. */
  type: 'integer' | 'bigint' | 'text' | 'json' | 'boolean' | 'double precision' | 'bytea';
}

export interface CopiedTable {
  name: string;
  columns: CopiedColumn[];
  /** Identity columns (ids, rowids), whose sequences must continue after the copied values. */
  identities: string[];
}

/**
 * Every table in the order rows can be inserted (each after the tables it refers to). A table
 * added to the schema and not listed here stops db:copy with a message, rather than being left out.
 */
const ORDER = [
  'users', 'surveys', 'survey_versions', 'survey_members', 'survey_drafts', 'sessions', 'api_tokens',
  'audit_log', 'responses', 'response_values', 'response_changes', 'survey_starts', 'rate_limits',
];

const TYPES = new Set<CopiedColumn['type']>(['integer', 'bigint', 'text', 'json', 'boolean', 'double precision', 'bytea']);

export function copiedTables(): CopiedTable[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const byName = new Map<string, PgTable>(tables.map((table) => [getTableName(table), table]));
  const unlisted = [...byName.keys()].filter((name) => !ORDER.includes(name));
  if (unlisted.length > 0) throw new Error(`db:copy does not know where to copy table(s) ${unlisted.join(', ')}: add them to api/db/copy/tables.ts`);
  return ORDER.map((name) => {
    const table = byName.get(name);
    if (!table) throw new Error(`db:copy lists table ${name}, which the schema does not have`);
    // A generated column (responses.region, PostgreSQL only) is neither in SQLite nor insertable:
    // the database fills it from the copied row, so it is left out of the copy and of its hashes.
    const columns = Object.values(getTableColumns(table)).filter((column) => !column.generated).map((column) => {
      const type = column.getSQLType() as CopiedColumn['type'];
      if (!TYPES.has(type)) throw new Error(`db:copy cannot copy ${name}.${column.name} of type ${type}`);
      return { name: column.name, type };
    });
    const identities = Object.values(getTableColumns(table)).filter((column) => column.generatedIdentity).map((column) => column.name);
    return { name, columns, identities };
  });
}
