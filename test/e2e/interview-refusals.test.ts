import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS, openFirstPage, openRatingPage } from './respondent-page.ts';

/**
 * Enumerators and what the server refuses: an enumerator not assigned to a survey is stopped
 * before the interview starts; an interview refused after it was completed (assignment withdrawn
 * meanwhile) needs attention, with the server's message and what to do, and is not retried
 * until the enumerator asks. The interview pages pass axe-core's WCAG 2.1 A/AA rules.
 */

let browser: Browser;
let running: RunningApp;
let surveyId: number;
let enumeratorId: number;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json'), loadSurveyFile('surveys/bih-police-trust.json')]);
  surveyId = running.db.select().from(surveys).where(eq(surveys.slug, 'bih-police-trust-short')).get()!.id;
  enumeratorId = createUser(running.db, 'assigned@example.org', 'enumerator').id;
  running.db.insert(surveyMembers).values({ surveyId, userId: enumeratorId }).run();
  createUser(running.db, 'unassigned@example.org', 'enumerator');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  await signInPage(page, running.baseUrl, email);
  await page.waitForURL(/\/interview$/);
  return page;
}

describe('an enumerator not assigned to a survey', () => {
  it('is refused on opening /interview/<slug>, before any question, and nothing is sent', async () => {
    const page = await signedIn('unassigned@example.org');
    await page.getByText('You are not assigned to any survey yet.').waitFor();
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/responses')) posts += 1;
    });
    await page.goto(`${running.baseUrl}/interview/bih-police-trust-short`);
    await page.getByText('You are not assigned to this survey, so interviews for it would not be accepted.').waitFor();
    expect(await page.locator('.sd-question').count()).toBe(0);
    await expect(page.getByRole('link', { name: 'Back to your interviews' }).getAttribute('href')).resolves.toBe('/interview');
    expect(await axeViolations(page)).toEqual([]);
    expect(posts).toBe(0);
    expect(running.db.select().from(responses).all()).toHaveLength(0);
    await page.context().close();
  }, 60_000);
});

describe('an interview the server refuses after it was completed', () => {
  it('needs attention with the server\'s 403 and what to do, is not retried, is listed on the interviews page, and is stored once sent again after re-assignment', async () => {
    const page = await signedIn('assigned@example.org');
    await page.getByRole('link', { name: /Trust in the police/ }).click();
    await page.waitForURL(/\/interview\/bih-police-trust-short$/);
    let attempts = 0;
    await page.route('**/api/surveys/*/responses', async (route) => {
      attempts += 1;
      await route.continue();
    });
    await page.locator('[data-name="consent"]').waitFor();
    // The researcher withdraws the assignment while the interview is under way.
    running.db.delete(surveyMembers).where(and(eq(surveyMembers.surveyId, surveyId), eq(surveyMembers.userId, enumeratorId))).run();
    await answerShortSurveyInBosnian(page, running.baseUrl, null);

    const notice = page.locator('.notice-attention');
    await notice.getByText('Potrebna je Vaša pažnja').waitFor();
    await expect(notice.innerText()).resolves.toContain('403:');
    await expect(notice.innerText()).resolves.toContain('Niste raspoređeni na ovu anketu. Zamolite istraživača ankete da Vas rasporedi');
    expect(await page.getByText('nema veze sa serverom').count()).toBe(0);
    await page.waitForTimeout(8_000);
    expect(attempts).toBe(1);

    // The interviews page says one waits for attention on this tablet.
    await page.goto(`${running.baseUrl}/interview`);
    await page.getByText('You are not assigned to any survey yet.').waitFor();
    running.db.insert(surveyMembers).values({ surveyId, userId: enumeratorId }).run();
    await page.reload();
    await page.getByText('1 interview(s) on this device need attention').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Assigned again: the enumerator opens the survey and sends it again.
    await page.getByRole('link', { name: /Trust in the police/ }).click();
    // (In the tablet's language, English here, until a language is picked for the next interview.)
    const earlier = page.locator('.notice-attention');
    await earlier.getByText('1 questionnaire(s) completed earlier on this device were not accepted by the server and need attention.').waitFor();
    await expect(earlier.innerText()).resolves.toContain('You are not assigned to this survey. Ask the survey’s researcher to assign you, then press “Send again”.');
    await earlier.getByRole('button', { name: 'Send again' }).click();
    await page.getByText('Answers saved on this device earlier have now been sent.').waitFor();
    const rows = running.db.select().from(responses).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mode: 'enumerator', enumeratorId, answers: BOSNIAN_ANSWERS });
    await page.context().close();
  }, 120_000);
});

describe('the interview pages pass axe-core', () => {
  it('the interviews list, and an interview\'s first page and 0-10 scales in English and Bosnian', async () => {
    running.db.insert(surveyMembers).values({ surveyId: running.db.select().from(surveys).where(eq(surveys.slug, 'bih-police-trust')).get()!.id, userId: enumeratorId }).run();
    const page = await signedIn('assigned@example.org');
    await page.getByRole('link', { name: /Trust in the police in Bosnia and Herzegovina$/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const language of ['en', 'bs']) {
      await openFirstPage(page, `${running.baseUrl}/interview/bih-police-trust?lang=${language}`);
      expect(await axeViolations(page), `first page, ${language}`).toEqual([]);
      await openRatingPage(page, running.baseUrl, 'bih-police-trust', language, '/interview');
      expect(await axeViolations(page), `rating page, ${language}`).toEqual([]);
    }
    await page.context().close();
  }, 180_000);
});
