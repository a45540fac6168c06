import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { LANGUAGES, openRatingPage, passScreeningInBosnian } from './respondent-page.ts';

/**
 * How 0-10 scales and long choices look on phones 360-420 px wide, in every language (Bosnian,
 * Croatian and Serbian labels are the longest), measured from the page's geometry. Screenshots
 * of each go to test-results/screenshots for a person to look at.
 */

const SCREENSHOTS = 'test-results/screenshots';
let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  running = await startApp(inject('webDist'));
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

interface ScaleGeometry {
  name: string;
  rowTops: number[];
  widths: number[];
  firstValues: string[];
  lowLabelBottom: number;
  highLabelTop: number;
  firstItemTop: number;
  lastItemBottom: number;
  lastItemRight: number;
  highLabelRight: number;
}

/** Where every button and end label of every 0-10 scale on the page is. */
function scaleGeometry(page: Page): Promise<ScaleGeometry[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.sd-question')].filter((question) => question.querySelector('.sd-rating__item')).map((question) => {
    const items = [...question.querySelectorAll('.sd-rating__item')].map((item) => ({ box: item.getBoundingClientRect(), text: (item as HTMLElement).innerText.trim() }));
    const low = question.querySelector('.sd-rating__min-text')!.getBoundingClientRect();
    const high = question.querySelector('.sd-rating__max-text')!.getBoundingClientRect();
    const rowTops = [...new Set(items.map((item) => Math.round(item.box.top)))];
    return {
      name: question.dataset.name ?? '',
      rowTops,
      widths: items.map((item) => item.box.width),
      firstValues: rowTops.map((top) => items.find((item) => Math.round(item.box.top) === top)!.text),
      lowLabelBottom: low.bottom,
      highLabelTop: high.top,
      firstItemTop: items[0]!.box.top,
      lastItemBottom: items.at(-1)!.box.bottom,
      lastItemRight: items.at(-1)!.box.right,
      highLabelRight: high.right,
    };
  }));
}

async function expectEvenScales(page: Page, rows: number): Promise<void> {
  const scales = await scaleGeometry(page);
  expect(scales.length).toBeGreaterThan(0);
  for (const scale of scales) {
    expect(scale.rowTops, scale.name).toHaveLength(rows);
    // 0 starts the first row (and 6 the second): the same split for every question.
    expect(scale.firstValues, scale.name).toEqual(rows === 1 ? ['0'] : ['0', '6']);
    // Buttons of equal width, each a comfortable touch target.
    const widest = Math.max(...scale.widths);
    expect(widest - Math.min(...scale.widths), scale.name).toBeLessThan(1);
    expect(widest, scale.name).toBeGreaterThanOrEqual(40);
    // The low end's label above the first button, the high end's below the last, ending with it.
    expect(scale.lowLabelBottom, scale.name).toBeLessThanOrEqual(scale.firstItemTop);
    expect(scale.highLabelTop, scale.name).toBeGreaterThanOrEqual(scale.lastItemBottom);
    expect(Math.abs(scale.highLabelRight - scale.lastItemRight), scale.name).toBeLessThan(2);
  }
  // Every scale on the page laid out alike.
  expect(new Set(scales.map((scale) => Math.round(scale.widths[0]!))).size).toBe(1);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

describe('0-10 scales on a phone', () => {
  for (const width of [360, 390, 420]) {
    it(`at ${width} px: two even rows of equal buttons (0-5, 6-10), end labels above and below, in every language`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      for (const language of LANGUAGES) {
        await openRatingPage(page, running.baseUrl, 'bih-police-trust', language);
        await expectEvenScales(page, 2);
        await page.screenshot({ path: `${SCREENSHOTS}/rating-scales-${width}-${language}.png`, fullPage: true });
      }
      await context.close();
    }, 240_000);
  }

  it('the short questionnaire\'s scale looks the same, and a wide screen shows one row of eleven', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 900 }, isMobile: true, hasTouch: true });
    await openRatingPage(phone, running.baseUrl, 'bih-police-trust-short', 'hr');
    await expectEvenScales(phone, 2);
    await phone.close();
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await openRatingPage(desktop, running.baseUrl, 'bih-police-trust', 'bs');
    await expectEvenScales(desktop, 1);
    await desktop.close();
  }, 120_000);
});

describe('a dropdown on a phone', () => {
  it('shows the whole of a long selected region ("Bosansko-podrinjski kanton Goražde") at 360 px, wrapped, not cut off', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await passScreeningInBosnian(page);
    for (const region of ['Unsko-sanski kanton', 'Bosansko-podrinjski kanton Goražde']) {
      await page.locator('[data-name="region"] .sd-dropdown').click();
      await page.getByRole('option', { name: region, exact: true }).click();
      const value = page.locator('[data-name="region"] .sd-dropdown__value');
      await expect(value.innerText()).resolves.toBe(region);
      // Everything of the text is inside the box that shows it.
      await expect(value.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight + 1)).resolves.toBe(true);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/dropdown-long-region-360.png` });
    await page.close();
  }, 120_000);
});
