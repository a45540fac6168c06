import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { queuedOnDevice } from './device-queue.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS, finishShortFromTrustPage, passScreeningInBosnian } from './respondent-page.ts';

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

/** Longer than the longest automatic retry backoff (30 s): a wait that catches a hang, not slowness. */
const RETRY_WAIT_MS = 45_000;

/** Resolves once the page has run its queued work (a reply just handled) and painted the result. */
function renderedAfterPendingWork(page: import('playwright-core').Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

describe('an enumerator on a tablet', () => {
  it('interviews one resident after another; each interview is stored once with the enumerator, even one sent again after a dropped connection', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'enum@example.org');
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

  it('moves on to the next interview while the last one waits for a connection; both are stored once', async () => {
    const before = running.db.select().from(responses).all().length;
    // page.route below does not see a request once the service worker controls the page (it
    // takes over mid-test: clientsClaim, after precaching, sooner or later with the machine's
    // load), so a try could reach the server unseen and no notice come. This test is about the
    // page's retries, not the offline app: no service worker here.
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'enum@example.org');
    await page.waitForURL(/\/interview$/);
    await page.getByRole('link', { name: /Trust in the police/ }).click();
    await page.waitForURL(/\/interview\/bih-police-trust-short$/);

    // The server cannot be reached until the test says so; every attempt and its id is noted.
    let reachable = false;
    const attempts: string[] = [];
    await page.route('**/api/surveys/*/responses', async (route) => {
      attempts.push((route.request().postDataJSON() as { id: string }).id);
      if (reachable) await route.continue();
      else await route.abort('internetdisconnected');
    });
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    // If the notice does not come, say what the page shows and how many tries went out (none: the
    // delivery never started, or went around the route; some: the page did not show their failure).
    await page.getByText('nema veze sa serverom').waitFor().catch(async (error: unknown) => {
      const shown = await page.locator('main').innerText().catch(() => '(page unreadable)');
      const stored = running.db.select().from(responses).all().length - before;
      const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller)).catch(() => 'unknown');
      throw new Error(`${(error as Error).message}\ntries intercepted: ${attempts.length}; stored since the test began: ${stored}; page controlled by the service worker: ${controlled}; the page shows:\n${shown}`);
    });
    await page.getByRole('button', { name: 'Započni sljedeći intervju' }).click();

    // The first interview is still being sent, and refused, while the second one is answered.
    const firstId = attempts[0]!;
    await page.locator('select#language').selectOption('bs');
    await passScreeningInBosnian(page);
    await page.locator('.sd-dropdown').first().click();
    await page.getByRole('option', { name: 'Kanton Sarajevo' }).click();
    // The next automatic try comes after a backoff of up to 30 s (web/src/lib/deliver.ts), later
    // the longer answering took: waited for as long as that, not a fixed 10 s.
    const triedBefore = attempts.length;
    await expect.poll(() => attempts.length, { timeout: RETRY_WAIT_MS }).toBeGreaterThan(triedBefore);
    await renderedAfterPendingWork(page);
    expect(await page.getByText('nema veze sa serverom').count()).toBe(0);
    await expect(page.locator('.sd-dropdown').first().textContent()).resolves.toContain('Kanton Sarajevo');

    // The connection is back, as the tablet hears it ('online'): the waiting interview goes now
    // rather than at the end of a backoff timer.
    reachable = true;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => running.db.select().from(responses).all().length, { timeout: RETRY_WAIT_MS }).toBe(before + 1);
    await expect.poll(() => queuedOnDevice(page), { timeout: RETRY_WAIT_MS }).toEqual([]);
    await renderedAfterPendingWork(page);

    // Neither the retries nor the late confirmation took the half-answered form away.
    expect(await page.getByText('Slanje Vaših odgovora…').count()).toBe(0);
    expect(await page.getByText('Hvala Vam!').count()).toBe(0);
    await expect(page.locator('.sd-dropdown').first().textContent()).resolves.toContain('Kanton Sarajevo');
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    await finishShortFromTrustPage(page);
    await page.getByText('Hvala Vam!').waitFor();

    const secondId = attempts.at(-1)!;
    expect(secondId).not.toBe(firstId);
    const stored = running.db.select().from(responses).all().slice(before);
    expect(stored.map((row) => row.id).sort()).toEqual([firstId, secondId].sort());
    for (const row of stored) expect(row).toMatchObject({ mode: 'enumerator', enumeratorId, answers: BOSNIAN_ANSWERS, language: 'bs' });
    // Nothing is left waiting on the tablet.
    expect(await queuedOnDevice(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('a researcher trying the resident page while signed in submits anonymously, as a resident would', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInPage(page, running.baseUrl, 'res@example.org');
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
