import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL } from './analytics-fixture.ts';
import { forEachDialect } from './dialects.ts';
import { nativeDialectApp } from './native-fixture.ts';
import { readWithHaven } from './native-readers.ts';

/** Microdata options on both databases (issue #15): `bom=1` for Excel, the XLSX's Cyrillic and č/ć/đ/š/ž, and `names=ess`. */
forEachDialect('microdata options', (ctx) => {
  let context: Awaited<ReturnType<typeof nativeDialectApp>>;
  beforeAll(async () => {
    context = await nativeDialectApp(ctx, 60);
  }, 180_000);

  const bytes = async (path: string) => Buffer.from(await (await context.get(path, 'researcher')).arrayBuffer());

  describe('microdata for Excel', () => {
    it('CSV starts with a UTF-8 byte order mark only with bom=1, and keeps Cyrillic and č/ć/đ/š/ž either way', async () => {
      const plain = await bytes('/api/surveys/native/exports/microdata.csv');
      const marked = await bytes('/api/surveys/native/exports/microdata.csv?bom=1');
      expect(plain.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      expect(plain.subarray(0, 3).toString()).toBe('id,');
      expect(marked.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
      expect(marked.subarray(3).toString('utf8')).toBe(plain.toString('utf8'));
      const rows = parse(plain.toString('utf8'), { columns: true }) as Record<string, string>[];
      expect(rows[0]!.story).toContain('Полиција је дошла брзо');
      expect(rows[1]!.story).toContain('Čekali smo đake, šuma, žaba, ćevapi');
      const labelled = parse((await bytes('/api/surveys/native/exports/microdata.csv?bom=1&values=labels')).subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
      expect(labelled[2]!.region).toBe('Brčko District');
      const wrong = await context.get('/api/surveys/native/exports/microdata.csv?bom=yes', 'researcher');
      expect(wrong.status).toBe(422);
      expect(((await wrong.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('bom');
      expect((await context.get('/api/surveys/native/exports/microdata.xlsx?bom=1', 'researcher')).status).toBe(422);
    });

    it('XLSX holds the same Cyrillic and č/ć/đ/š/ž texts (Excel reads them without any option)', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await bytes('/api/surveys/native/exports/microdata.xlsx?values=labels') as never);
      const sheet = book.getWorksheet('microdata')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const cell = (row: number, column: string) => sheet.getRow(row + 1).getCell(header.indexOf(column) + 1).value;
      expect(cell(1, 'story')).toBe('Полиција је дошла брзо и разговарала са свима. '.repeat(12));
      expect(String(cell(2, 'story'))).toContain('Čekali smo đake, šuma, žaba, ćevapi');
      expect(cell(3, 'region')).toBe('Brčko District');
    });
  });

  describe('names=ess', () => {
    it('renames questions to their ESS variables in the CSV and XLSX, keeping every value', async () => {
      const own = parse((await bytes(`/api/surveys/${FULL}/exports/microdata.csv`)).toString('utf8'), { columns: true }) as Record<string, string>[];
      const ess = parse((await bytes(`/api/surveys/${FULL}/exports/microdata.csv?names=ess`)).toString('utf8'), { columns: true }) as Record<string, string>[];
      const names = Object.keys(ess[0]!);
      expect(names).toContain('trstplc');
      expect(names).not.toContain('trust_police');
      expect(names).toContain('region'); // no ESS variable: keeps its name
      expect(names).toHaveLength(Object.keys(own[0]!).length);
      expect(ess.map((row) => row.trstplc)).toEqual(own.map((row) => row.trust_police));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await bytes(`/api/surveys/${FULL}/exports/microdata.xlsx?names=ess`) as never);
      expect((book.getWorksheet('microdata')!.getRow(1).values as unknown[]).slice(1)).toEqual(names);
      expect((await context.get(`/api/surveys/${FULL}/exports/microdata.csv?names=spss`, 'researcher')).status).toBe(422);
    });

    it('renames them in the .sav and .dta too (read by R haven), with the same values and labels', async () => {
      const own = readWithHaven(context.folder, await context.download(FULL, 'microdata.sav'));
      for (const format of ['sav', 'dta']) {
        const back = readWithHaven(context.folder, await context.download(FULL, `microdata.${format}?names=ess`));
        expect(back.names).toContain('trstplc');
        expect(back.names).not.toContain('trust_police');
        expect(back.variableLabels.get('trstplc')).toBe('How much do you personally trust the police?');
        expect(back.rows.map((row) => row.get('trstplc')!.value)).toEqual(own.rows.map((row) => row.get('trust_police')!.value));
      }
    }, 180_000);
  });
});
