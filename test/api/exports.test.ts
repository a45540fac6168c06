import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { responseValues, surveys } from '../../api/db/schema.ts';
import { onePage } from '../../api/exports/csv-stream.ts';
import { csvText } from '../../api/exports/csv-text.ts';
import { xlsxStream } from '../../api/exports/xlsx-stream.ts';
import { microdataColumns } from '../../api/exports/microdata-columns.ts';
import { planColumns } from '../../api/exports/microdata-plan.ts';
import { microdataPages } from '../../api/exports/microdata-rows.ts';
import { surveyLayout } from '../../api/indicators/survey-layout.ts';
import { ensureResponseValues } from '../../api/responses/values.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { versionedSurvey } from '../fixtures/api/versioned-survey.ts';
import { analyticsApp, analyticsDialectApp, CALLERS, FULL, type Caller } from './analytics-fixture.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post } from './helpers.ts';

const csv = async (response: Response) => parse((await response.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
const workbook = async (response: Response) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return book;
};

/** The `versioned` survey: version 1 answered once, then version 2 twice (a removed and an added question, formula-like comments). */
async function answerVersioned(app: DialectApp['app'], publish: (files: SurveyFile[]) => Promise<unknown>) {
  await publish([versionedSurvey(1)]);
  const answer = (version: number, answers: Record<string, unknown>) =>
    post(app, 'versioned', { id: crypto.randomUUID(), language: 'en', version, answers });
  expect((await answer(1, { region: 'tuzla', trust_police: 7, channels_used: ['facebook'], old_item: 2, comment: '=HYPERLINK("http://evil.example","click")' })).status).toBe(201);
  await publish([versionedSurvey(2)]);
  expect((await answer(2, { region: 'sarajevo', trust_police: 3, channels_used: ['app', 'phone_122'], new_item: 1, comment: '+1 and @home' })).status).toBe(201);
  expect((await answer(2, { region: 'sarajevo', trust_police: 9, comment: '-2' })).status).toBe(201);
}

/* The exports over the API on both databases (issue #15): one app per database for the blocks below. */
forEachDialect('exports', (ctx) => {
  let context: Awaited<ReturnType<typeof analyticsDialectApp>>;

  beforeAll(async () => {
    context = await analyticsDialectApp(ctx, 800);
    await answerVersioned(context.app, (files) => context.store.surveys.publishFiles(files));
    // The researcher (a member of the full survey) manages `versioned` too.
    const versioned = (await context.rows('surveys')).find((row) => row.slug === 'versioned')!;
    const researcher = (await context.rows('survey_members'))[0]!;
    await context.execute('INSERT INTO survey_members (survey_id, user_id) VALUES (?, ?)', [versioned.id, researcher.user_id]);
  }, 120_000);

  describe('indicator exports', () => {
    it('CSV has the endpoint\'s estimates, one line each, with a column per dimension', async () => {
      const json = await (await context.get(`/api/surveys/${FULL}/indicators?by=region&indicators=trust_fav,pf_score`, 'evaluator')).json() as { estimates: { indicator: string; groups: Record<string, string>; estimate: number | null; n: number; flag: string | null }[] };
      const response = await context.get(`/api/surveys/${FULL}/exports/indicators.csv?by=region&indicators=trust_fav,pf_score`, 'evaluator');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('bih-police-trust-indicators.csv');
      const rows = await csv(response);
      expect(rows).toHaveLength(json.estimates.length);
      rows.forEach((row, index) => {
        const want = json.estimates[index]!;
        expect(row.indicator).toBe(want.indicator);
        expect(row.region).toBe(want.groups.region ?? '(all)');
        expect(Number(row.n)).toBe(want.n);
        if (want.estimate === null) expect(row.estimate).toBe('');
        else expect(Number(row.estimate)).toBe(want.estimate);
        expect(row.flag).toBe(want.flag ?? '');
      });
    });

    it('XLSX has sheets of estimates, definitions, reliability, comparisons and notes', async () => {
      const response = await context.get(`/api/surveys/${FULL}/exports/indicators.xlsx?by=region,channel&compare=wave:2025,2024`, 'evaluator');
      expect(response.status).toBe(200);
      const book = await workbook(response);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['estimates', 'definitions', 'reliability', 'comparisons', 'notes']);
      const estimates = book.getWorksheet('estimates')!;
      expect(estimates.getRow(1).values).toEqual([undefined, 'indicator', 'label', 'region', 'channel', 'estimate', 'se', 'ci_low', 'ci_high', 'n', 'n_effective', 'deff', 'flag', 'includes_synthetic']);
      // The demo rows are synthetic: every line says so, and the notes begin with it.
      expect(new Set(estimates.getColumn(13).values.slice(2))).toEqual(new Set([1]));
      const definitions = book.getWorksheet('definitions')!;
      expect(definitions.rowCount).toBe(1 + context.survey.meta.indicators!.length);
      const notes = book.getWorksheet('notes')!.getColumn(1).values.join('\n');
      expect(notes).toContain('fewer than 30 responses are withheld');
      expect(notes).toContain('SYNTHETIC DATA: 800 of the');
    });
  });

  describe('microdata exports', () => {
    it('CSV spans versions: removed and added questions keep their columns, 0/1 per choice, fixed columns', async () => {
      const response = await context.get('/api/surveys/versioned/exports/microdata.csv', 'researcher');
      expect(response.status).toBe(200);
      const rows = await csv(response);
      expect(Object.keys(rows[0]!)).toEqual([
        'id', 'is_synthetic', 'version', 'language', 'mode', 'wave', 'stratum', 'psu', 'weight', 'started_at', 'completed_at', 'received_at',
        'region', 'trust_police', 'channels_used_phone_122', 'channels_used_facebook', 'old_item', 'comment', 'channels_used_app', 'new_item',
      ]);
      const [first, second, third] = rows as [Record<string, string>, Record<string, string>, Record<string, string>];
      expect([first.version, first.old_item, first.new_item, first.channels_used_facebook, first.channels_used_phone_122, first.channels_used_app]).toEqual(['1', '2', '', '1', '0', '']);
      expect([second.version, second.old_item, second.new_item, second.channels_used_app, second.channels_used_phone_122]).toEqual(['2', '', '1', '1', '1']);
      expect([third.channels_used_app, third.channels_used_facebook]).toEqual(['', '']);
      expect(first.mode).toBe('web');
      expect(first.received_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it('neutralises cells a spreadsheet would run as formulas', async () => {
      const rows = await csv(await context.get('/api/surveys/versioned/exports/microdata.csv', 'admin'));
      expect(rows.map((row) => row.comment)).toEqual(['\'=HYPERLINK("http://evil.example","click")', '\'+1 and @home', '\'-2']);
      const book = await workbook(await context.get('/api/surveys/versioned/exports/microdata.xlsx', 'admin'));
      const sheet = book.getWorksheet('microdata')!;
      const column = sheet.getRow(1).values as string[];
      const comment = sheet.getColumn(column.indexOf('comment')).values.slice(2);
      expect(comment).toEqual(['\'=HYPERLINK("http://evil.example","click")', '\'+1 and @home', '\'-2']);
      expect(sheet.getRow(2).getCell(column.indexOf('trust_police')).value).toBe(7);
    });

    it('labels instead of codes on request', async () => {
      const rows = await csv(await context.get('/api/surveys/versioned/exports/microdata.csv?values=labels', 'admin'));
      expect(rows.map((row) => row.region)).toEqual(['Tuzla Canton', 'Sarajevo Canton', 'Sarajevo Canton']);
      expect(rows.map((row) => row.old_item)).toEqual(['No', '', '']);
      expect(rows.map((row) => row.channels_used_app)).toEqual(['', '1', '']);
    });

    it('filters by wave and refuses bad parameters naming them', async () => {
      const rows = await csv(await context.get(`/api/surveys/${FULL}/exports/microdata.csv?wave=2024`, 'admin'));
      expect(rows.length).toBeGreaterThan(100);
      expect(new Set(rows.map((row) => row.wave))).toEqual(new Set(['2024']));
      for (const [query, field] of [['wave=1990', 'wave'], ['wave=2.024e3', 'wave'], ['values=words', 'values'], ['format=sav', 'format']]) {
        const response = await context.get(`/api/surveys/${FULL}/exports/microdata.csv?${query}`, 'admin');
        expect(response.status).toBe(422);
        expect(((await response.json()) as { error: { details: { field: string }[] } }).error.details.map((detail) => detail.field)).toContain(field);
      }
    });

    it('splits an XLSX sheet at the row limit, repeating the header', async () => {
      const stream = xlsxStream([{ name: 'microdata', header: ['a'], pages: onePage([[1], [2], [3], [4], [5]]) }], 3);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as never);
      expect(book.worksheets.map((sheet) => [sheet.name, sheet.getColumn(1).values.slice(1)])).toEqual([
        ['microdata', ['a', 1, 2]], ['microdata 2', ['a', 3, 4]], ['microdata 3', ['a', 5]],
      ]);
    });
  });

  describe('codebook', () => {
    it('names each variable with its text in every language, values, construct, ESS variable, missing codes and versions', async () => {
      const response = await context.get(`/api/surveys/${FULL}/exports/codebook.json`, 'researcher');
      expect(response.status).toBe(200);
      const { variables } = (await response.json()) as { variables: { variable: string; text: Record<string, string>; values: { value: number; label: string }[]; construct: string; essVariable: string; missing: { value: number }[]; versions: number[] }[] };
      const trust = variables.find((entry) => entry.variable === 'trust_police')!;
      expect(Object.keys(trust.text)).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
      expect(trust.text.en).toBe('How much do you personally trust the police?');
      expect(trust.text['sr-Cyrl']).toMatch(/полициј/);
      expect([trust.construct, trust.essVariable, trust.versions]).toEqual(['institutional_trust', 'trstplc', [1]]);
      expect(trust.missing.map((code) => code.value)).toEqual([77, 88, 99]);
      const respect = variables.find((entry) => entry.variable === 'pf_respect')!;
      expect(respect.values[0]).toEqual({ value: 1, label: 'Not at all often' });
      expect(variables.some((entry) => entry.variable === 'channels_used_facebook')).toBe(true);
      const rows = await csv(await context.get('/api/surveys/versioned/exports/codebook.csv', 'researcher'));
      const old = rows.find((row) => row.variable === 'old_item')!;
      expect([old.text_en, old.text_bs, old.values, old.versions]).toEqual(['Old item', 'Staro pitanje', '1=Yes; 2=No', '1']);
      expect(rows.find((row) => row.variable === 'new_item')!.versions).toBe('2');
    });
  });

  describe('who may export', () => {
    const files = ['indicators.csv', 'indicators.xlsx', 'microdata.csv', 'microdata.xlsx', 'codebook.csv', 'codebook.json'];
    const aggregate = { admin: 200, researcher: 200, outsider: 403, evaluator: 200, enumerator: 403 };
    const micro = { admin: 200, researcher: 200, outsider: 403, evaluator: 403, enumerator: 403 };
    it.each(files)('%s: by role, and anonymous 401; every export is audited', async (file) => {
      const expected: Record<Caller, number> = file.startsWith('indicators') ? aggregate : micro;
      const before = (await context.rows('audit_log')).length;
      for (const caller of CALLERS) {
        const response = await context.get(`/api/surveys/${FULL}/exports/${file}${file.startsWith('indicators') ? '?indicators=trust_fav' : ''}`, caller);
        expect(response.status, `${caller} ${file}`).toBe(expected[caller]);
        await response.arrayBuffer();
      }
      expect((await context.get(`/api/surveys/${FULL}/exports/${file}`)).status).toBe(401);
      const entries = (await auditEntries(context)).slice(before);
      expect(entries.map((entry) => entry.action)).toEqual(Array(Object.values(expected).filter((status) => status === 200).length).fill(`export.${file}`));
      if (file.startsWith('indicators')) expect(entries[0]!.details).toEqual({ indicators: 'trust_fav' });
    });
  });
});

/** The audit log in order, details parsed (SQLite gives the JSON column as text, PostgreSQL parsed). */
async function auditEntries(context: DialectApp) {
  const rows = await context.rows('audit_log');
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  return rows.map((row) => ({ action: row.action as string, details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details }));
}

/*
 * SQLite's own microdata reader (api/exports/microdata-rows.ts) against the stored JSON, with
 * response_values removed and backfilled out of order: a unit of the SQLite store, whose
 * PostgreSQL counterpart (store/pg/exports.ts) is compared file for file in pg-exports.test.ts.
 */
describe('microdata pages on SQLite', () => {
  let context: Awaited<ReturnType<typeof analyticsApp>>;
  beforeAll(async () => {
    context = await analyticsApp(800);
    await answerVersioned(context.app, async (files) => publishSurveyFiles(context.db, files));
  }, 120_000);

  it('reads packed values where lossless, and gives exactly the cells the stored JSON answers give', () => {
    for (const slug of [FULL, 'versioned']) {
      const survey = context.db.select().from(surveys).where(eq(surveys.slug, slug)).get()!;
      const layout = surveyLayout(context.db, survey.id);
      const columns = microdataColumns(layout);
      const plans = planColumns(columns, layout.layout, layout.versions.map((entry) => entry.definition), 'codes');
      // Free text stays in the JSON; choices and 0/1 columns come from the packed values.
      const source = (name: string) => plans[columns.findIndex((column) => column.name === name)]!.source;
      if (slug === 'versioned') expect(['comment', 'region', 'old_item', 'channels_used_app'].map(source)).toEqual(['json', 'packed', 'packed', 'packed']);
      else expect(plans.every((plan) => plan.source === 'packed')).toBe(true);
      for (const values of ['codes', 'labels'] as const) {
        const request = { surveyId: survey.id, columns, values, pageSize: 97 };
        const read = () => [...microdataPages(context.db, request)].flat();
        // The CSV writer's own path gives the bytes csvText gives for the cells.
        const sameCsv = () => expect([...microdataPages(context.db, request).csvText()].join('')).toBe(csvText(read()));
        const packed = read();
        sameCsv();
        // Without response_values rows every cell is computed from the parsed JSON, as before.
        context.db.delete(responseValues).where(eq(responseValues.surveyId, survey.id)).run();
        const fromJson = read();
        sameCsv();
        ensureResponseValues(context.db, survey.id);
        expect(packed.length).toBe(slug === FULL ? 800 : 3);
        expect(packed).toEqual(fromJson);
        // Values written out of order (every other one backfilled later) are still matched to their response.
        context.db.$client.prepare('DELETE FROM response_values WHERE survey_id = ? AND rowid % 2 = 0').run(survey.id);
        ensureResponseValues(context.db, survey.id);
        expect(read()).toEqual(fromJson);
        sameCsv();
      }
    }
  });

});
