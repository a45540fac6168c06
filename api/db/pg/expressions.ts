import { getTableColumns, sql } from 'drizzle-orm';
import { responses } from './schema.ts';

/*
 * PostgreSQL's spelling of api/db/schema.ts's response expressions. The monitor's indexes
 * (./schema.ts) are built on exactly these expressions, so the planner can use them.
 */

/**
 * A response's region answer, as text (null without one): the generated column, so that the
 * counts by region are answered from the index on (survey_id, region) alone. It holds
 * `answers ->> 'region'`, the same text as before (a JSON number 5 is '5').
 */
export const responseRegion = sql<string | null>`${responses.region}`;
/**
 * Seconds from the first page shown to completion, by the device's clock; null without both
 * times: the generated column holding trustlens_epoch(completed_at) - trustlens_epoch(started_at),
 * so the median duration is read from the index on (survey_id, duration) alone.
 */
export const responseDuration = sql<number>`${responses.duration}`;

/**
 * A stored response's columns, for `db.select(storedResponse)`: every column but the generated
 * region and duration, which SQLite does not have, so a whole row read here is the row SQLite gives (and the
 * API and exports show the same fields from either database).
 */
export const storedResponse = (() => {
  const { region: _region, duration: _duration, ...stored } = getTableColumns(responses);
  return stored;
})();
