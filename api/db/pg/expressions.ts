import { sql } from 'drizzle-orm';
import { responses } from './schema.ts';

/*
 * PostgreSQL's spelling of api/db/schema.ts's response expressions. The monitor's indexes
 * (./schema.ts) are built on exactly these expressions, so the planner can use them.
 */

/** A response's region answer, as text (null without one). */
export const responseRegion = sql<string | null>`(${responses.answers} ->> 'region')`;
/** Seconds from the first page shown to completion, by the device's clock; null without both times. */
export const responseDuration = sql<number>`(trustlens_epoch(${responses.completedAt}) - trustlens_epoch(${responses.startedAt}))`;
