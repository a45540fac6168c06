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
/** Seconds from the first page shown to completion, by the device's clock; null without both times. */
export const responseDuration = sql<number>`(trustlens_epoch(${responses.completedAt}) - trustlens_epoch(${responses.startedAt}))`;

/**
 * A stored response's columns, for `db.select(storedResponse)`: every column but the generated
 * region, which SQLite does not have, so a whole row read here is the row SQLite gives (and the
 * API and exports show the same fields from either database).
 */
export const storedResponse = (() => {
  const { region: _generated, ...stored } = getTableColumns(responses);
  return stored;
})();
