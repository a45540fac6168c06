import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, responses, surveys } from '../../api/db/schema.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { createUser, signIn } from './accounts.ts';
import { testApp } from './helpers.ts';

/**
 * POST /api/surveys/:slug/imports: an earlier wave's microdata becomes stored responses of a
 * version, every row validated like a submission, all or nothing, once per file.
 */
const FULL = loadSurveyFile('surveys/bih-police-trust.json');
const BASELINE: SurveyFile = { ...FULL, slug: 'baseline-copy' };
const KOBO = JSON.parse(readFileSync('test/fixtures/imports/kobo-survey.json', 'utf8')) as SurveyFile;
const KOBO_CSV = readFileSync('test/fixtures/imports/kobo-wave1.csv');

let context: ReturnType<typeof testApp>;
let admin: Awaited<ReturnType<typeof signIn>>;
let exported = '';

const importFile = (slug: string, body: string | Uint8Array, query = '', headers = admin.headers(true)) => {
  const form = new FormData();
  form.set('file', new File([typeof body === 'string' ? body : new Uint8Array(body)], 'wave1.csv', { type: 'text/csv' }));
  const { 'content-type': _, ...rest } = headers;
  return context.app.request(`/api/surveys/${slug}/imports${query}`, { method: 'POST', headers: rest, body: form });
};
const importCsv = (slug: string, body: string, query = '') =>
  context.app.request(`/api/surveys/${slug}/imports${query}`, { method: 'POST', headers: { ...admin.headers(true), 'content-type': 'text/csv' }, body });
const exportCsv = async (slug: string) => {
  const response = await context.app.request(`/api/surveys/${slug}/exports/microdata.csv`, { headers: admin.headers() });
  expect(response.status).toBe(200);
  return response.text();
};
const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
const stored = (slug: string) => {
  const survey = context.db.select().from(surveys).where(eq(surveys.slug, slug)).get()!;
  return context.db.select().from(responses).where(eq(responses.surveyId, survey.id)).all();
};

beforeAll(async () => {
  context = testApp([FULL, BASELINE, KOBO], 64 * 1024);
  createUser(context.db, 'admin@example.org', 'admin');
  admin = await signIn(context.app, 'admin@example.org');
  // 300 synthetic interviews (two waves, strata, PSUs, weights, "other" texts, don't knows) in the source survey.
  storeDemoRows(context.db, findVersion(context.db, FULL.slug)!, generateDemo({ responses: 300, seed: 'imports', regions: readRegions() }));
  exported = await exportCsv(FULL.slug);
}, 120_000);

describe('our own microdata CSV', () => {
  it('round-trips: exported from one survey and imported into another, the other exports the same rows', async () => {
    const response = await importFile(BASELINE.slug, exported, '?version=1');
    const report = await response.json() as { imported: number; file: { format: string; sha256: string; rows: number }; skipped: unknown[] };
    expect(response.status, JSON.stringify(report).slice(0, 2000)).toBe(201);
    expect(report).toMatchObject({ imported: 300, skipped: [], file: { format: 'trustlens', rows: 300 } });
    const before = rowsOf(exported);
    const after = rowsOf(await exportCsv(BASELINE.slug));
    expect(after).toHaveLength(300);
    const key = (row: Record<string, string>) => `${row.started_at}|${row.psu}`;
    const byKey = new Map(after.map((row) => [key(row), row]));
    for (const row of before) {
      const copy = byKey.get(key(row))!;
      expect(copy, key(row)).toBeDefined();
      // Everything answered and the design are the same; the copy is a new response, stored now, marked as imported.
      const { id, mode, received_at, ...same } = row;
      const { id: newId, mode: newMode, received_at: newReceived, ...copied } = copy;
      expect(copied).toEqual(same);
      expect(newMode).toBe('import');
      expect(newId).not.toBe(id);
    }
    const rows = stored(BASELINE.slug);
    expect(new Set(rows.map((row) => row.importHash))).toEqual(new Set([report.file.sha256]));
    expect(rows.every((row) => row.isSynthetic)).toBe(true); // invented rows stay marked as invented
    const audit = context.db.select().from(auditLog).where(eq(auditLog.action, 'responses.import')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ imported: 300, sha256: report.file.sha256, format: 'trustlens' });
  });

  it('adds nothing when the same file is imported again, and says so', async () => {
    const response = await importCsv(BASELINE.slug, exported);
    expect(response.status).toBe(200);
    const report = await response.json() as { imported: number; message: string; alreadyImported: { rows: number } };
    expect(report.imported).toBe(0);
    expect(report.alreadyImported.rows).toBe(300);
    expect(report.message).toMatch(/was imported on .*nothing was added/);
    expect(stored(BASELINE.slug)).toHaveLength(300);
  });

  it('recognises rows already imported from another file with the same ids', async () => {
    const [header, first, second] = exported.split('\n');
    const response = await importCsv(BASELINE.slug, `${header}\n${first}\n${second}\n`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ imported: 0, alreadyStored: [2, 3] });
    expect(stored(BASELINE.slug)).toHaveLength(300);
  });
});

