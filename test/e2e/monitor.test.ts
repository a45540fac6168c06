import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { VALID_ANSWERS } from '../api/helpers.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

const SCREENSHOTS = 'test-results/screenshots';
let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  const short = loadSurveyFile('surveys/bih-police-trust-short.json');
  running = await startApp(inject('webDist'), [{ ...short, slug: 'quota-survey', meta: { ...short.meta, quotas: { region: { sarajevo: 2, tuzla: 4 } } } }]);
  const researcher = createUser(running.db, 'res@example.org', 'researcher');
  createUser(running.db, 'eval@example.org', 'evaluator');
  const survey = running.db.select().from(surveys).get()!;
  running.db.insert(surveyMembers).values({ surveyId: survey.id, userId: researcher.id }).run();
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function signIn(email: string, next: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInPage(page, running.baseUrl, email, next);
  await page.waitForURL(new RegExp(`${next}$`));
  return page;
}

/** A resident's web submission as the respondent page sends it, started `seconds` before completion. */
async function submit(region: string, language: string, seconds: number) {
  const completedAt = new Date();
  const startedAt = new Date(completedAt.getTime() - seconds * 1000);
  const response = await fetch(`${running.baseUrl}/api/surveys/quota-survey/responses`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: crypto.randomUUID(), language, answers: { ...VALID_ANSWERS, region }, startedAt: startedAt.toISOString(), completedAt: completedAt.toISOString() }),
  });
  expect(response.status).toBe(201);
}

describe('the fieldwork monitor', () => {
  it('shows responses against quotas, by day, language and mode, completion and duration, refreshing as they come in', async () => {
    const page = await signIn('res@example.org', '/studio');
    await page.getByRole('link', { name: 'Fieldwork monitor quota-survey' }).click();
    await page.waitForURL(/\/studio\/quota-survey\/monitor$/);
    await page.getByTestId('total').getByText('0').waitFor();
    await page.getByRole('caption').getByText('(0 of 6 quota places filled)').waitFor();

    for (let start = 0; start < 4; start += 1) expect((await fetch(`${running.baseUrl}/api/surveys/quota-survey/starts`, { method: 'POST' })).status).toBe(204);
    await submit('sarajevo', 'bs', 90);
    await submit('tuzla', 'en', 150);
    await submit('sarajevo', 'bs', 600);

    // No reload: the page asks again on its own while fieldwork is open.
    // The page asks every 10 s (REFRESH_MS); on a busy machine a round can take longer, so wait three rounds.
    await page.getByTestId('total').getByText('3').waitFor({ timeout: 45_000 });
    const sarajevo = page.getByRole('row', { name: /Sarajevo Canton/ }).first();
    expect(await sarajevo.innerText()).toMatch(/Sarajevo Canton\s+2\s+2\s+100%/);
    expect(await page.getByRole('row', { name: /Tuzla Canton/ }).first().innerText()).toMatch(/Tuzla Canton\s+1\s+4\s+25%/);
    await page.getByText('(3 of 6 quota places filled)').waitFor();
    await page.getByText('3 completed of 4 started on the web').waitFor();
    expect(await page.locator('.headline').innerText()).toContain('75%');
    expect(await page.locator('.headline').innerText()).toContain('2 min 30 s');
    expect(await page.getByRole('table', { name: 'By language' }).innerText()).toMatch(/Bosanski\s+2[\s\S]*English\s+1/);
    expect(await page.getByRole('table', { name: 'By mode' }).innerText()).toMatch(/web\s+3/);
    const latest = page.getByRole('table', { name: /Latest submissions/ });
    expect(await latest.getByRole('row').count()).toBe(4);
    expect(await latest.innerText()).not.toContain('phone_122');
    await page.screenshot({ path: `${SCREENSHOTS}/monitor.png`, fullPage: true });
    await page.close();
  }, 180_000);

  it('shows evaluators the counts but no individual submissions', async () => {
    const page = await signIn('eval@example.org', '/studio/quota-survey/monitor');
    await page.getByTestId('total').getByText('3').waitFor();
    await page.getByText('Individual submissions are shown only to the survey\'s researchers').waitFor();
    expect(await page.getByRole('table', { name: /Latest submissions/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit in builder' }).count()).toBe(0);
    await page.close();
  });
});
