import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../api/accounts.ts';
import { xlsformFile } from '../api/xlsform-workbook.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), []);
  createUser(running.db, 'researcher@example.org', 'researcher');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

describe('an XLSForm uploaded in the studio', { timeout: 240_000 }, () => {
  it('becomes a draft: the rows not carried over are listed, then the builder opens with the questions and the checker', async () => {
    const file = await xlsformFile({
      survey: [
        ['type', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)', 'relevant'],
        ['start', 'start'],
        ['select_one yes_no', 'contact', 'Jeste li imali kontakt s policijom?', 'Да ли сте имали контакт са полицијом?'],
        ['text', 'what_happened', 'Šta se desilo?', 'Шта се десило?', "${contact} = 'yes'"],
        ['geopoint', 'where', 'Gdje?', 'Где?'],
      ],
      choices: [['list_name', 'name', 'label::Bosnian (bs)', 'label::Serbian Cyrillic (sr-Cyrl)'], ['yes_no', 'yes', 'Da', 'Да'], ['yes_no', 'no', 'Ne', 'Не']],
      settings: [['form_title'], ['Kontakt s policijom']],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInPage(page, running.baseUrl, 'researcher@example.org', '/studio/new');
    await page.waitForURL(/\/studio\/new$/);
    await page.getByLabel(/An XLSForm \(\.xlsx\)/).check();
    await page.getByLabel('XLSForm file').setInputFiles({ name: 'Kontakt policija.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(file) });
    expect(await page.getByLabel(/Address \(slug\)/).inputValue()).toBe('kontakt-policija');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import and create' }).click();

    await page.getByRole('heading', { name: 'Imported Kontakt policija.xlsx' }).waitFor();
    await page.getByRole('heading', { name: '2 rows were not carried over' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.nth(1).innerText()).toMatch(/survey\s+2\s+start\s+"start" is device and interview metadata/);
    expect(await rows.nth(2).innerText()).toMatch(/survey\s+5\s+where\s+"geopoint" questions/);
    // The title is in Bosnian only: the checker's one problem, to fix in the builder.
    await page.getByText('The checker finds 1 problem to fix before publishing').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Open the builder' }).click();
    await page.waitForURL(/\/studio\/kontakt-policija\/builder$/);
    await page.getByText('1 problem').waitFor();
    await page.getByText(/text missing in sr-Cyrl/).first().waitFor();
    await page.getByText('what_happened').first().waitFor();
    await page.close();
  });

  it('refuses a file that is not an XLSForm, saying why, and creates nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInPage(page, running.baseUrl, 'researcher@example.org', '/studio/new');
    await page.waitForURL(/\/studio\/new$/);
    await page.getByLabel(/An XLSForm \(\.xlsx\)/).check();
    await page.getByLabel('XLSForm file').setInputFiles({ name: 'form.csv', mimeType: 'text/csv', buffer: Buffer.from('type,name,label\ntext,q,Q\n') });
    await page.getByRole('button', { name: 'Import and create' }).click();
    await page.getByRole('alert').getByText(/fromXlsform: is not an \.xlsx file/).waitFor();
    expect(page.url()).toMatch(/\/studio\/new$/);
    await page.close();
  });
});
