import { inArray } from 'drizzle-orm';
import type { PgDb } from '../../pg/open.ts';
import { users } from '../../pg/schema.ts';
import { answerKey, qualityInterview, type QualityStore } from '../quality.ts';

/** A JSON answer as SQLite's json_extract gives it: booleans as 1/0, objects and arrays as JSON text. */
function extracted(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/*
 * The quality flags' reads on PostgreSQL, the same rows as ../quality.ts gives on SQLite: the day
 * in UTC (SQLite's date() turns an offset into UTC too), the duration from trustlens_epoch (the
 * monitor's duration index uses the same function), answers by `->` (numbers stay numbers; a JSON
 * null is no answer, as json_extract's NULL is), and text ordered by bytes ("C"), as SQLite orders it.
 */
const DONE = 'CASE WHEN completed_at IS NULL THEN received_at ELSE completed_at END';

export function postgresQuality(db: PgDb): QualityStore {
  return {
    async interviews(surveyId, questions) {
      const keys = questions.map(answerKey);
      const { rows } = await db.$client.query<unknown[]>({
        text: `SELECT id, enumerator_id, to_char((${DONE})::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD'), ` +
          'trustlens_epoch(completed_at) - trustlens_epoch(started_at)' +
          `${keys.map((_, index) => `, answers -> $${index + 2}::text`).join('')} ` +
          'FROM responses WHERE survey_id = $1 ORDER BY received_at COLLATE "C", id COLLATE "C"',
        values: [surveyId, ...keys],
        rowMode: 'array',
      });
      return rows.map((row) => {
        for (let at = 4; at < row.length; at++) row[at] = extracted(row[at]);
        return qualityInterview(row, questions);
      });
    },
    emails: async (ids) => new Map(ids.length === 0 ? []
      : (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids))).map((user) => [String(user.id), user.email])),
  };
}
