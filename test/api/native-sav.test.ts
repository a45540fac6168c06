import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileNames } from '../../api/exports/native/names.ts';
import { FULL } from './analytics-fixture.ts';
import { expectSameAsCsv, nativeApp, type NativeContext } from './native-fixture.ts';
import { readWithHaven, readWithPspp, readWithReadstat, type ReadBack } from './native-readers.ts';

/**
 * GET …/exports/microdata.sav read back by three independent readers from Debian's packages —
 * GNU PSPP, R's haven and ReadStat — cell by cell against the microdata CSV of the same survey:
 * the full instrument with demo responses, and a survey of Cyrillic labels, text-valued choices,
 * "other", missing codes and texts of 300 to 5,000 bytes. Each reader is a spawned program, so
 * these tests get minutes, not seconds.
 */
let context: NativeContext;
const files: Record<string, string> = {};
beforeAll(async () => {
  context = await nativeApp(150);
  files.full = await context.download(FULL, 'microdata.sav');
  files.native = await context.download('native', 'microdata.sav?lang=en');
  files.cyrillic = await context.download('native', 'microdata.sav?lang=sr-Cyrl');
}, 120_000);

const readers: [string, (folder: string, file: string) => ReadBack, number][] = [
  // Digits each reader prints numbers with: PSPP its print format (F12.4), ReadStat %f (6 decimals), haven %.17g.
  ['GNU PSPP', readWithPspp, 8],
  ['ReadStat', readWithReadstat, 10],
  ['R haven', readWithHaven, 15],
];

describe.each(readers)('microdata.sav read by %s', (_name, read, digits) => {
  it('has every cell of the CSV, with its value label: the full instrument', async () => {
    const reference = await context.reference(FULL);
    const back = read(context.folder, files.full!);
    const compared = expectSameAsCsv(back, reference, fileNames(reference.header, 64, 'spss'), { digits });
    expect(compared).toBe(150 * reference.header.length);
    expect(back.variableLabels.get('trust_police')).toBe('How much do you personally trust the police?');
    expect(back.missing.get('trust_police')).toEqual(['77', '88', '99']);
    expect(back.missing.get('df_rich_poor')).toEqual(['7', '8', '9']);
    // A text-valued choice is stored as codes 1, 2, …: the item bank's 7/8/9 must not make answers missing.
    expect(back.missing.get('pref_channel_info')).toEqual([]);
  }, 180_000);

  it('keeps Cyrillic and č/ć/đ/š/ž, long texts, "other", numbers typed in and missing codes', async () => {
    const reference = await context.reference('native');
    const back = read(context.folder, files.native!);
    expectSameAsCsv(back, reference, fileNames(reference.header, 64, 'spss'), { digits });
    const story = (row: number) => String(back.rows[row]!.get('story')!.value);
    expect(Buffer.byteLength(story(1))).toBeGreaterThan(3000);
    expect(story(1)).toContain('Čekali smo đake, šuma, žaba, ćevapi; "quoted", commas, and\na new line.');
    expect(story(4)).toBe('ж'.repeat(2500));
    expect(back.rows[0]!.get('contact_how')).toEqual({ value: 3, label: 'other' });
    expect(back.rows[0]!.get('df_rich_poor')).toEqual({ value: 8, label: "Don't know" });
    expect(back.rows[1]!.get('household')!.value).toBe(2.5);
    expect(back.missing.get('df_rich_poor')).toEqual(['7', '8', '9']);
  }, 180_000);

  it('labels variables and values in the language asked for (lang=sr-Cyrl)', async () => {
    const back = read(context.folder, files.cyrillic!);
    expect(back.variableLabels.get('trust_police')).toBe('Колико вјерујете полицији?');
    expect(back.variableLabels.get('region')).toBe('Гдје живите?');
    expect(back.rows[0]!.get('region')).toEqual({ value: 1, label: 'Тузлански кантон' });
    expect(back.rows[2]!.get('region')).toEqual({ value: 3, label: 'Брчко дистрикт' });
    expect(back.rows[0]!.get('trust_police')!.value).toBe(7);
    expect(back.rows[1]!.get('trust_police')).toEqual({ value: 0, label: 'Нимало' });
  }, 180_000);
});

describe('microdata.sav requests', () => {
  it('codebook shows the numeric code of each text-valued choice', async () => {
    const { codebook } = await context.reference('native');
    expect(codebook.find((entry) => entry.variable === 'region')!.nativeCodes).toEqual([{ value: 'tuzla', code: 1 }, { value: 'sarajevo', code: 2 }, { value: 'brcko', code: 3 }]);
    expect(codebook.find((entry) => entry.variable === 'contact_how')!.nativeCodes).toEqual([{ value: 'self', code: 1 }, { value: 'police', code: 2 }, { value: 'other', code: 3 }]);
    expect(codebook.find((entry) => entry.variable === 'trust_police')!.nativeCodes).toEqual([]);
  });

  it('is a download for the survey\'s researchers only, refusing unknown languages and parameters', async () => {
    const response = await context.get(`/api/surveys/${FULL}/exports/microdata.sav`, 'researcher');
    expect(response.headers.get('content-disposition')).toContain(`${FULL}-microdata.sav`);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 4).toString()).toBe('$FL2');
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.sav`, 'evaluator')).status).toBe(403);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.sav`, 'outsider')).status).toBe(403);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.sav`)).status).toBe(401);
    const wrong = await context.get(`/api/surveys/${FULL}/exports/microdata.sav?lang=de&values=labels`, 'researcher');
    expect(wrong.status).toBe(422);
    const body = await wrong.json() as { error: { details: { field: string }[] } };
    expect(body.error.details.map((detail) => detail.field).sort()).toEqual(['lang', 'values']);
  });
});

describe('microdata.sav measurement levels', () => {
  it('says which variables are nominal, ordinal and scale, as GNU PSPP reads them', () => {
    const script = join(context.folder, 'levels.sps');
    writeFileSync(script, `GET FILE='${files.full}'.\nDISPLAY DICTIONARY.\n`);
    const output = execFileSync('pspp', ['-O', 'format=csv', '-o', '-', script], { cwd: context.folder, encoding: 'utf8', maxBuffer: 1 << 26 });
    const start = output.indexOf('Table: Variables') + 'Table: Variables'.length + 1;
    const entries = parse(output.slice(start, output.indexOf('\n\n', start)), { columns: true, relax_column_count: true }) as Record<string, string>[];
    const level = new Map(entries.map((entry) => [entry.Name!, entry['Measurement Level']]));
    expect(Object.fromEntries(['id', 'is_synthetic', 'wave', 'weight', 'region', 'trust_police', 'pf_respect', 'channels_used_facebook', 'sex'].map((name) => [name, level.get(name)]))).toEqual({
      id: 'Nominal', is_synthetic: 'Nominal', wave: 'Ordinal', weight: 'Scale', region: 'Nominal',
      trust_police: 'Ordinal', pf_respect: 'Ordinal', channels_used_facebook: 'Nominal', sex: 'Nominal',
    });
  }, 120_000);
});
