import { existsSync } from 'node:fs';
import { ApiError } from '../errors.ts';

/**
 * Prints report HTML to PDF with headless Chromium (the browser's own print engine, so the print
 * CSS decides page breaks). 503 when no Chromium is installed at `executablePath`.
 */
export async function htmlToPdf(html: string, executablePath: string): Promise<Buffer> {
  if (!existsSync(executablePath)) throw new ApiError(503, `PDF rendering needs Chromium at ${executablePath}; open report.html and print it from a browser instead.`);
  // Loaded on the first PDF only: playwright-core costs ~85 MB of memory from the moment it is imported.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    // The report loads nothing from elsewhere; refuse any request so a stray URL cannot leak.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
