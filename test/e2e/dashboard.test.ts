import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust.json')]);
  storeDemoRows(running.db, findVersion(running.db, 'bih-police-trust')!, generateDemo({ responses: 2000, seed: 'dashboard-test', regions: readRegions() }));
  createUser(running.db, 'eval@example.org', 'evaluator');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

describe('an evaluator on the dashboard', () => {
  it('sees trust by region with intervals and a chart, downloads the XLSX, and is refused microdata', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'eval@example.org');
    await page.waitForURL(/\/dashboard$/);

    const table = page.locator('table.estimates');
    await table.waitFor();
    expect(await table.locator('th').allInnerTexts()).toEqual(expect.arrayContaining(['region', 'Estimate', '95% interval', 'n', 'Design effect']));
    const sarajevo = table.getByRole('row', { name: /^Sarajevo Canton/ });
    expect(await sarajevo.innerText()).toMatch(/\d+\.\d%\s+\d+\.\d% – \d+\.\d%/);

    const chart = page.locator('.dashboard-body figure.chart img');
    await chart.waitFor();
    await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(100);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /All indicators, definitions/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsx = readFileSync((await download.path())!);
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');

    await expect(page.getByRole('link', { name: 'Microdata (CSV)' }).count()).resolves.toBe(0);
    const refused = await page.request.get(`${running.baseUrl}/api/surveys/bih-police-trust/exports/microdata.csv`);
    expect(refused.status()).toBe(403);
    await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: true });

    // Evaluators follow fieldwork too, as counts: never a submission's details.
    await page.getByRole('link', { name: 'Fieldwork progress of this survey' }).click();
    await page.waitForURL(/\/studio\/bih-police-trust\/monitor$/);
    await page.getByText('Responses by region').first().waitFor();
    expect(await page.getByText('Latest submissions').count()).toBe(0);
    await context.close();
  });

  it('sees what drives trust: each model as a dot-and-whisker chart and a table of coefficients, per wave, with no axe violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'eval@example.org');
    await page.waitForURL(/\/dashboard$/);
    const panel = page.getByRole('region', { name: 'What drives trust' });
    const caption = panel.locator('table.coefficients caption');
    await caption.waitFor();
    expect(await caption.innerText()).toMatch(/^Trust in the police \(mean 0-10\): what drives it, all waves pooled: coefficients with 95% intervals \(n = \d+\)$/);
    const fairness = panel.getByRole('row', { name: /^Procedural fairness, 0-100 \(per point\)/ });
    expect(await fairness.innerText()).toMatch(/\d\.\d{3}\s+-?\d\.\d{3} to \d\.\d{3}\s+(< 0\.001|\d\.\d{3})/);
    expect(await panel.getByRole('rowheader').allInnerTexts()).toEqual(expect.arrayContaining(['Intercept', 'Sex: Female (against Male)', 'Age group: 60 or older (against 18 to 29)']));
    const chart = panel.locator('figure.chart img');
    await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(300);
    // The chart is drawn whole inside the page: not wider than the panel.
    const [imageBox, panelBox] = await Promise.all([chart.boundingBox(), panel.boundingBox()]);
    expect(imageBox!.x + imageBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width + 1);
    expect(await axeViolations(page)).toEqual([]);

    // One wave, then the binomial model: the chart and table follow.
    await page.getByLabel('Wave').selectOption('2025');
    await expect.poll(() => caption.innerText()).toContain('wave 2025');
    await panel.getByLabel('Model').selectOption({ label: 'Trusting the police (6-10): log-odds by fairness, effectiveness and contact' });
    await expect.poll(() => caption.innerText()).toContain('Trusting the police (6-10)');
    expect(await chart.getAttribute('src')).toContain('models=trust_fav_drivers');
    expect(await chart.getAttribute('src')).toContain('wave=2025');
    expect(await panel.getByRole('rowheader').allInnerTexts()).toContain('In contact with the police in the last 12 months (yes against no)');
    await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(300);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/dashboard-models.png', fullPage: true });
    await context.close();
  });

  it('sees the programme targets as a logframe table in words, with no axe violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'eval@example.org');
    await page.waitForURL(/\/dashboard$/);
    const panel = page.getByRole('region', { name: 'Programme targets' });
    const row = panel.getByRole('row', { name: /^Trusts the police \(6-10 on 0-10\)/ });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toMatch(/\d+\.\d% \(2024, n = \d+\)/);
    expect(text).toMatch(/\d+\.\d% \(2025, n = \d+\)/);
    expect(text).toContain('55.0% by 2027');
    expect(text).toMatch(/reached with confidence|reached by the point estimate only|not reached/);
    expect(text).not.toContain('trust_fav');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('sees the table of the last indicator chosen, even when an earlier choice answers later', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'eval@example.org');
    await page.waitForURL(/\/dashboard$/);
    const caption = page.locator('table.estimates caption');
    await caption.waitFor();

    // The table for the second indicator is slow (a big survey); the evaluator moves on to a third.
    const indicator = page.getByLabel('Indicator');
    const options = await indicator.locator('option').evaluateAll((elements) => elements.map((option) => ({ id: (option as HTMLOptionElement).value, label: option.textContent ?? '' })));
    const [slow, last] = [options[1]!, options[2]!];
    let releaseSlow: () => void = () => {};
    const held = new Promise<void>((release) => { releaseSlow = release; });
    const isSlow = (url: URL) => url.pathname.endsWith('/indicators') && url.searchParams.get('indicators') === slow.id;
    await page.route(isSlow, async (route) => {
      await held;
      await route.continue();
    });
    await indicator.selectOption(slow.id);
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Computing the estimates…');
    await indicator.selectOption(last.id);
    await expect.poll(() => caption.innerText()).toContain(last.label);
    const slowResponse = page.waitForResponse((response) => isSlow(new URL(response.url())));
    releaseSlow();
    expect((await slowResponse).status()).toBe(200);
    await page.waitForTimeout(300); // time for the page to handle the late answer
    expect(await caption.innerText()).toContain(last.label);
    expect(await page.getByRole('status').innerText()).toBe('');
    await context.close();
  });
});
