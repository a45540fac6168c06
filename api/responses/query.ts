import { and, eq, gte, lt, sql, type Column, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseWith } from '../body.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be a date (YYYY-MM-DD) or an ISO date-time');

export const responseFilterSchema = z.strictObject({
  version: z.coerce.number().int().positive().optional(),
  region: z.string().max(100).optional(),
  language: z.string().max(20).optional(),
  mode: z.enum(['web', 'enumerator', 'import']).optional(),
  enumerator: z.coerce.number().int().positive().optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type ResponseFilter = z.infer<typeof responseFilterSchema>;
/** The monitor's filters: no paging, no region or enumerator. */
export const progressFilterSchema = responseFilterSchema.pick({ version: true, from: true, to: true, mode: true, language: true });
export type ProgressFilter = z.infer<typeof progressFilterSchema>;

/** The columns of the responses table a filter reads, as either database's schema names them. */
export interface FilterColumns {
  surveyId: Column;
  version: Column;
  language: Column;
  mode: Column;
  enumeratorId: Column;
  receivedAt: Column;
}

/**
 * The SQL conditions of a filter (without paging), shared by listing and counting, on either
 * database: `region` is that database's spelling of the answer (the one its index is built on).
 */
export function filterConditions(columns: FilterColumns, region: SQL, surveyId: number, filter: Omit<ResponseFilter, 'cursor' | 'limit'>): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(columns.surveyId, surveyId),
    filter.version === undefined ? undefined : eq(columns.version, filter.version),
    filter.region === undefined ? undefined : sql`${region} = ${filter.region}`,
    filter.language === undefined ? undefined : eq(columns.language, filter.language),
    filter.mode === undefined ? undefined : eq(columns.mode, filter.mode),
    filter.enumerator === undefined ? undefined : eq(columns.enumeratorId, filter.enumerator),
    filter.from === undefined ? undefined : gte(columns.receivedAt, filter.from),
    // A bare date as `to` includes that whole day.
    filter.to === undefined ? undefined : lt(columns.receivedAt, filter.to.length === 10 ? `${filter.to}T99` : filter.to),
  ];
  return and(...conditions)!;
}

/** Where a page of responses ended: its last row's received time and id (keyset paging). */
export type PageCursor = [receivedAt: string, id: string];

export function decodeCursor(cursor: string): PageCursor {
  const decoded: unknown = (() => {
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  })();
  return parseWith(z.tuple([z.string(), z.string()]), decoded, 'The cursor is not one this API gave out.');
}

/**
 * A page from the `limit + 1` rows asked for: the first `limit`, and a cursor for the next page
 * when there was one more (so pages stay stable while responses keep arriving).
 */
export function pageOf<Row extends { receivedAt: string; id: string }>(rows: Row[], limit: number): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify([last.receivedAt, last.id])).toString('base64url') : null;
  return { items, nextCursor };
}

/** A stored response as researchers read it: everything but the internal fingerprint and row numbers. */
export function microdataRecord<Row extends { answersHash: string; surveyVersionId: number; rowid?: unknown }>(row: Row) {
  const { answersHash: _fingerprint, surveyVersionId: _versionRow, rowid: _rowNumber, ...record } = row;
  return record;
}
