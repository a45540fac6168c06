import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { responses } from '../../api/db/schema.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { WORDS } from './respondent-page.ts';

/**
 * A resident who declines, is under 18 or does not live in BiH is thanked in the questionnaire's
 * own words (its completedHtmlOnCondition), never told "your answers have been saved"; the
 * screened-out contact is still sent to the server, which keeps it as such.
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
  running = await startApp(inject('webDist'));
});
afterEach(async () => {
  await running.stop();
});

const stored = () => running.db.select().from(responses).all();

async function screenOut(page: Page, language: string, answers: [question: string, choice: 'agree' | 'yes' | 'no'][]): Promise<void> {
  const words = WORDS[language]!;
  for (const [question, choice] of answers) await page.locator(`[data-name="${question}"]`).getByText(words[choice], { exact: true }).click();
  await page.getByRole('button', { name: words.complete }).click();
}

/** Waits until the server has the record, then for the page to have said so (or not) after it. */
async function afterStored(page: Page): Promise<void> {
  await expect.poll(() => stored().length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => page.locator('[role="status"]', { hasText: /Šaljem|Slanje|Sending|Слање/ }).count()).toBe(0);
}

describe('a screened-out resident', () => {
  it('who declines, in Bosnian: sees the questionnaire\'s "you chose not to take part", not "your answers have been saved"', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=bs`);
    await screenOut(page, 'bs', [['consent', 'no']]);
    await page.getByText('Hvala Vam na vremenu.').waitFor();
    await expect(page.getByText('Odlučili ste da ne učestvujete, pa drugi odgovori nisu prikupljeni.').isVisible()).resolves.toBe(true);
    await afterStored(page);
    expect(await page.getByText('Vaši odgovori su sačuvani.').count()).toBe(0);
    expect(await page.getByText('Hvala Vam!', { exact: true }).count()).toBe(0);
    expect(stored()[0]).toMatchObject({ answers: { consent: 2 }, language: 'bs' });
    // Focus is on the message that replaced the form, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('completion'))).toBe(true);
    await page.close();
  }, 60_000);

  it('under 18, in English: is told the survey is for adults living in BiH', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=en`);
    await screenOut(page, 'en', [['consent', 'agree'], ['age_18_plus', 'no']]);
    await page.getByText('Thank you for your interest.').waitFor();
    await expect(page.getByText('This survey is for people aged 18 or older who live in Bosnia and Herzegovina.').isVisible()).resolves.toBe(true);
    await afterStored(page);
    expect(await page.getByText('Your answers have been saved.').count()).toBe(0);
    expect(stored()[0]).toMatchObject({ answers: { consent: 1, age_18_plus: 2 } });
    await page.close();
  }, 60_000);

  it('not living in BiH, in Serbian Cyrillic, on the short questionnaire: the same message in Cyrillic', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=sr-Cyrl`);
    await screenOut(page, 'sr-Cyrl', [['consent', 'agree'], ['age_18_plus', 'yes'], ['lives_in_bih', 'no']]);
    await page.getByText('Хвала Вам на интересовању.').waitFor();
    await afterStored(page);
    expect(await page.getByText('Ваши одговори су сачувани.').count()).toBe(0);
    expect(stored()[0]).toMatchObject({ answers: { consent: 1, age_18_plus: 1, lives_in_bih: 2 }, language: 'sr-Cyrl' });
    await page.close();
  }, 60_000);
});

describe('the short questionnaire', () => {
  it('opens in Croatian with ?lang=hr, on the information and consent page, which says which questions must be answered', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short?lang=hr`);
    await page.locator('.sd-page__title', { hasText: 'O ovoj anketi' }).waitFor();
    await expect(page.locator('select#language').inputValue()).resolves.toBe('hr');
    await expect(page.getByText('Sudjelovanje je dobrovoljno').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Pristajete li sudjelovati u ovoj anketi?').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hr');
    // Declining, in Croatian, ends it with the Croatian message.
    await screenOut(page, 'hr', [['consent', 'no']]);
    await page.getByText('Odlučili ste ne sudjelovati, pa drugi odgovori nisu prikupljeni.').waitFor();
    await afterStored(page);
    expect(stored()[0]).toMatchObject({ answers: { consent: 2 }, language: 'hr' });
    await page.close();
  }, 60_000);
});
