import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditEvent } from '../../audit.ts';
import { surveyLayout } from '../../indicators/survey-layout.ts';
import { writeResponseValues } from '../../responses/values.ts';
import type { Db } from '../open.ts';
import { responses } from '../schema.ts';

/** One imported row as it is stored: a response of mode 'import', marked with its file's sha256. */
export type ImportedResponse = Omit<typeof responses.$inferInsert, 'receivedAt' | 'paradata' | 'enumeratorId' | 'mode' | 'importHash'> & {
  mode: 'import';
  language: string;
  importHash: string;
};

/**
 * Imports of earlier waves (POST …/imports, `npm run import`; the rules are api/imports), on
 * either database (PostgreSQL: ./pg/imports.ts).
 */
export interface ImportsStore {
  /** How many of the survey's responses came from the file with this sha256, and when the first of them was stored. */
  earlier(surveyId: number, sha256: string): Promise<{ rows: number; at: string } | undefined>;
  /**
   * Stores the rows, with their analysed values, and the audit entry `audit` makes of the outcome
   * (none when it gives undefined), all in one transaction: the import happens whole or not at all.
   * For each row, whether it was stored now: false when its id was stored before (by an earlier
   * import, or by another instance importing the same rows at the same moment), which is then left as it was.
   */
  write(surveyId: number, rows: ImportedResponse[], audit: (stored: boolean[]) => AuditEvent | undefined): Promise<boolean[]>;
}

export function sqliteImports(db: Db): ImportsStore {
  return {
    async earlier(surveyId, sha256) {
      const found = db.select({ rows: sql<number>`count(*)`, at: sql<string | null>`min(${responses.receivedAt})` }).from(responses)
        .where(and(eq(responses.surveyId, surveyId), eq(responses.importHash, sha256))).get();
      return found && found.rows > 0 ? { rows: found.rows, at: found.at! } : undefined;
    },
    async write(surveyId, rows, audit) {
      const { layout } = surveyLayout(db, surveyId);
      return db.transaction((tx) => {
        const stored = rows.map((row) => {
          if (tx.insert(responses).values(row).onConflictDoNothing().run().changes === 0) return false;
          writeResponseValues(db, row, layout);
          return true;
        });
        const event = audit(stored);
        if (event) recordAudit(tx, event);
        return stored;
      });
    },
  };
}
