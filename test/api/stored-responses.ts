import type { DialectApp } from './dialects.ts';

/** The stored responses, alike on both databases (SQLite hands JSON over as text and booleans as 0/1). */
export type StoredRow = Record<string, unknown> & { id: string; answers: unknown; paradata: unknown; is_synthetic: boolean };

export async function storedResponses(context: Pick<DialectApp, 'rows'>): Promise<StoredRow[]> {
  return (await context.rows('responses')).map((row) => ({
    id: row.id as string,
    ...row,
    answers: typeof row.answers === 'string' ? JSON.parse(row.answers) as unknown : row.answers,
    paradata: typeof row.paradata === 'string' ? JSON.parse(row.paradata) as unknown : row.paradata,
    is_synthetic: Boolean(row.is_synthetic),
  }));
}