describe('rows that do not fit', () => {
  const csv = () => {
    const rows = rowsOf(exported).slice(0, 4);
    rows[1]!.trust_police = '11';
    rows[2]!.language = 'fr';
    rows[3]!.weight = 'heavy';
    const header = Object.keys(rows[0]!);
    return [header.join(','), ...rows.map((row) => header.map((name) => JSON.stringify(row[name])).join(','))].join('\n');
  };

  it('stores nothing and lists row, column and issue', async () => {
    const before = stored(FULL.slug).length;
    const refused = await importCsv(FULL.slug, csv());
    expect(refused.status).toBe(422);
    const body = await refused.json() as { error: { message: string; details: { row: number; column: string; issue: string }[] } };
    expect(body.error.message).toMatch(/^3 of 4 rows do not fit version 1 .*nothing was imported/);
    expect(body.error.details).toEqual(expect.arrayContaining([
      { row: 3, column: 'trust_police', field: 'row 3, trust_police', issue: expect.stringMatching(/11/) },
      { row: 4, column: 'language', field: 'row 4, language', issue: expect.stringMatching(/must be one of en, bs/) },
      { row: 5, column: 'weight', field: 'row 5, weight', issue: 'must be a positive number (the design weight)' },
    ]));
    expect(stored(FULL.slug)).toHaveLength(before);
  });

  it('with skipInvalid stores the rows that fit and lists the skipped ones', async () => {
    const target = 'baseline-copy';
    const before = stored(target).length;
    // The first row gets an id of its own: with its exported id it would be recognised as imported already.
    const file = csv().split('\n').map((line, index) => (index === 1 ? line.replace(/^"[^"]+"/, `"${crypto.randomUUID()}"`) : line)).join('\n');
    const accepted = await importCsv(target, file, '?skipInvalid=1');
    const report = await accepted.json() as { imported: number; skipped: { row: number }[] };
    expect(accepted.status, JSON.stringify(report)).toBe(201);
    expect(report.imported).toBe(1);
    expect(report.skipped.map((entry) => entry.row)).toEqual([3, 4, 5]);
    expect(stored(target)).toHaveLength(before + 1);
  });

  it('refuses a column that is no question, naming it', async () => {
    const response = await importCsv(FULL.slug, `id,language,trust_polise\n${crypto.randomUUID()},en,5\n`);
    expect(response.status).toBe(422);
    const body = await response.json() as { error: { details: unknown[] } };
    expect(body.error.details).toEqual([{ row: 1, column: 'trust_polise', field: 'row 1, trust_polise', issue: expect.stringMatching(/no question of version 1/) }]);
  });

  it('refuses files that are not CSV of rows, and callers who may not write microdata', async () => {
    expect((await importCsv(FULL.slug, 'id,language\n')).status).toBe(422);
    expect((await importCsv(FULL.slug, 'a,b\n1,2,3\n')).status).toBe(422);
    expect((await importFile(FULL.slug, new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xfe, 0x0a]))).status).toBe(422);
    expect((await importCsv(FULL.slug, exported, '?version=9')).status).toBe(422);
    expect((await importCsv(FULL.slug, exported, '?skipInvalid=maybe')).status).toBe(422);
    createUser(context.db, 'evaluator@example.org', 'evaluator');
    createUser(context.db, 'outsider@example.org', 'researcher');
    const evaluator = await signIn(context.app, 'evaluator@example.org');
    const outsider = await signIn(context.app, 'outsider@example.org');
    expect((await importFile(FULL.slug, exported, '', evaluator.headers(true))).status).toBe(403);
    expect((await importFile(FULL.slug, exported, '', outsider.headers(true))).status).toBe(403);
    expect((await context.app.request(`/api/surveys/${FULL.slug}/imports`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: exported })).status).toBe(401);
  });
});

