import { and, eq, sql } from 'drizzle-orm';
import { packAnswers } from '../../../indicators/layout.ts';
import type { PgDb } from '../../pg/open.ts';
import { responses, responseValues } from '../../pg/schema.ts';
import type { ImportsStore } from '../imports.ts';
import { recordAuditPg } from './audit-entry.ts';
import { postgresIndicatorStore } from './indicators.ts';

/** Rows per INSERT: well under PostgreSQL's 65535 parameters (17 columns a response), and few round trips. */
const CHUNK = 1000;

/*
 * Imports on PostgreSQL, with SQLite's rules (../imports.ts): one transaction for every row, its
 * analysed values and the audit entry. Ids are the primary key and the insert is ON CONFLICT DO
 * NOTHING, so a row stored before is left alone and reported; the same file sent to two instances
 * at once is stored once: the second transaction waits on the first one's rows, then finds them there.
 */
export function postgresImports(db: PgDb): ImportsStore {
  return {
    async earlier(surveyId, sha256) {
      const [found] = await db.select({ rows: sql<string>`count(*)`, at: sql<string | null>`min(${responses.receivedAt} COLLATE "C")` }).from(responses)
        .where(and(eq(responses.surveyId, surveyId), eq(responses.importHash, sha256)));
      return found && Number(found.rows) > 0 ? { rows: Number(found.rows), at: found.at! } : undefined;
    },
    async write(surveyId, rows, audit) {
      const { layout } = await postgresIndicatorStore(db).surveyLayout(surveyId);
      // An id twice in the rows counts as stored by its first row, as SQLite's row-by-row inserts count it.
      const first = new Map<string, number>();
      rows.forEach((row, index) => void (first.has(row.id) ? undefined : first.set(row.id, index)));
      const unique = rows.filter((row, index) => first.get(row.id) === index);
      return db.transaction(async (tx) => {
        const inserted = new Set<string>();
        for (let start = 0; start < unique.length; start += CHUNK) {
          const chunk = unique.slice(start, start + CHUNK);
          const ids = await tx.insert(responses).values(chunk).onConflictDoNothing().returning({ id: responses.id });
          const now = new Set(ids.map((row) => row.id));
          const fresh = chunk.filter((row) => now.has(row.id));
          if (fresh.length > 0) {
            await tx.insert(responseValues).values(fresh.map((row) => ({
              responseId: row.id, surveyId: row.surveyId, version: row.version, wave: row.wave ?? null, weight: row.weight ?? null,
              stratum: row.stratum ?? null, psu: row.psu ?? null, language: row.language, mode: row.mode,
              answerValues: packAnswers(layout, (row.answers ?? {}) as Record<string, unknown>),
            })));
          }
          for (const id of now) inserted.add(id);
        }
        const stored = rows.map((row, index) => first.get(row.id) === index && inserted.has(row.id));
        const event = audit(stored);
        if (event) await recordAuditPg(tx, event);
        return stored;
      });
    },
  };
}
