import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { axeViolations } from './axe.ts';
import { draftsOnDevice, queuedOnDevice } from './device-queue.ts';
import { startApp, type RunningApp } from './harness.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from './offline-browser.ts';
import { answerShortUpToTrustPage, BOSNIAN_ANSWERS, finishShortFromTrustPage, LANGUAGES, passScreeningInBosnian, WORDS } from './respondent-page.ts';

// A resident who leaves a questionnaire half-way (a reload, a closed tab, a phone that restarts)
// is offered their answers back: "continue" where they stopped, or "start over". What is stored
// is read from the database, as a researcher would find it.

const SLUG = 'bih-police-trust-short';
let running: RunningApp;
const profiles = profileFolders();

beforeAll(async () => {
  running = await startApp(inject('webDist'), [loadSurveyFile(`surveys/${SLUG}.json`)]);
});
afterAll(async () => {
  await running.stop();
  profiles.removeAll();
});

const storedAnswers = () => running.db.select().from(responses).all().map((row) => ({ id: row.id, answers: row.answers }));

/** Waits until the resident's draft is on the device, at the page now shown (saved on each page change). */
async function draftSavedAt(page: Page, pageNo: number): Promise<void> {
  await expect.poll(async () => (await draftsOnDevice(page)).find((draft) => !draft.interview)?.pageNo, { timeout: 15_000 }).toBe(pageNo);
}

/** Back where they stopped: the trust page (its 0-10 scale), in Bosnian, with page 1's answers kept. */
async function backOnTrustPage(page: Page): Promise<void> {
  await page.locator('[data-name="trust_police"] .sd-rating__item', { hasText: /^7$/ }).waitFor();
  expect(await page.locator('select#language').inputValue()).toBe('bs');
  await page.getByRole('button', { name: 'Prethodna' }).click();
  await expect.poll(() => page.locator('[data-name="region"]').innerText()).toContain('Kanton Sarajevo');
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.locator('[data-name="trust_police"] .sd-rating__item', { hasText: /^7$/ }).waitFor();
}

