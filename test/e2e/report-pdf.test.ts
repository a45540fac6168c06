import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsApp, FULL } from '../api/analytics-fixture.ts';
import { CHROMIUM_PATH, launchBrowser } from './harness.ts';

/**
 * GET …/report.pdf: the report printed by headless Chromium. We check it is a real multi-page PDF,
 * and, printing the HTML report in the browser ourselves, that no table is wider than the page.
 */
let context: Awaited<ReturnType<typeof analyticsApp>>;
beforeAll(async () => {
  context = await analyticsApp(1500);
}, 60_000);

describe('report.pdf', () => {
  it('is a PDF of several A4 pages, named after the survey and wave', async () => {
    expect(existsSync(CHROMIUM_PATH)).toBe(true);
    const response = await context.get(`/api/surveys/${FULL}/report.pdf?wave=2025`, 'evaluator');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`${FULL}-report-2025.pdf`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(4);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45]/); // A4: 595 × 842 points
  });

  it('prints without clipping: every table and chart fits the printed page width', async () => {
    const html = await (await context.get(`/api/surveys/${FULL}/report.html?wave=2025`, 'evaluator')).text();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });
      // A4 minus 12 mm margins each side at 96 dpi ≈ 703 CSS px.
      await page.setViewportSize({ width: 703, height: 1000 });
      const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('table, .chart svg')].map((element) => element.getBoundingClientRect().right)));
      expect(widest).toBeLessThanOrEqual(703);
      expect(await page.locator('section').count()).toBeGreaterThan(5);
    } finally {
      await browser.close();
    }
  });

  it('says on every printed page that the demo data are synthetic, numbers the pages, and never splits a header word (read by poppler\'s pdftotext)', async () => {
    const response = await context.get(`/api/surveys/${FULL}/report.pdf?wave=2025`, 'evaluator');
    const file = join(mkdtempSync(join(tmpdir(), 'trustlens-pdf-')), 'report.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    // pdftotext separates pages with a form feed.
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((page, index) => {
      expect(page).toContain('SYNTHETIC DATA');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const text = pages.join('\n');
    // The words the issue saw broken across lines inside table headers.
    for (const broken of ['ty pe', 'favourabl e', 'indicat or', 'interv al']) expect(text).not.toContain(broken);
    expect(text).toContain('favourable');
    // The models', the programme effect's and the targets' sections, in words.
    for (const words of ['What drives trust', 'Sex: Female (against Male)', 'Programme effect', 'Federation of Bosnia and Herzegovina against Republika Srpska', 'Programme targets', 'Each target\'s baseline wave and the latest wave (2025)']) expect(text.replace(/\s+/g, ' ')).toContain(words);
  }, 120_000);
});
