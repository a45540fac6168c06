import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { createAccount, createUser, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { testApp } from './helpers.ts';

/**
 * POST /api/surveys/:slug/imports: an earlier wave's microdata becomes stored responses of a
 * version, every row validated like a submission, all or nothing, once per file. On both databases.
 */
const FULL = loadSurveyFile('surveys/bih-police-trust.json');
const BASELINE: SurveyFile = { ...FULL, slug: 'baseline-copy' };
const KOBO = JSON.parse(readFileSync('test/fixtures/imports/kobo-survey.json', 'utf8')) as SurveyFile;
const KOBO_CSV = readFileSync('test/fixtures/imports/kobo-wave1.csv');

let exported = '';

/** A JSON column as the driver gives it: text on SQLite, parsed on PostgreSQL. */
const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

// Our own export of 300 synthetic interviews (two waves, strata, PSUs, weights, "other" texts,
// don't knows), made once on SQLite (the demo generator writes there): the file both databases import.
beforeAll(async () => {
  const source = testApp([FULL], 64 * 1024);
  createUser(source.db, 'admin@example.org', 'admin');
  const session = await signIn(source.app, 'admin@example.org');
  storeDemoRows(source.db, findVersion(source.db, FULL.slug)!, generateDemo({ responses: 300, seed: 'imports', regions: readRegions() }));
  const response = await source.app.request(`/api/surveys/${FULL.slug}/exports/microdata.csv`, { headers: session.headers() });
  expect(response.status).toBe(200);
  exported = await response.text();
  source.db.$client.close();
}, 120_000);

forEachDialect('imports', (ctx) => {
  let context: DialectApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

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
  /** The stored rows of a table for one survey, as `select *` gives them. */
  const storedIn = async (table: 'responses' | 'response_values', slug: string, app = context) => {
    const surveyId = (await app.store.surveys.findVersion(slug))!.surveyId;
    return (await app.rows(table)).filter((row) => Number(row.survey_id) === surveyId);
  };
  const stored = (slug: string) => storedIn('responses', slug);
  const audited = async (app = context) => (await app.rows('audit_log')).filter((entry) => entry.action === 'responses.import');

  beforeAll(async () => {
    context = await ctx.testApp({ files: [FULL, BASELINE, KOBO] });
    await createAccount(context.store, 'admin@example.org', 'admin');
    admin = await signIn(context.app, 'admin@example.org');
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
      const rows = await stored(BASELINE.slug);
      expect(new Set(rows.map((row) => row.import_hash))).toEqual(new Set([report.file.sha256]));
      expect(rows.every((row) => Boolean(row.is_synthetic))).toBe(true); // invented rows stay marked as invented
      expect(await storedIn('response_values', BASELINE.slug)).toHaveLength(300);
      const audit = await audited();
      expect(audit).toHaveLength(1);
      expect(parsed(audit[0]!.details)).toMatchObject({ imported: 300, sha256: report.file.sha256, format: 'trustlens' });
    });

    it('adds nothing when the same file is imported again, and says so', async () => {
      const response = await importCsv(BASELINE.slug, exported);
      expect(response.status).toBe(200);
      const report = await response.json() as { imported: number; message: string; alreadyImported: { rows: number } };
      expect(report.imported).toBe(0);
      expect(report.alreadyImported.rows).toBe(300);
      expect(report.message).toMatch(/was imported on .*nothing was added/);
      expect(await stored(BASELINE.slug)).toHaveLength(300);
    });

    it('recognises rows already imported from another file with the same ids', async () => {
      const [header, first, second] = exported.split('\n');
      const response = await importCsv(BASELINE.slug, `${header}\n${first}\n${second}\n`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ imported: 0, alreadyStored: [2, 3] });
      expect(await stored(BASELINE.slug)).toHaveLength(300);
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
      const before = (await stored(FULL.slug)).length;
      const refused = await importCsv(FULL.slug, csv());
      expect(refused.status).toBe(422);
      const body = await refused.json() as { error: { message: string; details: { row: number; column: string; issue: string }[] } };
      expect(body.error.message).toMatch(/^3 of 4 rows do not fit version 1 .*nothing was imported/);
      expect(body.error.details).toEqual(expect.arrayContaining([
        { row: 3, column: 'trust_police', field: 'row 3, trust_police', issue: expect.stringMatching(/11/) },
        { row: 4, column: 'language', field: 'row 4, language', issue: expect.stringMatching(/must be one of en, bs/) },
        { row: 5, column: 'weight', field: 'row 5, weight', issue: 'must be a positive number (the design weight)' },
      ]));
      expect(await stored(FULL.slug)).toHaveLength(before);
    });

    it('with skipInvalid stores the rows that fit and lists the skipped ones', async () => {
      const target = 'baseline-copy';
      const before = (await stored(target)).length;
      // The first row gets an id of its own: with its exported id it would be recognised as imported already.
      const file = csv().split('\n').map((line, index) => (index === 1 ? line.replace(/^"[^"]+"/, `"${crypto.randomUUID()}"`) : line)).join('\n');
      const accepted = await importCsv(target, file, '?skipInvalid=1');
      const report = await accepted.json() as { imported: number; skipped: { row: number }[] };
      expect(accepted.status, JSON.stringify(report)).toBe(201);
      expect(report.imported).toBe(1);
      expect(report.skipped.map((entry) => entry.row)).toEqual([3, 4, 5]);
      expect(await stored(target)).toHaveLength(before + 1);
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
      await createAccount(context.store, 'evaluator@example.org', 'evaluator');
      await createAccount(context.store, 'outsider@example.org', 'researcher');
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
      // The analysed values carry the design too (the indicator tables read them by wave).
      expect((await storedIn('response_values', 'kobo-baseline')).map((row) => [row.wave, row.psu]).sort())
        .toEqual([[2019, 'sa-01'], [2019, 'tz-02'], [2019, 'tz-02'], [2019, 'us-04']]);
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

  describe('whole or nothing, once', () => {
    it('the same file sent twice at once is stored once, with one audit entry', async () => {
      const fresh = await ctx.testApp({ files: [KOBO] });
      await createAccount(fresh.store, 'admin@example.org', 'admin');
      const session = await signIn(fresh.app, 'admin@example.org');
      const send = () => fresh.app.request('/api/surveys/kobo-baseline/imports?language=bs', { method: 'POST', headers: { ...session.headers(true), 'content-type': 'text/csv' }, body: KOBO_CSV });
      const replies = await Promise.all([send(), send()]);
      const reports = await Promise.all(replies.map(async (reply) => ({ status: reply.status, ...(await reply.json() as { imported: number }) })));
      expect(reports.map((report) => [report.status, report.imported]).sort()).toEqual([[200, 0], [201, 4]]);
      expect(await storedIn('responses', 'kobo-baseline', fresh)).toHaveLength(4);
      expect(await storedIn('response_values', 'kobo-baseline', fresh)).toHaveLength(4);
      expect(await audited(fresh)).toHaveLength(1);
    });

    it('an import whose audit entry cannot be written leaves no row behind, and can be made again', async () => {
      const fresh = await ctx.testApp({ files: [KOBO] });
      await createAccount(fresh.store, 'admin@example.org', 'admin');
      const session = await signIn(fresh.app, 'admin@example.org');
      // The last write of the import's transaction fails: every row written before it must go too.
      if (ctx.dialect === 'sqlite') {
        await fresh.execute("CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'responses.import' BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
      } else {
        await fresh.execute("CREATE FUNCTION refuse_import_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action = 'responses.import' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$");
        await fresh.execute('CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_import_audit()');
      }
      const send = () => fresh.app.request('/api/surveys/kobo-baseline/imports?language=bs', { method: 'POST', headers: { ...session.headers(true), 'content-type': 'text/csv' }, body: KOBO_CSV });
      const refused = await send();
      expect(refused.status).toBe(500);
      expect(await refused.text()).not.toContain('audit refused');
      expect(await storedIn('responses', 'kobo-baseline', fresh)).toEqual([]);
      expect(await storedIn('response_values', 'kobo-baseline', fresh)).toEqual([]);
      await fresh.execute('DROP TRIGGER refuse_import_audit' + (ctx.dialect === 'sqlite' ? '' : ' ON audit_log'));
      const accepted = await send();
      expect(accepted.status).toBe(201);
      expect(await accepted.json()).toMatchObject({ imported: 4, alreadyStored: [] });
      expect(await storedIn('responses', 'kobo-baseline', fresh)).toHaveLength(4);
    });
  });
});
