import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { responses, surveys } from '../../api/db/schema.ts';
import { loadColumns } from '../../api/indicators/load-columns.ts';
import { CACHE_BYTES, cachedEntry, clearColumnCache, storeEntry, type CacheEntry } from '../../api/indicators/column-cache.ts';
import { surveyLayout } from '../../api/indicators/survey-layout.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { readRegions } from '../../data/regions.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { analyticsApp, FULL } from './analytics-fixture.ts';
import { post } from './helpers.ts';

let context: Awaited<ReturnType<typeof analyticsApp>>;
beforeAll(async () => {
  context = await analyticsApp(400);
}, 60_000);

const table = async (query: string) => {
  const response = await context.get(`/api/surveys/${FULL}/indicators?${query}`, 'admin');
  expect(response.status).toBe(200);
  return (await response.json()) as { design: { n: number }; estimates: { groups: Record<string, string>; n: number; estimate: number | null }[] };
};

describe('cached indicator columns', () => {
  it('are reused while nothing changes, and never give stale numbers after a new response or an erasure', async () => {
    const query = 'indicators=trust_fav&by=region&weighting=design';
    const before = await table(query);
    expect((await table(query)).estimates).toEqual(before.estimates);

    const demo = context.db.select().from(responses).limit(1).get()!;
    const id = crypto.randomUUID();
    expect((await post(context.app, FULL, { id, language: demo.language, answers: demo.answers })).status).toBe(201);
    const added = await table(query);
    expect(added.design.n).toBe(before.design.n + 1);
    const region = (demo.answers as { region: string }).region;
    const count = (result: typeof before) => result.estimates.find((row) => row.groups.region === region)!.n;
    expect(count(added)).toBe(count(before) + 1);

    // Erasure through the API (the values row goes by ON DELETE CASCADE).
    const erased = await context.app.request(`/api/surveys/${FULL}/responses/${id}`, { method: 'DELETE', headers: context.sessions.get('admin')!.headers(true) });
    expect(erased.status).toBe(204);
    const after = await table(query);
    expect(after.design.n).toBe(before.design.n);
    expect(after.estimates).toEqual(before.estimates);
  });

  it('give the same tables when the prepared design is reused as when everything is made afresh', async () => {
    // As a dashboard does: one indicator after another on the same design, then the full table.
    const queries = ['by=region,channel', 'indicators=pf_score&by=region', 'indicators=trust_fav&by=channel', 'by=channel&weighting=design',
      'indicators=trust_fav,pf_score&by=region&weighting=none', 'indicators=pf_score&by=region,channel&weighting=design', 'by=region,channel'];
    const reused = [];
    for (const query of queries) reused.push(await table(query));
    const fresh = [];
    for (const query of queries) {
      clearColumnCache(context.db.$client);
      fresh.push(await table(query));
    }
    expect(reused).toEqual(fresh);
    expect(reused[0]!.estimates.length).toBeGreaterThan(reused[2]!.estimates.length);
  });

  it('take one wave from the cached rows of every wave, with the numbers of a scan of that wave', async () => {
    const { waves } = (await table('indicators=trust_fav&by=region')) as unknown as { waves: number[] };
    expect(waves.length).toBeGreaterThan(1);
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const { layout } = surveyLayout(context.db, survey.id);
    const all = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'trust_police'] });
    const one = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'trust_police'], waves: [waves[0]!] });
    const scanned = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'trust_police'], waves: [waves[0]!], cache: false });
    expect(one.rows).toBe(scanned.rows);
    expect(one.rows).toBeLessThan(all.rows);
    expect([one.variables, one.wave, one.psu, one.weight]).toEqual([scanned.variables, scanned.wave, scanned.psu, scanned.weight]);
    const query = `by=region,channel&wave=${waves[0]}`;
    const taken = await table(query);
    clearColumnCache(context.db.$client);
    expect(await table(query)).toEqual(taken);
  });

  it('read a filter naming every wave as no filter, unless some responses have no wave', async () => {
    type Table = Awaited<ReturnType<typeof table>> & { waves: number[]; filters: { wave: number[] | null } };
    const whole = (await table('by=region&weighting=design')) as Table;
    const every = (await table(`by=region&weighting=design&wave=${whole.waves.join(',')}`)) as Table;
    expect(every.filters.wave).toEqual(whole.waves);
    expect(every.estimates).toEqual(whole.estimates);
    // A web response without a wave: every wave's table leaves it out, the whole sample has it.
    const demo = context.db.select().from(responses).where(eq(responses.surveyId, context.survey.surveyId)).limit(1).get()!;
    const id = crypto.randomUUID();
    expect((await post(context.app, FULL, { id, language: demo.language, answers: demo.answers })).status).toBe(201);
    expect(((await table(`by=region&weighting=design&wave=${whole.waves.join(',')}`)) as Table).design.n).toBe(whole.design.n);
    expect(((await table('by=region&weighting=design')) as Table).design.n).toBe(whole.design.n + 1);
    context.db.delete(responses).where(eq(responses.id, id)).run();
  });

  it('lists a new wave and backfills a response stored without values, on the next request', async () => {
    const query = 'indicators=trust_fav&weighting=none';
    const before = (await table(query)) as Awaited<ReturnType<typeof table>> & { waves: number[] };
    expect((await table(query) as typeof before).waves).toEqual(before.waves);
    // Another writer on this connection inserts a response of a new wave straight into responses.
    const demo = context.db.select().from(responses).where(eq(responses.surveyId, context.survey.surveyId)).limit(1).get()!;
    const wave = Math.max(0, ...before.waves) + 1;
    context.db.insert(responses).values({ ...demo, id: crypto.randomUUID(), wave }).run();
    const after = (await table(query)) as typeof before;
    expect(after.waves).toEqual([...before.waves, wave]);
    expect(after.design.n).toBe(before.design.n + 1);
  });

  it('hands out the same columns until a write, then scans again; variables asked later line up with the rows', async () => {
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const { layout } = surveyLayout(context.db, survey.id);
    const first = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region'] });
    const again = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'trust_police'] });
    expect(again.variables.region).toBe(first.variables.region); // from memory, not a new scan
    const fresh = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'trust_police'], cache: false });
    expect(again.variables).toEqual(fresh.variables);
    expect([again.psu, again.weight]).toEqual([fresh.psu, fresh.weight]);

    const victim = context.db.select({ id: responses.id }).from(responses).where(eq(responses.surveyId, survey.id)).limit(1).get()!;
    context.db.delete(responses).where(eq(responses.id, victim.id)).run();
    const afterDelete = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region'] });
    expect(afterDelete.rows).toBe(first.rows - 1);
    expect(afterDelete.variables.region).not.toBe(first.variables.region);
  });

  it('reads only the responses inserted since, appending them to the cached rows', async () => {
    const survey = context.db.select().from(surveys).where(eq(surveys.slug, FULL)).get()!;
    const { layout } = surveyLayout(context.db, survey.id);
    const variables = ['region', 'trust_police'];
    const before = await loadColumns(context.db, { surveyId: survey.id, layout, variables });
    const demo = context.db.select().from(responses).limit(1).get()!;
    expect((await post(context.app, FULL, { id: crypto.randomUUID(), language: demo.language, answers: demo.answers })).status).toBe(201);
    const after = await loadColumns(context.db, { surveyId: survey.id, layout, variables });
    expect(after.rows).toBe(before.rows + 1);
    // The cached rows first, unchanged (and the arrays handed out before are left as they were) …
    expect(after.variables.region!.slice(0, before.rows)).toEqual(before.variables.region);
    expect(before.variables.region).toHaveLength(before.rows);
    // … then the new web response: no design weight, its own answers.
    expect([after.mode.at(-1), after.weight.at(-1), after.variables.region!.at(-1), after.variables.trust_police!.at(-1)])
      .toEqual(['web', NaN, (demo.answers as Record<string, unknown>).region, (demo.answers as Record<string, unknown>).trust_police]);
    // Same rows as a fresh scan, in another order.
    const fresh = await loadColumns(context.db, { surveyId: survey.id, layout, variables, cache: false });
    const sorted = (loaded: typeof after) => Array.from({ length: loaded.rows }, (_, row) => `${loaded.psu[row]}|${loaded.variables.region![row]}|${loaded.variables.trust_police![row]}`).sort();
    expect(sorted(after)).toEqual(sorted(fresh));
    // A variable not cached yet: the appended rows are not in scan order, so everything is read again, aligned.
    const more = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'pf_respect'] });
    const again = await loadColumns(context.db, { surveyId: survey.id, layout, variables: ['region', 'pf_respect'], cache: false });
    expect([more.variables.region, more.variables.pf_respect]).toEqual([again.variables.region, again.variables.pf_respect]);
  });

  it('notices writes by another connection to the same file, reading only what it appended', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'trustlens-cache-')), 'cache.db');
    const db = openDatabase(path);
    publishSurveyFiles(db, [loadSurveyFile('surveys/bih-police-trust.json')]);
    const version = findVersion(db, FULL)!;
    storeDemoRows(db, version, generateDemo({ responses: 50, seed: 'cache-test', regions: readRegions() }));
    const { layout } = surveyLayout(db, version.surveyId);
    const load = () => loadColumns(db, { surveyId: version.surveyId, layout, variables: ['region'] });
    expect((await load()).rows).toBe(50);
    const other = new Database(path);
    other.pragma('foreign_keys = ON');
    other.prepare('DELETE FROM responses WHERE rowid IN (SELECT rowid FROM responses LIMIT 3)').run();
    const afterDelete = await load();
    expect(afterDelete.rows).toBe(47);
    // A response appended by the other connection (as the writer thread does) is read alone and appended.
    other.exec(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language)
        SELECT 'from-elsewhere', survey_id, survey_version_id, version, answers, answers_hash, language FROM responses LIMIT 1;
      INSERT INTO response_values (response_id, survey_id, version, language, mode, answer_values)
        SELECT 'from-elsewhere', survey_id, version, language, mode, answer_values FROM response_values LIMIT 1;`);
    other.close();
    const appended = await load();
    expect(appended.rows).toBe(48);
    expect(appended.variables.region!.slice(0, 47)).toEqual(afterDelete.variables.region);
    expect(appended.variables.region!.at(-1)).toBe(afterDelete.variables.region![0]);
    db.$client.close();
  });

  it('appends responses inserted since in the order a scan gives them: by wave (none first), then as inserted', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'trustlens-cache-')), 'order.db');
    const db = openDatabase(path);
    publishSurveyFiles(db, [loadSurveyFile('surveys/bih-police-trust.json')]);
    const version = findVersion(db, FULL)!;
    storeDemoRows(db, version, generateDemo({ responses: 50, seed: 'order-test', regions: readRegions() }));
    const { layout } = surveyLayout(db, version.surveyId);
    const load = (cache = true) => loadColumns(db, { surveyId: version.surveyId, layout, variables: ['region'], cache });
    const first = await load();
    // Inserted as the writer thread does, in waves 2, none, 1, 2; told apart by their mode.
    const other = new Database(path);
    [[2, 'w2-a'], [null, 'none'], [1, 'w1'], [2, 'w2-b']].forEach(([wave, mode], index) => {
      other.prepare(`INSERT INTO responses (id, survey_id, survey_version_id, version, answers, answers_hash, language, wave)
        SELECT ?, survey_id, survey_version_id, version, answers, answers_hash, language, ? FROM responses LIMIT 1`).run(`late-${index}`, wave);
      other.prepare(`INSERT INTO response_values (response_id, survey_id, version, language, mode, answer_values, wave)
        SELECT ?, survey_id, version, language, ?, answer_values, ? FROM response_values LIMIT 1`).run(`late-${index}`, mode, wave);
    });
    other.close();
    const appended = await load();
    expect(appended.rows).toBe(first.rows + 4);
    expect(appended.mode.slice(first.rows)).toEqual(['none', 'w1', 'w2-a', 'w2-b']);
    expect(Array.from(appended.wave.subarray(first.rows))).toEqual([NaN, 1, 2, 2]);
    // The same four rows, in the same order among themselves, as a fresh scan reads them.
    const fresh = await load(false);
    expect(fresh.mode.filter((mode) => ['none', 'w1', 'w2-a', 'w2-b'].includes(mode))).toEqual(['none', 'w1', 'w2-a', 'w2-b']);
    db.$client.close();
  });
});

describe('column cache size', () => {
  it('keeps entries within its memory budget, dropping the least recently used, never the newest', () => {
    const client = {} as Database.Database;
    const { layout } = surveyLayout(context.db, context.survey.surveyId);
    const stamp = { inserted: 0, removed: 0, responses: 0 };
    // 6 response fields + 1 variable = 56 bytes a row: three entries of 40 % of the budget each.
    const rows = Math.floor((0.4 * CACHE_BYTES) / 56);
    const entry = (): CacheEntry => ({
      stamp, layout, rows, maxRowid: rows, appended: false, variables: new Map([['region', []]]),
      fields: { wave: new Float64Array(0), weight: new Float64Array(0), stratum: [], psu: [], language: [], mode: [] },
    });
    storeEntry(client, 'a', entry());
    storeEntry(client, 'b', entry());
    expect(cachedEntry(client, 'a', stamp, layout)?.state).toBe('current'); // 'a' is now the most recently used
    storeEntry(client, 'c', entry());
    expect(cachedEntry(client, 'b', stamp, layout)).toBeUndefined();
    expect(cachedEntry(client, 'a', stamp, layout)?.state).toBe('current');
    expect(cachedEntry(client, 'c', stamp, layout)?.state).toBe('current');
    const huge = { ...entry(), rows: 4 * rows };
    storeEntry(client, 'd', huge);
    expect(['a', 'c'].map((key) => cachedEntry(client, key, stamp, layout))).toEqual([undefined, undefined]);
    expect(cachedEntry(client, 'd', stamp, layout)?.entry).toBe(huge); // over the budget alone, but the newest
  });
});
