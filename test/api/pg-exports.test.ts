import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { copyDatabase } from '../../api/db/copy/copy.ts';
import { openPostgres, type PgDb } from '../../api/db/pg/open.ts';
import { postgresStore } from '../../api/db/store/index.ts';
import { fileNames } from '../../api/exports/native/names.ts';
import { eq } from 'drizzle-orm';
import { surveyMembers, surveys } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { NATIVE_ANSWERS, nativeSurvey } from '../fixtures/api/native-survey.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';
import { signIn } from './accounts.ts';
import { FULL } from './analytics-fixture.ts';
import { post } from './helpers.ts';
import { expectSameAsCsv, nativeApp, type NativeContext } from './native-fixture.ts';
import { readWithPspp, readWithReadstat } from './native-readers.ts';

/*
 * The microdata XLSX (with its paradata sheet), the paradata CSV and the SPSS/Stata files served
 * from PostgreSQL: an app on a PostgreSQL copy of the same rows (the full instrument with demo
 * responses, the `native` survey of Cyrillic, long texts, "other" and missing codes, and
 * responses with paradata, and a survey whose text columns hold JSON arrays and objects: a
 * ranking, a multiple text, a matrix) gives the same files as the SQLite app, and audits each
 * export there.
 */
describePostgres('microdata XLSX, paradata and native exports on PostgreSQL', () => {
  let context: NativeContext;
  let pg: PgDb;
  let drop: () => Promise<void>;
  let onPostgres: ReturnType<typeof createApp>;
  let session: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    context = await nativeApp(150);
    const paradata = [
      { appVersion: '0.2.0', pages: [{ name: 'p1', seconds: 42.5 }], languageSwitches: [{ from: 'sr-Cyrl', to: 'en', atSeconds: 3 }], offlineSeconds: 60, queuedSeconds: 90 },
      { appVersion: '0.2.1', pages: [{ name: 'p1', seconds: 7 }], languageSwitches: [] },
    ];
    for (const entry of paradata) {
      const body = { id: crypto.randomUUID(), language: 'sr-Cyrl', answers: NATIVE_ANSWERS[0], startedAt: '2026-05-02T09:00:00.000Z', completedAt: '2026-05-02T09:02:30.500Z', paradata: entry };
      const response = await post(context.app, 'native', body);
      expect(response.status, await response.clone().text()).toBe(201);
    }
    // Texts measured in bytes, not characters (4-byte emoji, the longest "other" text), and an empty one (no strL record).
    for (const answers of [{ region: 'brcko', story: '' }, { region: 'tuzla', contact_how: 'other', 'contact_how-Comment': `${'😀'.repeat(10)} најдужи одговор`, story: '😀 emoji' }]) {
      const response = await post(context.app, 'native', { id: crypto.randomUUID(), language: 'sr-Cyrl', answers });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    publishSurveyFiles(context.db, [shapesSurvey()]);
    const shapes = context.db.select().from(surveys).where(eq(surveys.slug, 'shapes')).get()!;
    context.db.insert(surveyMembers).values({ surveyId: shapes.id, userId: context.db.select().from(surveyMembers).get()!.userId }).run();
    for (const answers of SHAPES_ANSWERS) {
      const response = await post(context.app, 'shapes', { id: crypto.randomUUID(), language: 'en', answers });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    const database = await freshPostgresDatabase();
    drop = database.drop;
    pg = await openPostgres(database.url);
    await copyDatabase(context.db, pg);
    onPostgres = createApp({ store: postgresStore(pg), config: { bodyLimitBytes: 64 * 1024, webDist: 'test/fixtures/no-web-build' } });
    session = await signIn(onPostgres, 'researcher@example.org');
  }, 300_000);

  afterAll(async () => {
    await pg?.$client.end();
    await drop?.();
  });

  /** The export from both apps as the researcher: both 200, the same content type. */
  const both = async (path: string) => {
    const url = `/api/surveys/${path}`;
    const sqlite = await context.get(url, 'researcher');
    const postgres = await onPostgres.request(url, { headers: session.headers() });
    expect([path, sqlite.status, postgres.status]).toEqual([path, 200, 200]);
    expect(postgres.headers.get('content-type')).toBe(sqlite.headers.get('content-type'));
    expect(postgres.headers.get('content-disposition')).toBe(sqlite.headers.get('content-disposition'));
    return { sqlite: Buffer.from(await sqlite.arrayBuffer()), postgres: Buffer.from(await postgres.arrayBuffer()) };
  };

  it('paradata.csv has the same bytes, with the paradata submitted', async () => {
    for (const path of [`${FULL}/exports/paradata.csv`, `${FULL}/exports/paradata.csv?wave=2024`, 'native/exports/paradata.csv']) {
      const { sqlite, postgres } = await both(path);
      expect(postgres.equals(sqlite), path).toBe(true);
    }
    const rows = parse((await both('native/exports/paradata.csv')).postgres.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(NATIVE_ANSWERS.length + 4);
    expect(rows.find((row) => row.para_app_version === '0.2.0')).toMatchObject({
      para_duration_seconds: '150.5', para_offline_seconds: '60', para_queued_seconds: '90', para_language_switches: '1', para_languages: 'sr-Cyrl en', para_page_p1_seconds: '42.5',
    });
    expect(rows.find((row) => row.para_app_version === '0.2.1')).toMatchObject({ para_language_switches: '0', para_languages: 'sr-Cyrl', para_page_p1_seconds: '7' });
  });

  it('microdata.xlsx has the same sheets, rows and cells (microdata and paradata)', async () => {
    for (const path of [`${FULL}/exports/microdata.xlsx`, `${FULL}/exports/microdata.xlsx?values=labels&wave=2025&names=ess`, 'native/exports/microdata.xlsx', 'shapes/exports/microdata.xlsx']) {
      const { sqlite, postgres } = await both(path);
      const [fromSqlite, fromPostgres] = await Promise.all([workbook(sqlite), workbook(postgres)]);
      expect(fromPostgres.map((sheet) => sheet.name)).toEqual(['microdata', 'paradata']);
      expect(fromPostgres, path).toEqual(fromSqlite);
      // The two sheets hold the same responses, and more than the header.
      expect(fromPostgres[0]!.rows.length).toBeGreaterThan(2);
      expect(fromPostgres[1]!.rows.length).toBe(fromPostgres[0]!.rows.length);
    }
  });

  it('microdata.sav and microdata.dta have the same bytes but for the minute they were written, and read back alike', async () => {
    for (const [path, names] of [
      [`${FULL}/exports/microdata.sav`, 'spss'], ['native/exports/microdata.sav?lang=sr-Cyrl', 'spss'], [`${FULL}/exports/microdata.sav?wave=2024&names=ess`, 'spss'],
      [`${FULL}/exports/microdata.dta`, 'stata'], ['native/exports/microdata.dta?lang=en', 'stata'],
      ['shapes/exports/microdata.sav', 'spss'], ['shapes/exports/microdata.dta', 'stata'],
    ] as const) {
      const { sqlite, postgres } = await both(path);
      expect(postgres.length, path).toBe(sqlite.length);
      expect(withoutTimestamp(postgres, names).equals(withoutTimestamp(sqlite, names)), path).toBe(true);
    }
    // Independent readers of the PostgreSQL files: every cell as in the microdata CSV.
    for (const [slug, extension, query] of [[FULL, 'sav', ''], ['native', 'sav', '?lang=en'], ['shapes', 'sav', ''], [FULL, 'dta', ''], ['native', 'dta', '?lang=en'], ['shapes', 'dta', '']] as const) {
      const file = `pg-${slug}.${extension}`;
      writeFileSync(join(context.folder, file), (await both(`${slug}/exports/microdata.${extension}${query}`)).postgres);
      const reference = await context.reference(slug);
      const readers = extension === 'sav' ? [readWithPspp, readWithReadstat] : [readWithReadstat];
      for (const read of readers) {
        const back = read(context.folder, file);
        const compared = expectSameAsCsv(back, reference, fileNames(reference.header, extension === 'sav' ? 64 : 32, extension === 'sav' ? 'spss' : 'stata'), {
          digits: 8, missingAsEmpty: extension === 'dta', missingValue: (column, value) => missingCode(reference.codebook, column, value),
        });
        expect(compared).toBe(reference.codes.length * reference.header.length);
      }
    }
  }, 600_000);

  it('audits each export on PostgreSQL', async () => {
    const before = await audited();
    await both(`${FULL}/exports/microdata.xlsx?wave=2024`);
    await both(`${FULL}/exports/paradata.csv?wave=2024`);
    await both(`${FULL}/exports/microdata.sav`);
    await both(`${FULL}/exports/microdata.dta?names=ess`);
    const entries = (await audited()).slice(before.length);
    expect(entries.map((entry) => [entry.action, entry.details])).toEqual([
      ['export.microdata.xlsx', { wave: '2024' }], ['export.paradata.csv', { wave: '2024' }], ['export.microdata.sav', {}], ['export.microdata.dta', { names: 'ess' }],
    ]);
  });

  const audited = async () => (await pg.$client.query<{ action: string; details: unknown }>("SELECT action, details FROM audit_log WHERE action LIKE 'export.%' ORDER BY id")).rows;
});

/** Every sheet of a workbook: its name and the values of each row. */
async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  });
}

