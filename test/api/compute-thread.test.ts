import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { useComputeThread } from '../../api/compute/compute-thread.ts';
import { openDatabase, type Db } from '../../api/db/open.ts';
import { responses } from '../../api/db/schema.ts';
import { useWriterThread } from '../../api/responses/store.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, signIn } from './accounts.ts';
import { FULL } from './analytics-fixture.ts';
import { post } from './helpers.ts';

/** Two apps on one file database: one computing here, one (as the server does) on the compute and writer threads. */
let folder: string;
let db: Db;
let stop: () => Promise<void>;
let here: ReturnType<typeof createApp>;
let threaded: ReturnType<typeof createApp>;
let headers: Record<string, string>;
let writeHeaders: Record<string, string>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'trustlens-compute-'));
  const path = join(folder, 'trustlens.db');
  db = openDatabase(path);
  publishSurveyFiles(db, [loadSurveyFile('surveys/bih-police-trust.json')]);
  storeDemoRows(db, findVersion(db, FULL)!, generateDemo({ responses: 400, seed: 'compute-thread', regions: readRegions() }));
  const config = { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' };
  threaded = createApp({ db, config });
  // With the helper (COMPUTE_HELPER=1), so its half of the estimates is checked against this thread's too.
  const stopCompute = useComputeThread(db, path, { helper: true });
  const stopWriter = useWriterThread(db, path);
  stop = async () => { await stopWriter(); await stopCompute(); };
  createUser(db, 'admin@example.org', 'admin');
  const session = await signIn(threaded, 'admin@example.org');
  headers = session.headers();
  writeHeaders = session.headers(true);
  // A second database object on the same file computes on the request thread.
  const inline = openDatabase(path);
  here = createApp({ db: inline, config });
}, 120_000);

afterAll(async () => {
  await stop();
  db.$client.close();
  rmSync(folder, { recursive: true, force: true });
});

const table = async (app: ReturnType<typeof createApp>, query: string) => {
  const response = await app.request(`/api/surveys/${FULL}/indicators?${query}`, { headers });
  return { status: response.status, body: (await response.json()) as { design: { n: number }; estimates: unknown[]; error?: { details?: unknown } } };
};

describe('indicator tables on the compute thread', { timeout: 120_000 }, () => {
  it('are the tables computed on the request thread', async () => {
    for (const query of ['by=region,channel', 'indicators=trust_fav&by=region&weighting=design', 'wave=2025&by=channel']) {
      expect((await table(threaded, query)).body).toEqual((await table(here, query)).body);
    }
  });

  it('fit the meta\'s models as the request thread does', async () => {
    for (const query of ['', 'wave=2025&weighting=design&models=trust_fav_drivers']) {
      const [there, inline] = await Promise.all([threaded, here].map(async (app) => (await app.request(`/api/surveys/${FULL}/models?${query}`, { headers })).json()));
      expect((there as { models: unknown[] }).models.length).toBeGreaterThan(0);
      expect(there).toEqual(inline);
    }
  });

  it('see a submission stored by the writer thread and an erasure by the request thread at once', async () => {
    const before = (await table(threaded, 'by=region')).body.design.n;
    const demo = db.select().from(responses).limit(1).get()!;
    const id = crypto.randomUUID();
    expect((await post(threaded, FULL, { id, language: demo.language, answers: demo.answers })).status).toBe(201);
    expect((await table(threaded, 'by=region')).body.design.n).toBe(before + 1);
    const erased = await threaded.request(`/api/surveys/${FULL}/responses/${id}`, { method: 'DELETE', headers: writeHeaders });
    expect(erased.status).toBe(204);
    expect((await table(threaded, 'by=region')).body.design.n).toBe(before);
  });

  it('answer a refusal from the thread with its status and details, and draw charts and reports from it', async () => {
    const refused = await table(threaded, 'wave=2025&compare=region:nowhere');
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual((await table(here, 'wave=2025&compare=region:nowhere')).body);
    const chart = await threaded.request(`/api/surveys/${FULL}/chart.svg?indicators=trust_fav&by=region`, { headers });
    expect([chart.status, (await chart.text()).startsWith('<svg')]).toEqual([200, true]);
    const report = await threaded.request(`/api/surveys/${FULL}/report.html`, { headers });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('<table');
  });
});
