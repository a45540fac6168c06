import { beforeAll, describe, expect, it } from 'vitest';
import { fileNames } from '../../api/exports/native/names.ts';
import { FULL } from './analytics-fixture.ts';
import { expectSameAsCsv, nativeApp, type NativeContext } from './native-fixture.ts';
import { readWithHaven, readWithReadstat, type ReadBack } from './native-readers.ts';

/**
 * GET …/exports/microdata.dta (Stata 118) read back by R's haven and ReadStat (GNU PSPP does not
 * read Stata files), cell by cell against the microdata CSV: a missing code comes back as the
 * extended missing value of its rank (.a, .b, … in ascending order of the item bank's codes)
 * with the choice's label. Spawned readers: minutes, not seconds.
 */
let context: NativeContext;
const files: Record<string, string> = {};
beforeAll(async () => {
  context = await nativeApp(150);
  files.full = await context.download(FULL, 'microdata.dta');
  files.native = await context.download('native', 'microdata.dta?lang=en');
  files.cyrillic = await context.download('native', 'microdata.dta?lang=sr-Cyrl');
}, 120_000);

// ReadStat's CSV prints .a, .b, … as empty cells (its metadata names them: checked below); haven keeps them as tagged NAs.
const readers: [string, (folder: string, file: string) => ReadBack, number, boolean][] = [
  ['ReadStat', readWithReadstat, 10, true],
  ['R haven', readWithHaven, 15, false],
];

/** Extended missing letter → the missing code it stands for, from the codebook. */
const missingValue = (reference: Awaited<ReturnType<NativeContext['reference']>>) => (column: string, value: string) => {
  const codes = reference.codebook.find((entry) => entry.variable === column)!.missing.map((code) => code.value).sort((a, b) => a - b);
  return codes[value.charCodeAt(1) - 'a'.charCodeAt(0)];
};

describe.each(readers)('microdata.dta read by %s', (_name, read, digits, missingAsEmpty) => {
  it('has every cell of the CSV, with its value label: the full instrument', async () => {
    const reference = await context.reference(FULL);
    const back = read(context.folder, files.full!);
    const compared = expectSameAsCsv(back, reference, fileNames(reference.header, 32, 'stata'), { digits, missingValue: missingValue(reference), missingAsEmpty });
    expect(compared).toBe(150 * reference.header.length);
    expect(back.variableLabels.get('trust_police')).toBe('How much do you personally trust the police?');
  }, 180_000);

  it('keeps Cyrillic and č/ć/đ/š/ž, long texts (strL), "other", numbers typed in and missing codes as .a, .b, …', async () => {
    const reference = await context.reference('native');
    const back = read(context.folder, files.native!);
    expectSameAsCsv(back, reference, fileNames(reference.header, 32, 'stata'), { digits, missingValue: missingValue(reference), missingAsEmpty });
    const story = (row: number) => String(back.rows[row]!.get('story')!.value);
    expect(Buffer.byteLength(story(1))).toBeGreaterThan(3000);
    expect(story(1)).toContain('Čekali smo đake, šuma, žaba, ćevapi; "quoted", commas, and\na new line.');
    expect(story(4)).toBe('ж'.repeat(2500));
    expect(back.rows[0]!.get('contact_how')).toEqual({ value: 3, label: 'other' });
    // df_rich_poor's missing codes are 7, 8, 9: "Don't know" (8) is .b.
    if (!missingAsEmpty) expect(back.rows[0]!.get('df_rich_poor')).toEqual({ value: '.b', label: "Don't know" });
    expect(back.rows[1]!.get('household')!.value).toBe(2.5);
    expect(back.missing.get('df_rich_poor')).toEqual(['.a', '.b', '.c']);
    expect(back.missing.get('trust_police')).toEqual(['.a', '.b', '.c']);
  }, 180_000);

  it('labels variables and values in the language asked for (lang=sr-Cyrl)', async () => {
    const back = read(context.folder, files.cyrillic!);
    expect(back.variableLabels.get('trust_police')).toBe('Колико вјерујете полицији?');
    expect(back.rows[0]!.get('region')).toEqual({ value: 1, label: 'Тузлански кантон' });
    expect(back.rows[2]!.get('region')).toEqual({ value: 3, label: 'Брчко дистрикт' });
    expect(back.rows[1]!.get('trust_police')).toEqual({ value: 0, label: 'Нимало' });
  }, 180_000);
});

describe('microdata.dta requests', () => {
  it('is a download for the survey\'s researchers only', async () => {
    const response = await context.get(`/api/surveys/${FULL}/exports/microdata.dta`, 'researcher');
    expect(response.headers.get('content-disposition')).toContain(`${FULL}-microdata.dta`);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 11).toString()).toBe('<stata_dta>');
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.dta`, 'evaluator')).status).toBe(403);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.dta`)).status).toBe(401);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.dta?lang=xx`, 'researcher')).status).toBe(422);
  });
});
