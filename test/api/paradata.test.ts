import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';
import { storedResponses } from './stored-responses.ts';

const PARADATA = {
  appVersion: '0.1.0',
  pages: [{ name: 'consent', seconds: 12.5 }, { name: 'residence', seconds: 8 }, { name: 'trust', seconds: 31.25 }, { name: 'contact', seconds: 9 }],
  languageSwitches: [{ from: 'en', to: 'bs', atSeconds: 4 }, { from: 'bs', to: 'en', atSeconds: 40 }],
  offlineSeconds: 120,
  queuedSeconds: 300,
};

const csv = async (response: Response) => parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

forEachDialect('paradata at the API boundary', (ctx) => {
  let boundary: DialectApp;
  beforeAll(async () => {
    boundary = await ctx.testApp({ files: [shortSurvey()] });
  });

  it('is stored beside the answers, not in them, and returned with the stored record', async () => {
    const body = submission({ startedAt: '2026-05-01T09:00:00.000Z', completedAt: '2026-05-01T09:01:00.750Z', paradata: PARADATA });
    expect((await post(boundary.app, SHORT, body)).status).toBe(201);
    const [stored] = (await storedResponses(boundary)).filter((row) => row.id === body.id);
    expect(stored).toMatchObject({ paradata: PARADATA, started_at: '2026-05-01T09:00:00.000Z', completed_at: '2026-05-01T09:01:00.750Z' });
    expect(stored!.answers).not.toHaveProperty('paradata');
    const record = await (await post(boundary.app, SHORT, body)).json() as { paradata: unknown; answers: Record<string, unknown> };
    expect(record.paradata).toEqual(PARADATA);
    expect(record.answers).not.toHaveProperty('paradata');
  });

  it('a retry with newer paradata is the same submission: 200, the first paradata kept', async () => {
    const body = submission({ paradata: { ...PARADATA, queuedSeconds: 1 } });
    expect((await post(boundary.app, SHORT, body)).status).toBe(201);
    const again = await post(boundary.app, SHORT, { ...body, paradata: { ...PARADATA, queuedSeconds: 99 } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { paradata: { queuedSeconds: number } }).paradata.queuedSeconds).toBe(1);
    const stored = (await storedResponses(boundary)).filter((row) => row.id === body.id);
    expect(stored.map((row) => (row.paradata as { queuedSeconds: number }).queuedSeconds)).toEqual([1]);
  });

  it.each([
    [{ ...PARADATA, pages: [{ name: 'trust', seconds: -3 }] }, 'paradata.pages.0.seconds', 'must be at least 0'],
    [{ ...PARADATA, pages: [{ name: 'trust', seconds: 'long' }] }, 'paradata.pages.0.seconds', 'must be a number of seconds'],
    [{ ...PARADATA, offlineSeconds: 8 * 24 * 3600 }, 'paradata.offlineSeconds', 'must be at most 604800 (a week)'],
    [{ ...PARADATA, deviceId: 'abc' }, 'paradata.deviceId', 'unknown field'],
    [{ ...PARADATA, pages: [{ name: 'no_such_page', seconds: 3 }] }, 'paradata.pages.0.name', '"no_such_page" is not a page of this version'],
    [{ ...PARADATA, pages: [{ name: 'trust', seconds: 3 }, { name: 'trust', seconds: 4 }] }, 'paradata.pages.1.name', '"trust" is listed twice'],
    [{ ...PARADATA, appVersion: 'x'.repeat(65) }, 'paradata.appVersion', 'must be at most 64 characters'],
    [{ ...PARADATA, pages: Array.from({ length: 501 }, (_, index) => ({ name: `p${index}`, seconds: 1 })) }, 'paradata.pages', 'must list at most 500 pages'],
    ['fast', 'paradata', 'expected object'],
  ])('bad paradata is a 422 naming the field, and nothing is stored (%#)', async (paradata, field, issue) => {
    const before = (await storedResponses(boundary)).length;
    const response = await post(boundary.app, SHORT, submission({ paradata }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { details: { field: string; issue: string }[] } };
    expect(error.details.find((detail) => detail.field === field)?.issue).toContain(issue);
    expect(await storedResponses(boundary)).toHaveLength(before);
  });

  it('a submission without paradata (an older app\'s queue) is still stored, with none', async () => {
    const body = submission();
    expect((await post(boundary.app, SHORT, body)).status).toBe(201);
    expect((await storedResponses(boundary)).find((row) => row.id === body.id)).toMatchObject({ paradata: null });
  });
});

forEachDialect('paradata exports', (ctx) => {
  let context: DialectApp;
  let researcher: Awaited<ReturnType<typeof signIn>>;
  let researcherId: number;
  const get = (path: string) => context.app.request(path, { headers: researcher.headers() }) as Promise<Response>;

  beforeAll(async () => {
    context = await ctx.testApp({ files: [shortSurvey()] });
    const user = await createAccount(context.store, 'researcher@example.org', 'researcher');
    const survey = (await context.rows('surveys')).find((row) => row.slug === SHORT)!;
    researcherId = user.id;
    await context.execute('INSERT INTO survey_members (survey_id, user_id) VALUES (?, ?)', [survey.id, user.id]);
    researcher = await signIn(context.app, 'researcher@example.org');
  });

  it('paradata.csv has one row per response with the paradata columns, joinable to the microdata by id', async () => {
    const body = submission({ startedAt: '2026-05-02T09:00:00.000Z', completedAt: '2026-05-02T09:02:30.000Z', paradata: PARADATA });
    expect((await post(context.app, SHORT, body)).status).toBe(201);
    // And one from an older app, without paradata.
    expect((await post(context.app, SHORT, submission())).status).toBe(201);
    const response = await get(`/api/surveys/${SHORT}/exports/paradata.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`${SHORT}-paradata.csv`);
    const rows = await csv(response);
    const micro = await csv(await get(`/api/surveys/${SHORT}/exports/microdata.csv`));
    expect(rows.map((row) => row.id).sort()).toEqual(micro.map((row) => row.id).sort());
    const row = rows.find((entry) => entry.id === body.id)!;
    expect(row).toMatchObject({
      mode: 'web', enumerator_id: '', para_duration_seconds: '150', para_app_version: '0.1.0', para_offline_seconds: '120', para_queued_seconds: '300',
      para_language_switches: '2', para_languages: 'en bs en',
      para_page_consent_seconds: '12.5', para_page_residence_seconds: '8', para_page_trust_seconds: '31.25', para_page_contact_seconds: '9',
    });
    const bare = rows.find((entry) => entry.para_app_version === '')!;
    expect([bare.para_page_trust_seconds, bare.para_language_switches]).toEqual(['', '']);
  });

  it('microdata.xlsx has the paradata in a sheet of its own', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await get(`/api/surveys/${SHORT}/exports/microdata.xlsx`)).arrayBuffer()) as never);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['microdata', 'paradata']);
    const sheet = book.getWorksheet('paradata')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('para_page_trust_seconds');
    const column = header.indexOf('para_page_trust_seconds') + 1;
    const values = sheet.getColumn(column).values.slice(2);
    expect(values).toContain(31.25);
    expect(sheet.rowCount - 1).toBe(book.getWorksheet('microdata')!.rowCount - 1);
  });

  it('the codebook documents every paradata column', async () => {
    const json = await (await get(`/api/surveys/${SHORT}/exports/codebook.json`)).json() as { paradata: { variable: string; construct: string; text: { en: string } }[] };
    const header = (await csv(await get(`/api/surveys/${SHORT}/exports/paradata.csv`)))[0]!;
    const documented = new Set(json.paradata.map((entry) => entry.variable));
    for (const column of Object.keys(header).filter((name) => name.startsWith('para_') || name === 'enumerator_id')) expect(documented).toContain(column);
    expect(json.paradata.find((entry) => entry.variable === 'para_offline_seconds')!.text.en).toMatch(/offline/);
    const rows = await csv(await get(`/api/surveys/${SHORT}/exports/codebook.csv`));
    expect(rows.find((row) => row.variable === 'para_page_trust_seconds')).toMatchObject({ construct: 'paradata', type: 'number' });
  });

  it('only the survey\'s researchers may export paradata, and the export is audited', async () => {
    expect((await context.app.request(`/api/surveys/${SHORT}/exports/paradata.csv`)).status).toBe(401);
    await createAccount(context.store, 'evaluator@example.org', 'evaluator');
    const evaluator = await signIn(context.app, 'evaluator@example.org');
    expect((await context.app.request(`/api/surveys/${SHORT}/exports/paradata.csv`, { headers: evaluator.headers() })).status).toBe(403);
    const audited = async () => (await context.rows('audit_log')).filter((row) => String(row.action).startsWith('export.paradata'));
    const before = await audited();
    expect(before.every((row) => Number(row.user_id) === researcherId)).toBe(true);
    expect((await get(`/api/surveys/${SHORT}/exports/paradata.csv`)).status).toBe(200);
    const after = await audited();
    // The researcher's export adds one entry; the refused ones (401, 403) none.
    expect(after).toHaveLength(before.length + 1);
    expect([after.at(-1)!.action, Number(after.at(-1)!.user_id)]).toEqual(['export.paradata.csv', researcherId]);
  });
});