/** The file with the time it was written blanked: the .sav header's date and time, the .dta's <timestamp>. */
function withoutTimestamp(bytes: Buffer, format: 'spss' | 'stata'): Buffer {
  const copy = Buffer.from(bytes);
  if (format === 'spss') return copy.fill(0, 92, 92 + 9 + 8);
  const start = copy.indexOf('<timestamp>') + '<timestamp>'.length;
  return copy.fill(0, start, copy.indexOf('</timestamp>'));
}

/** Stata's extended missing letter (.a, .b, …) → the missing code of that rank, from the codebook. */
function missingCode(codebook: Awaited<ReturnType<NativeContext['reference']>>['codebook'], column: string, value: string): number | undefined {
  const codes = codebook.find((entry) => entry.variable === column)!.missing.map((code) => code.value).sort((a, b) => a - b);
  return codes[value.charCodeAt(1) - 'a'.charCodeAt(0)];
}

/** The native survey plus questions whose answers are JSON arrays and objects (text columns holding their JSON). */
function shapesSurvey(): SurveyFile {
  const file = nativeSurvey();
  const definition = structuredClone(file.definition) as unknown as { pages: { elements: Record<string, unknown>[] }[] };
  definition.pages[0]!.elements.push(
    { type: 'ranking', name: 'priorities', title: 'Order these', choices: ['patrols', 'response_time', 'courtesy'] },
    { type: 'multipletext', name: 'contact', title: 'How to reach you', items: [{ name: 'phone' }, { name: 'email' }] },
    { type: 'matrix', name: 'grid', title: 'Rate each', columns: ['good', 'bad'], rows: ['station', 'phone_line'] },
  );
  return { ...file, slug: 'shapes', definition: definition as unknown as SurveyFile['definition'] };
}

const SHAPES_ANSWERS: Record<string, unknown>[] = [
  { region: 'tuzla', priorities: ['courtesy', 'patrols', 'response_time'], contact: { phone: '061 222 333', email: 'ж@example.org' }, grid: { station: 'good', phone_line: 'bad' } },
  { region: 'brcko', priorities: ['patrols', 'courtesy', 'response_time'], contact: { phone: '😀' }, story: 'Kratko "citat" \\ kraj' },
  { region: 'sarajevo', grid: { station: 'bad' } },
];
