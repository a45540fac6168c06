import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { responseDoneAt, responseDuration, responseRegion, responses } from '../../api/db/schema.ts';
import { testApp } from './helpers.ts';

// The fieldwork monitor polls its counts every few seconds; at a million responses reading the
// answers for them took 8–11 s of the server's time per poll (docs/benchmarks.md). Its region and
// duration expressions are indexed (migration 0005): if a query's expression drifts from the
// index's, SQLite quietly goes back to reading every response. The plans say which it does
// (PostgreSQL's half, on the SQL its store sends: monitor-indexes-pg.test.ts).
describe('the fieldwork monitor reads indexes, not the answers', () => {
  const { db } = testApp();
  const plan = (query: { toSQL: () => { sql: string; params: unknown[] } }): string => {
    const { sql: text, params } = query.toSQL();
    return (db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
  };
  const ofSurvey = eq(responses.surveyId, 1);

  it('counts by region, language and mode from their indexes', () => {
    const countBy = (key: ReturnType<typeof sql>) => db.select({ key, n: sql<number>`count(*)` }).from(responses).where(ofSurvey).groupBy(key).orderBy(key);
    expect(plan(countBy(responseRegion))).toContain('INDEX responses_survey_region');
    expect(plan(countBy(sql`${responses.language}`))).toContain('COVERING INDEX responses_survey_language');
    expect(plan(countBy(sql`${responses.mode}`))).toContain('COVERING INDEX responses_survey_mode_received');
  });

  it('finds the median duration and the region filter of the microdata from their indexes', () => {
    const durations = db.select({ seconds: responseDuration }).from(responses).where(sql`${ofSurvey} and ${responseDuration} >= 0`).orderBy(responseDuration).limit(2).offset(10);
    expect(plan(durations)).toContain('COVERING INDEX responses_survey_duration');
    expect(plan(db.select({ id: responses.id }).from(responses).where(sql`${ofSurvey} and ${responseRegion} = ${'tuzla'}`))).toContain('responses_survey_region');
  });

  it("finds a wave's first and last completion for the report from its index", () => {
    const dates = db.select({ first: sql`min(${responseDoneAt})`, last: sql`max(${responseDoneAt})` }).from(responses).where(sql`${ofSurvey} and ${responses.wave} = 2025`);
    expect(plan(dates)).toContain('COVERING INDEX responses_survey_wave_done');
  });

  it('takes the latest submissions from the received-time index, not a sort', () => {
    const latest = db.select({ at: responses.receivedAt }).from(responses).where(ofSurvey).orderBy(sql`${responses.receivedAt} desc, ${responses.id} desc`).limit(10);
    expect(plan(latest)).toContain('responses_survey_received');
    expect(plan(latest)).not.toContain('TEMP B-TREE');
  });
});