describe('a resident who reloads half-way', () => {
  it('is offered the answers back in the language they were answering in; "continue" restores them and the page; completed, it is stored once and no draft stays', async () => {
    const context = await openBrowser(profiles.create());
    const page = await firstPage(context);
    await page.goto(`${running.baseUrl}/s/${SLUG}`);
    await answerShortUpToTrustPage(page);
    await draftSavedAt(page, 2);

    await page.reload();
    const offer = page.locator('.resume-offer');
    await offer.getByRole('heading', { name: 'Nedovršeni odgovori na ovom uređaju' }).waitFor();
    expect(await offer.getAttribute('lang')).toBe('bs');
    expect(await axeViolations(page)).toEqual([]);
    await offer.getByRole('button', { name: 'Nastavi' }).click();
    await backOnTrustPage(page);
    expect(await axeViolations(page)).toEqual([]);

    await finishShortFromTrustPage(page);
    await page.getByText('Hvala Vam!').waitFor();
    await expect.poll(() => storedAnswers().length, { timeout: 30_000 }).toBe(1);
    expect(storedAnswers()[0]!.answers).toEqual(BOSNIAN_ANSWERS);
    expect(await draftsOnDevice(page)).toEqual([]);
    // Reloaded again, the completed questionnaire is not offered back: a fresh one opens.
    await page.reload();
    await page.locator('[data-name="consent"]').waitFor();
    expect(await page.locator('.resume-offer').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('"start over" empties the form: no earlier answer is kept, shown or stored, and what is stored is the new answers once', async () => {
    const before = storedAnswers().length;
    const context = await openBrowser(profiles.create());
    const page = await firstPage(context);
    await page.goto(`${running.baseUrl}/s/${SLUG}`);
    await answerShortUpToTrustPage(page); // region: Kanton Sarajevo
    await draftSavedAt(page, 2);

    await page.reload();
    await page.locator('.resume-offer').getByRole('button', { name: 'Počni ispočetka' }).click();
    // The first page again, nothing chosen, and the saved answers gone from the device.
    // In Bosnian still, the language they were answering in (the browser's is English).
    await page.locator('[data-name="consent"]').getByText('Da, pristajem', { exact: true }).waitFor();
    expect(await page.locator('select#language').inputValue()).toBe('bs');
    expect(await page.locator('[data-name="consent"] input:checked').count()).toBe(0);
    await expect.poll(async () => (await draftsOnDevice(page)).filter((draft) => !draft.interview && draft.pageNo > 0)).toEqual([]);
    await passScreeningInBosnian(page);
    expect(await page.locator('[data-name="region"]').innerText()).not.toContain('Kanton Sarajevo');
    await page.locator('.sd-dropdown').first().click();
    await page.getByRole('option', { name: 'Tuzlanski kanton' }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    // The trust page comes up empty too: the 7 chosen before start over is not kept.
    await page.locator('[data-name="trust_police"] .sd-rating__item', { hasText: /^7$/ }).waitFor();
    expect(await page.locator('[data-name="trust_police"] .sd-rating__item--selected').count()).toBe(0);
    await finishShortFromTrustPage(page);
    await page.getByText('Hvala Vam!').waitFor();

    await expect.poll(() => storedAnswers().length, { timeout: 30_000 }).toBe(before + 1);
    expect(storedAnswers().slice(before).map((row) => row.answers)).toEqual([{ ...BOSNIAN_ANSWERS, region: 'tuzla' }]);
    expect(await draftsOnDevice(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('with no signal after one visit online: reloads offline, continues, completes offline; stored once when the signal is back', async () => {
    const before = storedAnswers().length;
    const context = await openBrowser(profiles.create());
    const page = await firstPage(context);
    await page.goto(`${running.baseUrl}/s/${SLUG}`);
    await page.locator('select#language').waitFor();
    await offlineReady(page);
    await kept(page, `/api/surveys/${SLUG}`);

    await context.setOffline(true);
    await page.reload();
    await answerShortUpToTrustPage(page);
    await draftSavedAt(page, 2);
    await page.reload();
    await page.locator('.resume-offer').getByRole('button', { name: 'Nastavi' }).click();
    await backOnTrustPage(page);
    await finishShortFromTrustPage(page);
    await page.getByText(/Sigurno su sačuvani na ovom uređaju/).waitFor();
    expect(await draftsOnDevice(page)).toEqual([]);
    const [queued] = await queuedOnDevice(page);

    await context.setOffline(false);
    await expect.poll(() => queuedOnDevice(page), { timeout: 60_000 }).toEqual([]);
    const added = storedAnswers().slice(before);
    expect(added).toEqual([{ id: queued!.submission.id, answers: BOSNIAN_ANSWERS }]);
    await context.close();
  }, 180_000);
});

describe('the resume offer in every language', () => {
  it('passes axe-core WCAG 2.1 AA, offered and continued, in each language the app ships', async () => {
    const context = await openBrowser(profiles.create());
    const page = await firstPage(context);
    for (const language of LANGUAGES) {
      const words = WORDS[language]!;
      await page.goto(`${running.baseUrl}/s/${SLUG}?lang=${language}`);
      await page.locator('[data-name="consent"], .resume-offer').first().waitFor();
      if (await page.locator('.resume-offer').count()) {
        await page.locator('.resume-offer button').nth(1).click();
      }
      await page.locator('[data-name="consent"]').getByText(words.agree, { exact: true }).click();
      await page.locator('[data-name="age_18_plus"]').getByText(words.yes, { exact: true }).click();
      await page.locator('[data-name="lives_in_bih"]').getByText(words.yes, { exact: true }).click();
      await page.getByRole('button', { name: words.next }).click();
      await page.locator('[data-name="region"]').waitFor();
      await draftSavedAt(page, 1);

      await page.goto(`${running.baseUrl}/s/${SLUG}`);
      const offer = page.locator('.resume-offer');
      await offer.waitFor();
      expect(await offer.getAttribute('lang')).toBe(language);
      expect({ language, violations: await axeViolations(page) }).toEqual({ language, violations: [] });
      await offer.locator('button').first().click();
      await page.locator('[data-name="region"]').waitFor();
      expect({ language, violations: await axeViolations(page) }).toEqual({ language, violations: [] });
    }
    await context.close();
  }, 300_000);
});
