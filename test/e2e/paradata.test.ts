import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyMembers } from '../../api/db/schema.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { createUser, signIn } from '../api/accounts.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { passScreeningInBosnian } from './respondent-page.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json')]);
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

describe('paradata from a real respondent page', () => {
  it('a resident who switches language and loses the network mid-questionnaire: the export shows it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short`);
    await page.locator('select#language').selectOption('bs');
    await passScreeningInBosnian(page);
    await page.locator('.sd-dropdown').first().click();
    await page.getByRole('option', { name: 'Kanton Sarajevo' }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    // Two seconds without a network on the trust page.
    await page.locator('.sd-rating__item', { hasText: /^7$/ }).click();
    await context.setOffline(true);
    await page.waitForTimeout(2000);
    await context.setOffline(false);
    await page.locator('.sd-question', { hasText: 's poštovanjem' }).getByText('Često', { exact: true }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    await page.getByText('Lično, u policijskoj stanici').click();
    // Completed offline: the answers wait on the device for two seconds, then go when the network is back.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Završi' }).click();
    await page.waitForTimeout(2000);
    await context.setOffline(false);
    await page.getByText('Vaši odgovori su sačuvani.').waitFor({ timeout: 60_000 });
    await context.close();

    const [stored] = running.db.select().from(responses).all();
    expect(stored).toBeDefined();
    const user = createUser(running.db, 'researcher@example.org', 'researcher');
    running.db.insert(surveyMembers).values({ surveyId: findVersion(running.db, 'bih-police-trust-short')!.surveyId, userId: user.id }).run();
    const server = { request: (path: string, init?: RequestInit) => fetch(`${running.baseUrl}${path}`, init) };
    const session = await signIn(server, 'researcher@example.org');
    const exported = await fetch(`${running.baseUrl}/api/surveys/bih-police-trust-short/exports/paradata.csv`, { headers: session.headers() });
    const rows = parse((await exported.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const number = (column: string) => Number(row[column]);
    expect(row.id).toBe(stored!.id);
    expect(row.para_app_version).toBe(packageJson.version);
    expect([row.para_language_switches, row.para_languages]).toEqual(['1', 'en bs']);
    for (const page of ['consent', 'residence', 'trust', 'contact']) expect(number(`para_page_${page}_seconds`), page).toBeGreaterThan(0);
    expect(number('para_page_trust_seconds')).toBeGreaterThanOrEqual(2);
    expect(number('para_offline_seconds')).toBeGreaterThanOrEqual(4);
    expect(number('para_queued_seconds')).toBeGreaterThanOrEqual(2);
    const pageTotal = ['consent', 'residence', 'trust', 'contact'].reduce((sum, name) => sum + number(`para_page_${name}_seconds`), 0);
    expect(number('para_duration_seconds')).toBeGreaterThanOrEqual(pageTotal - 0.5);

    const book = new ExcelJS.Workbook();
    const xlsx = await fetch(`${running.baseUrl}/api/surveys/bih-police-trust-short/exports/microdata.xlsx`, { headers: session.headers() });
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('paradata')!;
    expect(sheet.getRow(2).getCell(1).value).toBe(stored!.id);
  });
});
