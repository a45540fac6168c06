import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { responses, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS } from './respondent-page.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json')]);
});
afterEach(async () => {
  await running.stop();
});

function storedResponses() {
  return running.db.select().from(responses).all();
}

describe('a resident answering in a browser', () => {
  it('answers in Bosnian, sees the thank-you page, and exactly one response is stored with those answers', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
    const outsideRequests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(running.baseUrl)) outsideRequests.push(request.url());
    });
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('Hvala Vam!').waitFor();
    await expect(page.getByText('Vaši odgovori su sačuvani.').isVisible()).resolves.toBe(true);

    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(BOSNIAN_ANSWERS);
    expect(stored[0]!.language).toBe('bs');
    expect(stored[0]!.version).toBe(1);
    // Privacy by default: the page fetches nothing from third parties (fonts, analytics…).
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('says the first submission failed, keeps the answers, and stores them once when a retry goes through', async () => {
    const page = await browser.newPage();
    let attempts = 0;
    await page.route('**/api/surveys/*/responses', async (route) => {
      attempts += 1;
      if (attempts === 1) await route.abort('internetdisconnected');
      else await route.continue();
    });
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('nema veze sa serverom').waitFor();
    expect(storedResponses()).toHaveLength(0);

    await page.getByText('Hvala Vam!').waitFor();
    expect(attempts).toBe(2);
    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(BOSNIAN_ANSWERS);
    await page.close();
  });

  it('stores once when the server saved the answers but its reply was lost and the page sends them again', async () => {
    const page = await browser.newPage();
    let attempts = 0;
    await page.route('**/api/surveys/*/responses', async (route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch(); // reaches the server, which stores the response…
        await route.abort('connectionreset'); // …but the browser never hears back
      } else {
        await route.continue();
      }
    });
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('Hvala Vam!').waitFor();
    expect(attempts).toBe(2);
    expect(storedResponses()).toHaveLength(1);
    await page.close();
  });

  it('keeps completed answers on the device when the page is closed offline, and sends them on the next visit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/api/surveys/*/responses', (route) => route.abort('internetdisconnected'));
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('nema veze sa serverom').waitFor();
    await page.close();
    expect(storedResponses()).toHaveLength(0);

    const nextVisit = await context.newPage();
    await nextVisit.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await nextVisit.getByText('sada su poslani').waitFor();
    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(BOSNIAN_ANSWERS);
    await context.close();
  });

  it('tells a resident when fieldwork has closed, and offers no form to fill in', async () => {
    running.db.update(surveys).set({ status: 'closed' }).run();
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await page.getByText('Ova anketa je završena i više ne prima odgovore.').waitFor();
    expect(await page.locator('.sd-question').count()).toBe(0);
    await page.close();
  });
});