describe("KoBoToolbox's CSV export", () => {
  it('maps group paths, select_multiple, or_other, start/end, _uuid and the design columns', async () => {
    const response = await importFile('kobo-baseline', KOBO_CSV, '?language=bs');
    const report = await response.json() as { imported: number; file: { format: string }; ignoredColumns: string[] };
    expect(response.status, JSON.stringify(report)).toBe(201);
    expect(report).toMatchObject({ imported: 4, file: { format: 'kobo' } });
    expect(report.ignoredColumns).toEqual(expect.arrayContaining(['today', 'deviceid', '_id', '_submission_time', '__version__', '_index']));
    const rows = rowsOf(await exportCsv('kobo-baseline'));
    const first = rows.find((row) => row.started_at === '2019-11-04T10:12:31.223+01:00')!;
    expect(first).toMatchObject({
      language: 'bs', mode: 'import', wave: '2019', stratum: 'sarajevo', psu: 'sa-01', weight: '812.5', completed_at: '2019-11-04T10:31:02.871+01:00',
      consent: 'yes', trust_police: '7', region: 'sarajevo', age: '34', visit_date: '2019-10-20', contact_any: 'yes',
      channels_used_phone_122: '1', channels_used_facebook: '1', channels_used_station: '0', comments: 'Brzo su došli, ćirilica: полиција',
    });
    const other = rows.find((row) => row.psu === 'us-04')!;
    expect(other).toMatchObject({ region: 'other', 'region-Comment': 'Bihać', contact_any: 'no', channels_used_phone_122: '' });
    const declined = rows.find((row) => row.started_at?.startsWith('2019-11-05T09'))!;
    expect(declined).toMatchObject({ consent: 'no', trust_police: '', weight: '955.25' });
    // Quotes and separators inside a KoBo cell survive.
    expect(rows.find((row) => row.trust_police === '10')!.comments).toBe('"Fair", they said; then: =SUM(A1)');
  });

  it('validates KoBo rows like submissions: an answer the form would not allow fails with its column', async () => {
    const text = KOBO_CSV.toString('utf8').replace('"34"', '"12"').replace('"phone_122 facebook"', '"phone_122 fax"').replace(/6f1c2a1e/, '7f1c2a1e');
    const response = await importCsv('kobo-baseline', text);
    expect(response.status).toBe(422);
    const body = await response.json() as { error: { details: { row: number; column: string; issue: string }[] } };
    expect(body.error.details).toEqual(expect.arrayContaining([
      { row: 2, column: 'trust/age', field: 'row 2, trust/age', issue: expect.stringMatching(/at least 18/) },
      { row: 2, column: 'contact/channels_used', field: 'row 2, contact/channels_used', issue: expect.stringMatching(/fax/) },
    ]));
  });
});
