import { existsSync } from 'node:fs';
import { ApiError } from '../errors.ts';

/**
 * The running header and footer of every printed page, in the page margin (Chromium's templates
 * carry no page styles, so the sizes are set here). With synthetic rows the header repeats the
 * report's warning on every page: a page printed or quoted alone still says the figures are invented.
 */
function pageMargins(synthetic: number): { headerTemplate: string; footerTemplate: string } {
  const box = 'width: 100%; margin: 0 12mm; font-family: sans-serif; font-size: 8pt;';
  return {
    headerTemplate: synthetic > 0
      ? `<div style="${box} color: #5c130d; font-weight: bold; text-align: center;">SYNTHETIC DATA: ${synthetic} records in this report are invented, not real responses. Do not report these figures as findings.</div>`
      : '<div></div>',
    footerTemplate: `<div style="${box} color: #333; text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
  };
}

/**
 * Prints report HTML to PDF with headless Chromium (the browser's own print engine, so the print
 * CSS decides page breaks). 503 when no Chromium is installed at `executablePath`.
 */
export async function htmlToPdf(html: string, executablePath: string, options: { synthetic?: number } = {}): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new ApiError(503, `PDF rendering needs Chromium at ${executablePath}; open report.html and print it from a browser instead.`);
  // Loaded on the first PDF only: playwright-core costs ~85 MB of memory from the moment it is imported.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    // The report loads nothing from elsewhere; refuse any request so a stray URL cannot leak.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, ...pageMargins(options.synthetic ?? 0) });
  } finally {
    await browser.close();
  }
}
