import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { copyDatabase } from '../../api/db/copy/copy.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { surveys } from '../../api/db/schema.ts';
import { postgresStore } from '../../api/db/store/index.ts';
import { signIn } from './accounts.ts';
import { analyticsApp, FULL, type Caller } from './analytics-fixture.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';

/*
 * The read side's routes served from PostgreSQL: an app on a PostgreSQL copy of the analytics
 * fixture answers every indicator, chart, model, target and export request with the bytes the
 * SQLite app gives for the same rows, and writes the export's audit entry there.
 */
describePostgres('read routes on PostgreSQL', () => {
  let context: Awaited<ReturnType<typeof analyticsApp>>;
  let pg: PgDb;
  let drop: () => Promise<void>;
  let onPostgres: ReturnType<typeof createApp>;
  const sessions = new Map<Caller, Awaited<ReturnType<typeof signIn>>>();

  beforeAll(async () => {
    context = await analyticsApp(300);
    const database = await freshPostgresDatabase();
    drop = database.drop;
    pg = await openPostgres(database.url);
    await copyDatabase(context.db, pg);
    onPostgres = createApp({ store: postgresStore(pg), config: { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' } });
    for (const caller of ['admin', 'researcher', 'evaluator', 'outsider'] as const) sessions.set(caller, await signIn(onPostgres, `${caller}@example.org`));
  }, 180_000);

  afterAll(async () => {
    await pg?.$client.end();
    await drop?.();
  });

  const both = async (path: string, caller: Caller) => {
    const sqlite = await context.get(path, caller);
    const postgres = await onPostgres.request(path, { headers: sessions.get(caller)!.headers() });
    return { sqlite, postgres };
  };

  it('answers indicator tables, charts, models and targets exactly as SQLite', async () => {
    for (const path of [
      `/api/surveys/${FULL}/indicators?by=region,channel`,
      `/api/surveys/${FULL}/indicators?by=region&wave=2024&weighting=design`,
      `/api/surveys/${FULL}/indicators?compare=wave:2025,2024`,
      `/api/surveys/${FULL}/models`,
      `/api/surveys/${FULL}/targets`,
    ]) {
      const { sqlite, postgres } = await both(path, 'evaluator');
      expect([path, postgres.status]).toEqual([path, 200]);
      expect(await postgres.json()).toEqual(await sqlite.json());
    }
    const report = await both(`/api/surveys/${FULL}/report.html?wave=2025`, 'evaluator');
    expect(report.postgres.status).toBe(200);
    // Chart element ids in the page differ from run to run; the report's data are compared in pg-indicators.test.ts.
    expect(await report.postgres.text()).toContain('<!doctype html>');
    const chart = await both(`/api/surveys/${FULL}/chart.svg?indicators=trust_fav&by=region`, 'evaluator');
    expect(chart.postgres.status).toBe(200);
    expect(await chart.postgres.text()).toBe(await chart.sqlite.text());
  });

  it('refuses what SQLite refuses, with the same status and details', async () => {
    for (const [path, caller] of [
      [`/api/surveys/${FULL}/indicators?by=nowhere`, 'evaluator'],
      [`/api/surveys/${FULL}/indicators`, 'outsider'],
      [`/api/surveys/${FULL}/exports/microdata.csv`, 'evaluator'],
      ['/api/surveys/no-such-survey/indicators', 'admin'],
    ] as const) {
      const { sqlite, postgres } = await both(path, caller);
      expect([path, postgres.status]).toEqual([path, sqlite.status]);
      expect(sqlite.status).toBeGreaterThanOrEqual(400);
      expect(await postgres.json()).toEqual(await sqlite.json());
    }
  });

  it('exports the indicator CSV, the microdata CSV and the codebook with the same bytes, and audits them', async () => {
    for (const path of [
      `/api/surveys/${FULL}/exports/indicators.csv?by=region`,
      `/api/surveys/${FULL}/exports/microdata.csv`,
      `/api/surveys/${FULL}/exports/microdata.csv?values=labels&wave=2024`,
      `/api/surveys/${FULL}/exports/microdata.csv?names=ess&bom=1`,
      `/api/surveys/${FULL}/exports/codebook.json`,
      `/api/surveys/${FULL}/exports/codebook.csv`,
      `/api/surveys/${FULL}/exports/microdata.R`,
    ]) {
      const { sqlite, postgres } = await both(path, 'researcher');
      expect([path, postgres.status]).toEqual([path, 200]);
      expect(postgres.headers.get('content-type')).toBe(sqlite.headers.get('content-type'));
      const bytes = Buffer.from(await postgres.arrayBuffer());
      expect(bytes.equals(Buffer.from(await sqlite.arrayBuffer()))).toBe(true);
      expect(bytes.length).toBeGreaterThan(100);
    }
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const audited = await pg.$client.query<{ action: string }>("SELECT action FROM audit_log WHERE survey_id = $1 AND action LIKE 'export.%' AND action NOT LIKE 'export.report.%' ORDER BY id", [survey.id]);
    expect(audited.rows.map((row) => row.action)).toEqual([
      'export.indicators.csv', 'export.microdata.csv', 'export.microdata.csv', 'export.microdata.csv', 'export.codebook.json', 'export.codebook.csv', 'export.microdata.R',
    ]);
  });
});
