import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { COMPLETE_ANSWERS, SCREENED_OUT } from '../api/messy-fixture.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

const DEMO = 1500;
let browser: Browser;
let running: RunningApp;
let page: Page;

// What real fieldwork brings beside the synthetic demo rows: a declined consent, an under-18 and a
// non-resident (screened out, no region), and web completes (no design weight, no wave).
beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust.json')]);
  storeDemoRows(running.db, findVersion(running.db, 'bih-police-trust')!, generateDemo({ responses: DEMO, seed: 'messy-journeys', regions: readRegions() }));
  for (const answers of [...SCREENED_OUT, COMPLETE_ANSWERS, COMPLETE_ANSWERS]) {
    const response = await fetch(`${running.baseUrl}/api/surveys/bih-police-trust/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), language: 'en', answers }),
    });
    expect(response.status).toBe(201);
  }
  createUser(running.db, 'eval@example.org', 'evaluator');
  createUser(running.db, 'admin@example.org', 'admin');
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await signInPage(page, running.baseUrl, 'eval@example.org');
  await page.waitForURL(/\/dashboard$/);
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

const caption = () => page.locator('table.estimates caption');

describe('an evaluator on messy fieldwork data', () => {
  it('sees the dashboard\'s default view (raked, all waves) with the synthetic banner and every caveat, and every breakdown passes axe', async () => {
    await caption().waitFor();
    expect(await caption().innerText()).toContain('all waves pooled (raked weights)');
    await page.getByRole('alert').filter({ hasText: 'Synthetic data — invented, not real responses.' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Synthetic data' }).innerText()).toContain(`${DEMO} of the ${DEMO + 5} records`);
    const caveats = page.getByRole('region', { name: 'Before you use these figures' });
    expect(await caveats.innerText()).toContain('3 screened-out contacts (declined consent, under 18 or not living in BiH) are not an interview: left out of every estimate.');
    expect(await caveats.innerText()).toContain('2 responses have no design weight');
    // The wave list still offers the waves.
    expect(await page.getByLabel('Wave').locator('option').allInnerTexts()).toEqual(['All waves (pooled)', '2024', '2025']);

    for (const [value, heading] of [['', 'Group'], ['region', 'region'], ['channel', 'channel'], ['region,channel', 'channel']] as const) {
      await page.getByLabel('Breakdown').selectOption(value);
      await expect.poll(() => page.locator('.dashboard-body').getAttribute('aria-busy')).toBe('false');
      await expect.poll(() => page.locator('table.estimates thead th').first().innerText()).toBe(heading);
      if (value !== '') await page.locator('.dashboard-body figure.chart img').waitFor();
      expect(await axeViolations(page), `breakdown "${value}"`).toEqual([]);
    }
  });

  it('finds its way in the region × channel table: grouped by region under a sticky header, narrowed to one region', async () => {
    const table = page.locator('table.estimates');
    const groups = table.locator('tr.group-row');
    expect(await groups.count()).toBe(12);
    expect(await table.locator('thead th').first().evaluate((cell) => getComputedStyle(cell).position)).toBe('sticky');
    await page.getByLabel('Show region').selectOption({ label: 'Bosnian-Podrinje Canton Goražde' });
    expect(await groups.allInnerTexts()).toEqual(['Bosnian-Podrinje Canton Goražde']);
    const rows = await table.locator('tbody tr:not(.group-row)').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(20);
    // Small cells of a small canton are suppressed; their grey rows keep AA contrast.
    expect(await table.locator('tr.flag-suppressed').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gets charts whose labels are whole', async () => {
    for (const by of ['region', 'channel', 'region,channel']) {
      const svg = await (await page.request.get(`${running.baseUrl}/api/surveys/bih-police-trust/chart.svg?indicators=trust_fav&by=${by}`)).text();
      expect(svg, by).not.toContain('…');
      if (by.startsWith('region')) expect(svg).toContain('>Herzegovina-Neretva Canton<');
    }
  });

  it('sees on the monitor interviews apart from screened-out contacts, a completion rate "not measured", the banner, and no axe violation', async () => {
    await page.goto(`${running.baseUrl}/studio/bih-police-trust/monitor`);
    await page.getByTestId('interviews').getByText(String(DEMO + 2)).waitFor();
    expect(await page.getByTestId('total').innerText()).toBe(String(DEMO + 5));
    expect(await page.locator('.headline').innerText()).toContain('screened out: 1 declined, 2 not eligible');
    expect(await page.getByTestId('completion-rate').innerText()).toBe('not measured');
    expect((await page.locator('.headline').innerText()).match(/\d+(?=%)/g)!.every((rate) => Number(rate) <= 100)).toBe(true);
    expect(await page.getByRole('row', { name: /No region \(screened-out contacts\)/ }).innerText()).toMatch(/\s3\s/);
    await page.getByRole('alert').filter({ hasText: 'Synthetic data' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads a report of all waves pooled with labels, the banner and the caveats, and no axe violation', async () => {
    await page.goto(`${running.baseUrl}/api/surveys/bih-police-trust/report.html`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('all waves pooled (2024, 2025)');
    expect(text).toContain('Synthetic data — invented, not real responses.');
    expect(text).toContain('3 screened-out contacts');
    expect(text).toContain('Responses without a design weight: 2');
    expect(text).toContain('Bosnian-Podrinje Canton');
    // Group names in the tables are the questionnaire's labels, never its codes.
    const groupCells = await page.locator('section table tbody td:first-child').allInnerTexts();
    expect(groupCells).toContain('By phone, the emergency number 122');
    expect(groupCells.filter((cell) => /^(bosnian_podrinje|phone_122)$/.test(cell))).toEqual([]);
    expect(await page.locator('td.unreliable').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sees the banner on the quality checks too, which count the synthetic interviews with the rest', async () => {
    await page.goto(`${running.baseUrl}/studio/bih-police-trust/quality`);
    await page.getByRole('table', { name: 'Quality by enumerator' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Synthetic data' }).innerText()).toContain(`${DEMO} of the`);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('an admin on messy fieldwork data', () => {
  it('sees in the studio which surveys hold synthetic responses, under the banner', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInPage(admin, running.baseUrl, 'admin@example.org', '/studio');
    const row = admin.getByRole('row', { name: /bih-police-trust/ });
    await row.waitFor();
    expect(await row.locator('.tag-synthetic').innerText()).toBe(`${DEMO} synthetic`);
    expect(await admin.getByRole('alert').filter({ hasText: 'Synthetic data' }).innerText()).toContain(`${DEMO} of the ${DEMO + 5} records`);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.close();
  });
});
