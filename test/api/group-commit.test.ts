import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/open.ts';
import { responseWriter, useWriterThread } from '../../api/responses/store.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { post, SHORT, shortSurvey, submission, VALID_ANSWERS } from './helpers.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/**
 * The real app on a file database (WAL, synchronous=FULL), its submissions written on this thread
 * or (as the server does) on the writer thread, and a second connection to read it as another process would.
 */
function fileApp(writerThread: boolean) {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-group-commit-'));
  folders.push(folder);
  const path = join(folder, 'trustlens.db');
  const db = openDatabase(path);
  publishSurveyFiles(db, [shortSurvey()]);
  const app = createApp({ db, config: { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' } });
  const stopWriter = writerThread ? useWriterThread(db, path) : async () => {};
  const reader = new Database(path, { readonly: true });
  const storedElsewhere = (id: string) => reader.prepare('select count(*) from responses where id = ?').pluck().get(id) as number;
  return { app, db, storedElsewhere, close: async () => { await stopWriter(); reader.close(); db.$client.close(); } };
}

describe.each([['on the request thread', false], ['on the writer thread', true]])('group commit %s', { timeout: 60_000 }, (_where, writerThread) => {
  it('stores submissions that arrive together in one transaction, each acknowledged once it is on disk', async () => {
    const { app, db, storedElsewhere, close } = fileApp(writerThread);
    const bodies = Array.from({ length: 20 }, () => submission());
    const before = { ...responseWriter(db).stats };
    const responses = await Promise.all(bodies.map(async (body) => {
      const response = await post(app, SHORT, body);
      // Acknowledged means committed: another connection already sees the row.
      return { status: response.status, seenElsewhere: storedElsewhere(body.id) };
    }));
    expect(responses).toEqual(bodies.map(() => ({ status: 201, seenElsewhere: 1 })));
    const stats = responseWriter(db).stats;
    expect(stats.writes - before.writes).toBe(20);
    expect(stats.commits - before.commits).toBeLessThan(20);
    expect(stats.largestBatch).toBeGreaterThan(1);
    await close();
  });

  it('keeps each submission idempotent inside a batch: the same id twice is one row, a clash is 409', async () => {
    const { app, db, close } = fileApp(writerThread);
    const body = submission();
    const [first, retry, clash] = await Promise.all([
      post(app, SHORT, body), post(app, SHORT, body), post(app, SHORT, { ...body, answers: { ...VALID_ANSWERS, trust_police: 9 } }),
    ]);
    expect([first.status, retry.status, clash.status].sort()).toEqual([200, 201, 409]);
    expect(db.$client.prepare('select count(*) from responses').pluck().get()).toBe(1);
    expect(db.$client.prepare('select count(*) from response_values').pluck().get()).toBe(1);
    await close();
  });

  it('a submission that fails to be written never takes its batch-mates down', async () => {
    const { app, db, storedElsewhere, close } = fileApp(writerThread);
    const bodies = Array.from({ length: 5 }, () => submission());
    const doomed = bodies[2]!.id;
    // A row the database refuses (as a full disk or a broken constraint would), for this one id only;
    // in the file, so the writer thread's connection has it too.
    db.$client.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON response_values WHEN NEW.response_id = '${doomed}'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`);
    const statuses = await Promise.all(bodies.map(async (body) => (await post(app, SHORT, body)).status));
    expect(statuses).toEqual([201, 201, 500, 201, 201]);
    expect(bodies.map((body) => storedElsewhere(body.id))).toEqual([1, 1, 0, 1, 1]);
    // Neither half of the refused one remains: its response row was rolled back with its values.
    expect(db.$client.prepare('select count(*) from response_values').pluck().get()).toBe(4);
    await close();
  });

  it('a refused write in a batch leaves its batch-mates answered as on their own: new 201, its retry 200, a clash 409', async () => {
    const { app, db, storedElsewhere, close } = fileApp(writerThread);
    const doomed = submission();
    const body = submission();
    db.$client.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON response_values WHEN NEW.response_id = '${doomed.id}'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`);
    // The refused one comes last, after its batch-mates were written once: they must not find their own rows.
    const [first, retry, clash, refused] = await Promise.all([
      post(app, SHORT, body), post(app, SHORT, body), post(app, SHORT, { ...body, answers: { ...VALID_ANSWERS, trust_police: 9 } }), post(app, SHORT, doomed),
    ]);
    expect([first.status, retry.status, clash.status].sort()).toEqual([200, 201, 409]);
    expect(refused.status).toBe(500);
    expect([storedElsewhere(body.id), storedElsewhere(doomed.id)]).toEqual([1, 0]);
    expect(db.$client.prepare('select count(*) from response_values').pluck().get()).toBe(1);
    await close();
  });

  it('when the commit itself fails, every submission of the batch gets 503 and nothing is stored', async () => {
    const { app, db, storedElsewhere, close } = fileApp(writerThread);
    // A deferred foreign key is only checked at COMMIT: the whole batch's commit fails.
    db.$client.exec(`CREATE TABLE commit_guard (ref INTEGER REFERENCES surveys(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER break_commit AFTER INSERT ON responses BEGIN INSERT INTO commit_guard VALUES (-1); END;`);
    const bodies = Array.from({ length: 3 }, () => submission());
    const responses = await Promise.all(bodies.map((body) => post(app, SHORT, body)));
    expect(responses.map((response) => response.status)).toEqual([503, 503, 503]);
    expect(responses[0]!.headers.get('retry-after')).toBe('5');
    expect(bodies.map((body) => storedElsewhere(body.id))).toEqual([0, 0, 0]);
    db.$client.exec('DROP TRIGGER break_commit');
    // The client's retry then succeeds.
    expect((await post(app, SHORT, bodies[0]!)).status).toBe(201);
    await close();
  });
});
