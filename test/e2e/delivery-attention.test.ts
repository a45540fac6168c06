import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { responses, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { queuedOnDevice } from './device-queue.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS } from './respondent-page.ts';

/**
 * What a resident sees when the server refuses their completed answers (a 4xx): "needs
 * attention", the server's own message and what to do, the answers kept on the device and never
 * sent again by themselves; and that what is worth retrying (5xx, 429) is retried.
 */

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

const stored = () => running.db.select().from(responses).all();
const outbox = (page: Page) => queuedOnDevice(page);

/** Counts the submissions the page sends; `reply` decides, per attempt, what the server says. */
async function interceptSubmissions(page: Page, reply: (attempt: number, route: Route) => Promise<void>): Promise<{ attempts: () => number }> {
  let attempts = 0;
  await page.route('**/api/surveys/*/responses', async (route) => {
    attempts += 1;
    await reply(attempts, route);
  });
  return { attempts: () => attempts };
}

/** Long enough for two or three automatic retries (1 s, 2 s, 4 s), had there been any. */
const RETRY_WINDOW_MS = 8_000;

describe('a refused submission needs attention and is not retried blindly', () => {
  it('a 422 from the server: the page shows its message and the field, keeps the answers, sends nothing more, and lists it on the next visit', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sent = await interceptSubmissions(page, (_, route) => route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { type: 'validation', message: 'Some answers do not fit the questionnaire.', details: [{ field: 'region', issue: 'required' }] } }),
    }));
    await answerShortSurveyInBosnian(page, running.baseUrl);
    const notice = page.locator('.notice-attention');
    await notice.getByText('Potrebna je Vaša pažnja').waitFor();
    await expect(notice.innerText()).resolves.toContain('422: Some answers do not fit the questionnaire.');
    await expect(notice.innerText()).resolves.toContain('region: required');
    await expect(notice.innerText()).resolves.toContain('Obavijestite istraživački tim');
    await page.waitForTimeout(RETRY_WINDOW_MS);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect(sent.attempts()).toBe(1);
    expect(await page.getByText('nema veze sa serverom').count()).toBe(0);
    expect(await outbox(page)).toEqual([expect.objectContaining({ problem: expect.objectContaining({ status: 422 }) })]);
    await page.close();

    // The next visit lists it as needing attention instead of sending it again.
    const next = await context.newPage();
    const resent = await interceptSubmissions(next, (_, route) => route.continue());
    await next.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await next.getByText('Server nije prihvatio ranije popunjene upitnike s ovog uređaja (1)').waitFor();
    await next.waitForTimeout(2_000);
    expect(resent.attempts()).toBe(0);
    // Once the cause is dealt with, a person sends it again: stored, once.
    await next.getByRole('button', { name: 'Pošalji ponovo' }).click();
    await next.getByText('sada su poslani').waitFor();
    expect(resent.attempts()).toBe(1);
    expect(stored()).toHaveLength(1);
    expect(stored()[0]!.answers).toEqual(BOSNIAN_ANSWERS);
    expect(await outbox(next)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a 409 from the real server (fieldwork closed while the resident answered): needs attention, not retried', async () => {
    const page = await browser.newPage();
    const sent = await interceptSubmissions(page, (_, route) => route.continue());
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await page.locator('[data-name="consent"]').waitFor();
    running.db.update(surveys).set({ status: 'closed' }).run();
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    const notice = page.locator('.notice-attention');
    await notice.getByText('Potrebna je Vaša pažnja').waitFor();
    await expect(notice.innerText()).resolves.toContain('409: Fieldwork for "bih-police-trust-short" is closed');
    await expect(notice.innerText()).resolves.toContain('Anketiranje je možda završeno');
    await page.waitForTimeout(RETRY_WINDOW_MS);
    expect(sent.attempts()).toBe(1);
    expect(stored()).toHaveLength(0);
    await page.close();
  }, 120_000);
});

describe('what is worth retrying is retried', () => {
  it('a 503 and a 429 with Retry-After: the page waits, tries again, and the answers are stored once', async () => {
    const page = await browser.newPage();
    const sent = await interceptSubmissions(page, async (attempt, route) => {
      if (attempt === 1) await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { type: 'unavailable', message: 'The database does not answer.' } }) });
      else if (attempt === 2) await route.fulfill({ status: 429, headers: { 'retry-after': '3' }, contentType: 'application/json', body: JSON.stringify({ error: { type: 'rate_limited', message: 'Too many submissions from this address. Try again in 3 s.' } }) });
      else await route.continue();
    });
    await answerShortSurveyInBosnian(page, running.baseUrl);
    await page.getByText('pokušat ćemo ponovo za 3 s').waitFor({ timeout: 60_000 });
    await page.getByText('Hvala Vam!').waitFor({ timeout: 60_000 });
    expect(sent.attempts()).toBe(3);
    expect(stored()).toHaveLength(1);
    expect(await page.locator('.notice-attention').count()).toBe(0);
    await page.close();
  }, 180_000);
});
