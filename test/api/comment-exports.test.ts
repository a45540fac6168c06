import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyFile } from '../../surveys/types.ts';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post } from './helpers.ts';
import { readWithPspp } from './native-readers.ts';

/**
 * The text a respondent types into an "other (describe)" box or a comment area is stored under
 * `<question>-Comment`. It was stored but missing from every export; now each microdata format
 * has a column for it, right after its question, neutralised like every text cell.
 */
const SURVEY: SurveyFile = {
  slug: 'comments',
  definition: {
    title: 'Comments',
    pages: [{
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'contact', title: { default: 'How did you contact the police?', bs: 'Kako ste kontaktirali policiju?' }, choices: ['phone', 'station'], showOtherItem: true, otherText: { default: 'Other (describe)', bs: 'Drugo (opišite)' } },
        { type: 'checkbox', name: 'topics', title: { default: 'Topics', bs: 'Teme' }, choices: ['theft', 'traffic'], showOtherItem: true },
        { type: 'rating', name: 'trust', title: { default: 'Trust', bs: 'Povjerenje' }, rateMin: 0, rateMax: 10, showCommentArea: true },
        { type: 'radiogroup', name: 'kept', title: 'Other text kept in the answer', choices: ['a'], showOtherItem: true, storeOthersAsComment: false },
      ],
    }],
  },
  meta: { languages: ['en', 'bs'] },
};

const ANSWERS = [
  { contact: 'other', 'contact-Comment': '=HYPERLINK("http://evil.example","click")', topics: ['theft', 'other'], 'topics-Comment': 'graffiti, "tags"', trust: 7, 'trust-Comment': 'They came\nquickly' },
  { contact: 'phone', trust: 3 },
  { contact: 'other', 'contact-Comment': '@SUM(A1)', trust: 5, 'trust-Comment': '+1 for the officer', kept: 'something else' },
];

const COMMENT_COLUMNS = ['contact-Comment', 'topics-Comment', 'trust-Comment'];

// On both databases (issue #15): the same columns and text whichever one stores the answers.
forEachDialect('comment text in the microdata', (ctx) => {
  let context: DialectApp;
  let researcher: Awaited<ReturnType<typeof signIn>>;
  let folder = '';
  const get = (path: string) => context.app.request(`/api/surveys/comments/${path}`, { headers: researcher.headers() });

  beforeAll(async () => {
    context = await ctx.testApp({ files: [SURVEY] });
    await createAccount(context.store, 'admin@example.org', 'admin');
    researcher = await signIn(context.app, 'admin@example.org');
    for (const answers of ANSWERS) {
      const response = await post(context.app, 'comments', { id: crypto.randomUUID(), language: 'en', answers });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    folder = mkdtempSync(join(tmpdir(), 'trustlens-comments-'));
    for (const file of ['microdata.csv', 'microdata.sps', 'microdata.R', 'microdata.sav']) {
      const response = await get(`exports/${file}`);
      expect(response.status).toBe(200);
      writeFileSync(join(folder, `comments-${file}`), Buffer.from(await response.arrayBuffer()));
    }
  }, 60_000);

  describe('exports', () => {
    it('CSV: a <question>-Comment column after each question with a box, holding the text, formulas neutralised', async () => {
      const text = await (await get('exports/microdata.csv')).text();
      const header = parse(text.replace(/^\uFEFF/, ''), { to_line: 1 })[0] as string[];
      // "Other" ticked in a multiple choice shows as its text: SurveyJS (and the server) refuse the one without the other.
      expect(header.slice(header.indexOf('contact'))).toEqual(['contact', 'contact-Comment', 'topics_theft', 'topics_traffic', 'topics-Comment', 'trust', 'trust-Comment', 'kept']);
      const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(rows.map((row) => COMMENT_COLUMNS.map((column) => row[column]))).toEqual([
        ['\'=HYPERLINK("http://evil.example","click")', 'graffiti, "tags"', 'They came\nquickly'],
        ['', '', ''],
        ["'@SUM(A1)", '', "'+1 for the officer"],
      ]);
      expect(rows[2]!.kept).toBe('something else');
    });

    it('XLSX: the same columns and text, neutralised', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await (await get('exports/microdata.xlsx')).arrayBuffer()) as never);
      const sheet = book.getWorksheet('microdata')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const cells = (row: number) => COMMENT_COLUMNS.map((column) => sheet.getRow(row).getCell(header.indexOf(column) + 1).value ?? null);
      expect(cells(2)).toEqual(['\'=HYPERLINK("http://evil.example","click")', 'graffiti, "tags"', 'They came\nquickly']);
      expect(cells(4)).toEqual(["'@SUM(A1)", null, "'+1 for the officer"]);
    });

    it('codebook: each comment column is free text titled with its question and box, in every language', async () => {
      const { variables: entries } = await (await get('exports/codebook.json')).json() as { variables: { variable: string; type: string; text: Record<string, string>; values: unknown[]; missing: unknown[] }[] };
      const contact = entries.find((entry) => entry.variable === 'contact-Comment')!;
      expect(contact).toMatchObject({ type: 'comment', values: [], missing: [], text: { en: 'How did you contact the police? — Other (describe)', bs: 'Kako ste kontaktirali policiju? — Drugo (opišite)' } });
      expect(entries.find((entry) => entry.variable === 'trust-Comment')!.text.en).toBe('Trust — Comment');
      expect(entries.some((entry) => entry.variable === 'kept-Comment')).toBe(false);
    });

    it('SPSS syntax: PSPP reads the comment columns as text, named as SPSS allows', () => {
      const script = join(folder, 'check.sps');
      writeFileSync(script, "INCLUDE FILE='comments-microdata.sps'.\nDISPLAY DICTIONARY /VARIABLES=contact_Comment trust_Comment.\nLIST /VARIABLES=contact_Comment trust_Comment.\n");
      const output = execFileSync('pspp', ['-O', 'format=txt', '-O', 'width=400', '-o', '-', script], { cwd: folder, encoding: 'utf8' });
      expect(output).not.toMatch(/error/i);
      expect(output).toContain('How did you contact the police? — Other (describe)');
      expect(output).toContain('\'=HYPERLINK("http://evil.example","click")');
      expect(output).toContain("'+1 for the officer");
    });

    it('R script: R reads the comment columns as text under their own names', () => {
      const script = join(folder, 'check.R');
      writeFileSync(script, [
        'source("comments-microdata.R")',
        'cat("class", class(d[["trust-Comment"]]), "\\n")',
        'cat("label", attr(d[["topics-Comment"]], "label"), "\\n")',
        'cat("text", d[["topics-Comment"]][1], "\\n")',
      ].join('\n'));
      const output = execFileSync('Rscript', [script], { cwd: folder, encoding: 'utf8' });
      expect(output).toContain('class character');
      expect(output).toContain('label Topics — Other (describe)');
      expect(output).toContain('text graffiti, "tags"');
    });

    it('SPSS system file (.sav, from the same column list): PSPP reads the comment text', () => {
      const read = readWithPspp(folder, 'comments-microdata.sav');
      expect(read.names).toEqual(expect.arrayContaining(['contact_Comment', 'topics_Comment', 'trust_Comment']));
      expect(read.rows.map((row) => row.get('topics_Comment')!.value)).toEqual(['graffiti, "tags"', null, null]);
      expect(read.variableLabels.get('trust_Comment')).toBe('Trust — Comment');
      // "Other" text kept in the answer (storeOthersAsComment: false) makes the question's values open: text, not codes.
      expect(read.rows.map((row) => row.get('kept')!.value)).toEqual([null, null, 'something else']);
    });
  });
});
