import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, PASSWORD } from '../api/accounts.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS } from './respondent-page.ts';

let browser: Browser;
let running: RunningApp;
let enumeratorId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json')]);
  const survey = running.db.select().from(surveys).get()!;
  enumeratorId = createUser(running.db, 'enum@example.org', 'enumerator').id;
  running.db.insert(surveyMembers).values({ surveyId: survey.id, userId: enumeratorId }).run();
  createUser(running.db, 'res@example.org', 'researcher');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function signInAs(page: import('playwright-core').Page, email: string) {
  await page.goto(`${running.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('an enumerator on a tablet', () => {
  it('interviews one resident after another; each interview is stored once with the enumerator, even one sent again after a dropped connection', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await signInAs(page, 'enum@example.org');
    await page.waitForURL(/\/interview$/);
    await page.getByRole('link', { name: /Trust in the police/ }).click();
    await page.waitForURL(/\/interview\/bih-police-trust-short$/);

    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText('Hvala Vam!').waitFor();
    await page.getByRole('button', { name: 'Započni sljedeći intervju' }).click();

    // The second interview's reply is lost once; the tablet sends it again.
    let attempts = 0;
    await page.route('**/api/surveys/*/responses', async (route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText('Hvala Vam!').waitFor();

    const stored = running.db.select().from(responses).all();
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row).toMatchObject({ mode: 'enumerator', enumeratorId, answers: BOSNIAN_ANSWERS, language: 'bs' });
    await context.close();
  });

  it('a researcher trying the resident page while signed in submits anonymously, as a resident would', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, 'res@example.org');
    await page.waitForURL(/\/studio$/);
    const before = running.db.select().from(responses).all().length;
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('Hvala Vam!').waitFor();
    const rows = running.db.select().from(responses).all();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ mode: 'web', enumeratorId: null });
    await context.close();
  });
});
