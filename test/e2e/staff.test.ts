import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, PASSWORD } from '../api/accounts.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json')]);
  const researcher = createUser(running.db, 'res@example.org', 'researcher');
  const survey = running.db.select().from(surveys).get()!;
  running.db.insert(surveyMembers).values({ surveyId: survey.id, userId: researcher.id }).run();
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

describe('a researcher in the browser', () => {
  it('is sent to sign in, signs in, sees their surveys and closes and reopens fieldwork', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/studio`);
    await page.waitForURL(/\/sign-in\?next=%2Fstudio/);
    await page.getByLabel('E-mail').fill('res@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The e-mail or the password is wrong.').waitFor();

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/studio$/);
    const row = page.getByRole('row', { name: /bih-police-trust-short/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('open');

    await row.getByRole('button', { name: 'Close fieldwork' }).click();
    await row.getByRole('button', { name: 'Reopen fieldwork' }).waitFor();
    expect(running.db.select().from(surveys).get()!.status).toBe('closed');
    await row.getByRole('button', { name: 'Reopen fieldwork' }).click();
    await row.getByRole('button', { name: 'Close fieldwork' }).waitFor();
    expect(running.db.select().from(surveys).get()!.status).toBe('open');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.close();
  });
});
