import { and, asc, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseWith } from '../body.ts';
import type { Db } from '../db/open.ts';
import { responseRegion, responses, type StoredResponse } from '../db/schema.ts';

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

/** The SQL conditions of a filter (without paging), shared by listing and counting. */
export function filterConditions(surveyId: number, filter: Omit<ResponseFilter, 'cursor' | 'limit'>): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(responses.surveyId, surveyId),
    filter.version === undefined ? undefined : eq(responses.version, filter.version),
    filter.region === undefined ? undefined : sql`${responseRegion} = ${filter.region}`,
    filter.language === undefined ? undefined : eq(responses.language, filter.language),
    filter.mode === undefined ? undefined : eq(responses.mode, filter.mode),
    filter.enumerator === undefined ? undefined : eq(responses.enumeratorId, filter.enumerator),
    filter.from === undefined ? undefined : gte(responses.receivedAt, filter.from),
    // A bare date as `to` includes that whole day.
    filter.to === undefined ? undefined : lt(responses.receivedAt, filter.to.length === 10 ? `${filter.to}T99` : filter.to),
  ];
  return and(...conditions)!;
}

function decodeCursor(cursor: string): [string, string] {
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
 * One page of a survey's responses in the order they arrived, with a cursor for the next page
 * (keyset paging on received time and id, so pages stay stable while responses keep arriving).
 */
export function listResponses(db: Db, surveyId: number, filter: ResponseFilter): { items: StoredResponse[]; nextCursor: string | null } {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const page = db.select().from(responses)
    .where(and(filterConditions(surveyId, filter), after
      ? or(gt(responses.receivedAt, after[0]), and(eq(responses.receivedAt, after[0]), gt(responses.id, after[1])))
      : undefined))
    .orderBy(asc(responses.receivedAt), asc(responses.id)).limit(filter.limit + 1).all();
  const items = page.slice(0, filter.limit);
  const last = items.at(-1);
  const nextCursor = page.length > filter.limit && last ? Buffer.from(JSON.stringify([last.receivedAt, last.id])).toString('base64url') : null;
  return { items, nextCursor };
}

/** A stored response as researchers read it: everything but the internal fingerprint. */
export function microdataRecord(row: StoredResponse) {
  const { answersHash: _fingerprint, surveyVersionId: _versionRow, ...record } = row;
  return record;
}
