import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentHash } from '../../api/canonical-json.ts';
import { CommitFailedError } from '../../api/db/group-commit.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { responses, surveys, surveyVersions } from '../../api/db/pg/schema.ts';
import { packAnswers } from '../../api/indicators/layout.ts';
import { surveyLayout } from '../../api/indicators/survey-layout.ts';
import { openDatabase } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { ResponseRow } from '../../api/responses/response-rows.ts';
import { pgResponseWriter, pgStoredResponse } from '../../api/responses/pg-response-rows.ts';
import { pgResponseChangeStamp } from '../../api/indicators/pg-change-stamp.ts';
import { shortSurvey, VALID_ANSWERS } from '../api/helpers.ts';
import { describePostgres, usePostgres } from './postgres.ts';

describePostgres('storing submissions on PostgreSQL: idempotent, durable, group-committed, across instances', () => {
  const postgres = usePostgres();
  /** A second API instance: its own pool and its own queue on the same database. */
  let other: PgDb;
  let surveyId: number;
  let versionId: number;

  beforeAll(async () => {
    other = await openPostgres(postgres.url);
    const file = shortSurvey();
    const [survey] = await postgres.db.insert(surveys).values({ slug: file.slug }).returning();
    const [version] = await postgres.db.insert(surveyVersions).values({
      surveyId: survey!.id, version: 1, definition: file.definition, meta: file.meta, contentHash: contentHash({ definition: file.definition, meta: file.meta }),
    }).returning();
    surveyId = survey!.id;
    versionId = version!.id;
  });
  afterAll(async () => {
    await other?.$client.end();
  });

  const row = (overrides: Partial<ResponseRow> = {}): ResponseRow => ({
    id: crypto.randomUUID(), surveyId, surveyVersionId: versionId, version: 1, answers: VALID_ANSWERS, answersHash: 'h', language: 'bs',
    mode: 'web', enumeratorId: null, startedAt: null, completedAt: null, paradata: null, pinned: true, ...overrides,
  });
  const count = async (id: string) => (await postgres.db.$client.query('SELECT count(*)::int AS n FROM responses WHERE id = $1', [id])).rows[0].n as number;

  it('stores the same id sent to two instances at once once: one is told "stored" (201), the other finds it (200)', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const submission = row();
      const outcomes = await Promise.all([pgResponseWriter(postgres.db).submit(submission), pgResponseWriter(other).submit({ ...submission })]);
      expect(outcomes.sort()).toEqual([false, true]);
      expect(await count(submission.id)).toBe(1);
      const stored = await pgStoredResponse(other, submission.id);
      expect(stored).toMatchObject({ id: submission.id, answers: VALID_ANSWERS, answersHash: 'h' });
    }
  });

  it('group-commits what arrives together, with each response\'s analysed values, on both instances', async () => {
    const [first, second] = [pgResponseWriter(postgres.db), pgResponseWriter(other)];
    const rows = Array.from({ length: 60 }, (_, index) => row({ answers: { ...VALID_ANSWERS, trust_police: index % 11 }, paradata: index === 0 ? '{"appVersion":"1.0"}' : null }));
    const results = await Promise.all(rows.map((submission, index) => (index % 2 ? first : second).submit(submission)));
    expect(results.every(Boolean)).toBe(true);
    // 30 submissions queued in one turn of the event loop on each instance: one transaction each.
    expect([first.stats.commits, second.stats.commits]).toEqual([1, 1]);
    expect([first.stats.largestBatch, second.stats.largestBatch]).toEqual([30, 30]);
    const ids = rows.map((submission) => submission.id);
    const stored = await postgres.db.$client.query('SELECT r.id, r.paradata::text AS paradata, v.answer_values FROM responses r JOIN response_values v ON v.response_id = r.id WHERE r.id = ANY($1)', [ids]);
    expect(stored.rowCount).toBe(60);
    const sqlite = openDatabase(':memory:');
    publishSurveyFiles(sqlite, [shortSurvey()]);
    const layout = surveyLayout(sqlite, 1).layout;
    for (const found of stored.rows as { id: string; paradata: string | null; answer_values: Buffer }[]) {
      const sent = rows.find((submission) => submission.id === found.id)!;
      expect(found.answer_values.equals(packAnswers(layout, sent.answers as Record<string, unknown>))).toBe(true);
      expect(found.paradata).toBe(sent.paradata);
    }
  });

  it('stores an id repeated within one batch once (a retry that caught up with its first send)', async () => {
    const writer = pgResponseWriter(postgres.db);
    const submission = row();
    expect(await Promise.all([writer.submit(submission), writer.submit({ ...submission }), writer.submit(row())])).toEqual([true, false, true]);
    expect(await count(submission.id)).toBe(1);
    expect(writer.stats.commits).toBe(1);
  });

  it('refuses one bad row of a batch alone: its batch-mates are stored', async () => {
    const writer = pgResponseWriter(postgres.db);
    const good = [row(), row()];
    const bad = row({ surveyVersionId: 999_999 });
    const outcomes = await Promise.allSettled([writer.submit(good[0]!), writer.submit(bad), writer.submit(good[1]!)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason?.cause?.message ?? (outcomes[1] as PromiseRejectedResult).reason)).toMatch(/foreign key/);
    expect([await count(good[0]!.id), await count(bad.id), await count(good[1]!.id)]).toEqual([1, 0, 1]);
    expect(writer.stats.commits).toBe(1);
  });

  it("lets one instance's caches see another's writes and erasures at once, by the change stamp read from the database", async () => {
    const before = await pgResponseChangeStamp(other);
    const submission = row();
    expect(await pgResponseWriter(postgres.db).submit(submission)).toBe(true);
    const afterWrite = await pgResponseChangeStamp(other);
    // Appended only: both rowids grew, nothing removed, so a cache reads just the new rows.
    expect(afterWrite.inserted).toBeGreaterThan(before.inserted);
    expect(afterWrite.responses).toBeGreaterThan(before.responses);
    expect(afterWrite.removed).toBe(before.removed);
    await postgres.db.$client.query('DELETE FROM responses WHERE id = $1', [submission.id]);
    const afterErasure = await pgResponseChangeStamp(other);
    // An erasure (with its analysed values, by cascade) moves `removed`: the cache scans again.
    expect(afterErasure.removed).toBe(before.removed + 2);
  });

  it('rejects the whole batch with CommitFailedError when the database cannot take it, storing none of it', async () => {
    const closed = await openPostgres(postgres.url);
    await closed.$client.end();
    const rows = [row(), row()];
    const outcomes = await Promise.allSettled(rows.map((submission) => pgResponseWriter(closed).submit(submission)));
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && outcome.reason instanceof CommitFailedError)).toEqual([true, true]);
    expect(await postgres.db.$client.query('SELECT 1 FROM responses WHERE id = ANY($1)', [rows.map((submission) => submission.id)]).then((result) => result.rowCount)).toBe(0);
    expect(await postgres.db.select().from(responses).then((all) => all.length)).toBeGreaterThan(0);
  });
});
