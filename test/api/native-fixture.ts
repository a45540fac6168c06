import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { surveyMembers, surveys } from '../../api/db/schema.ts';
import type { CodebookEntry } from '../../api/exports/codebook.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { eq } from 'drizzle-orm';
import { NATIVE_ANSWERS, nativeSurvey } from '../fixtures/api/native-survey.ts';
import { analyticsApp, analyticsDialectApp, type Caller } from './analytics-fixture.ts';
import type { DialectContext } from './dialects.ts';
import { post } from './helpers.ts';
import type { ReadBack } from './native-readers.ts';

export type NativeContext = Awaited<ReturnType<typeof nativeApp>>;

/** The full instrument with demo responses, and the `native` survey with NATIVE_ANSWERS; a folder to download into. */
export async function nativeApp(responses = 150) {
  const context = await analyticsApp(responses);
  publishSurveyFiles(context.db, [nativeSurvey()]);
  const native = context.db.select().from(surveys).where(eq(surveys.slug, 'native')).get()!;
  const researcher = context.db.select().from(surveyMembers).get()!;
  context.db.insert(surveyMembers).values({ surveyId: native.id, userId: researcher.userId }).run();
  await postNativeAnswers(context.app);
  return { ...context, ...downloads(context.get) };
}

/**
 * nativeApp on either database (issue #15), for a forEachDialect block: the demo rows copied as
 * analyticsDialectApp does, then the `native` survey published, its member added and its answers
 * submitted through the app under test.
 */
export async function nativeDialectApp(ctx: DialectContext, responses = 150) {
  const context = await analyticsDialectApp(ctx, responses);
  await context.store.surveys.publishFiles([nativeSurvey()]);
  const native = (await context.store.surveys.findVersion('native'))!;
  const [researcher] = await context.rows('survey_members');
  await context.execute('INSERT INTO survey_members (survey_id, user_id) VALUES (?, ?)', [native.surveyId, researcher!.user_id]);
  await postNativeAnswers(context.app);
  return { ...context, ...downloads(context.get) };
}

async function postNativeAnswers(app: Parameters<typeof post>[0]) {
  for (const answers of NATIVE_ANSWERS) {
    const response = await post(app, 'native', { id: crypto.randomUUID(), language: 'sr-Cyrl', answers });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

function downloads(get: (path: string, caller?: Caller) => Promise<Response>) {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-native-'));
  /** Downloads an export into the folder (as the researcher) and returns its file name. */
  const download = async (slug: string, path: string, caller: Caller = 'researcher') => {
    const response = await get(`/api/surveys/${slug}/exports/${path}`, caller);
    expect(response.status, path).toBe(200);
    const [name, query = ''] = path.split('?');
    const extension = name!.slice(name!.lastIndexOf('.'));
    const file = `${slug}-${name!.slice(0, -extension.length)}${query ? `-${query.replace(/[^A-Za-z0-9]+/g, '_')}` : ''}${extension}`;
    writeFileSync(join(folder, file), Buffer.from(await response.arrayBuffer()));
    return file;
  };
  /** The CSV export in codes and in labels, and the codebook, which the native files must agree with. */
  const reference = async (slug: string) => {
    const text = async (path: string) => (await (await get(`/api/surveys/${slug}/exports/${path}`, 'researcher')).text()).replace(/^\uFEFF/, '');
    const codes = parse(await text('microdata.csv'), { columns: true }) as Record<string, string>[];
    const labels = parse(await text('microdata.csv?values=labels'), { columns: true }) as Record<string, string>[];
    const codebook = (JSON.parse(await text('codebook.json')) as { variables: CodebookEntry[] }).variables;
    return { codes, labels, codebook, header: Object.keys(codes[0]!) };
  };
  return { folder, download, reference };
}

/**
 * Every cell a reader reads back equals the CSV's: the value (a text-valued choice as its code
 * in the codebook; a number to `digits` significant digits, what the reader prints), and, where
 * the CSV in labels shows a label, that label. `missingValue` maps a read value that stands for a
 * missing code (Stata's `.a`) back to the code; `missingAsEmpty`: the reader prints an extended
 * missing value as an empty cell (ReadStat's CSV), accepted where the CSV holds a missing code.
 */
export function expectSameAsCsv(read: ReadBack, reference: Awaited<ReturnType<NativeContext['reference']>>, names: string[], options: { digits: number; missingValue?: (column: string, value: string) => number | undefined; missingAsEmpty?: boolean }) {
  const { codes, labels, codebook, header } = reference;
  expect(read.names).toEqual(names);
  expect(read.rows).toHaveLength(codes.length);
  const entries = new Map(codebook.map((entry) => [entry.variable, entry]));
  let compared = 0;
  codes.forEach((row, index) => {
    header.forEach((column, position) => {
      const cell = read.rows[index]!.get(names[position]!)!;
      const code = row[column]!;
      const where = `row ${index + 1}, ${column}`;
      const nativeCodes = entries.get(column)?.nativeCodes ?? [];
      let value = cell.value;
      if (typeof value === 'string' && options.missingValue && /^\.[a-z]$/.test(value)) value = options.missingValue(column, value) ?? value;
      const missingCode = (entries.get(column)?.missing ?? []).some((entry) => String(entry.value) === code);
      if (code === '') expect(value === null || value === '', where).toBe(true);
      else if (missingCode && options.missingAsEmpty && value === null) { /* the reader prints an extended missing value as empty */ }
      else if (nativeCodes.length > 0) expect(value, where).toBe(nativeCodes.find((entry) => entry.value === code)!.code);
      else if (typeof value === 'number') expect(Number(value.toPrecision(options.digits)), where).toBe(Number(Number(code).toPrecision(options.digits)));
      else expect(String(value).trimEnd(), where).toBe(code.trimEnd());
      const label = labels[index]![column]!;
      if (label !== code && !(missingCode && options.missingAsEmpty && value === null)) expect(cell.label, where).toBe(label);
      compared++;
    });
  });
  return compared;
}
