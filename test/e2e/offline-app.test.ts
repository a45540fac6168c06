import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyMembers, surveys } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { signInPage, startApp, type RunningApp } from './harness.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from './offline-browser.ts';
import { answerShortSurveyInBosnian, BOSNIAN_ANSWERS } from './respondent-page.ts';

// The installable offline app: after one visit with signal, the page, the questionnaire and an
// enumerator's assignments open with none, after reloads and a browser restart (same profile).

let running: RunningApp;
let enumeratorId: number;
const profiles = profileFolders();

beforeAll(async () => {
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust-short.json'), loadSurveyFile('surveys/bih-police-trust.json')]);
  enumeratorId = createUser(running.db, 'enum@example.org', 'enumerator').id;
  for (const survey of running.db.select().from(surveys).all()) {
    running.db.insert(surveyMembers).values({ surveyId: survey.id, userId: enumeratorId }).run();
  }
});
afterAll(async () => {
  await running.stop();
  profiles.removeAll();
});

describe('a resident with no signal', () => {
  it('completes a survey offline after one visit online; it is stored once when the signal is back', async () => {
    const context = await openBrowser(profiles.create());
    const page = await firstPage(context);
    await page.goto(`${running.baseUrl}/s/bih-police-trust-short`);
    await page.locator('select#language').waitFor();
    await offlineReady(page);
    await kept(page, '/api/surveys/bih-police-trust-short');
    // Installable: Chromium finds nothing missing (manifest, icons, a worker that answers offline).
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText(/Sigurno su sačuvani na ovom uređaju/).waitFor();
    expect(running.db.select().from(responses).all()).toHaveLength(0);

    await context.setOffline(false);
    await page.getByText('Hvala Vam!').waitFor();
    await expect.poll(() => running.db.select().from(responses).all().length).toBe(1);
    expect(running.db.select().from(responses).get()!.answers).toEqual(BOSNIAN_ANSWERS);
    await context.close();
  });
});

describe('an enumerator with no signal', () => {
  it('opens the interview list and every assigned questionnaire offline after one sign-in, after reloads and a browser restart', async () => {
    const profile = profiles.create();
    let context = await openBrowser(profile);
    let page = await firstPage(context);
    await signInPage(page, running.baseUrl, 'enum@example.org');
    await page.waitForURL(/\/interview$/);
    await page.getByRole('link', { name: /Trust in the police/ }).first().waitFor();
    await offlineReady(page);
    for (const path of ['/api/auth/me', '/api/interviews', '/api/surveys/bih-police-trust-short', '/api/surveys/bih-police-trust']) await kept(page, path);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: /Trust in the police/ }).first().waitFor();
    expect(await page.getByRole('link', { name: /Trust in the police/ }).count()).toBe(2);
    await context.close();

    // The browser is closed and opened again, still with no signal.
    context = await openBrowser(profile);
    await context.setOffline(true);
    page = await firstPage(context);
    await page.goto(`${running.baseUrl}/interview`);
    await page.getByRole('link', { name: /Trust in the police/ }).first().waitFor();
    for (const slug of ['bih-police-trust', 'bih-police-trust-short']) {
      await page.goto(`${running.baseUrl}/interview/${slug}?lang=bs`);
      await page.locator('[data-name="consent"]').getByText('Da, pristajem', { exact: true }).waitFor();
    }
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText(/Sigurno su sačuvani na ovom uređaju/).waitFor();

    await context.setOffline(false);
    await page.getByText('Intervju je sačuvan.').or(page.getByText('Hvala Vam!')).first().waitFor();
    const interviews = running.db.select().from(responses).all().filter((row) => row.mode === 'enumerator');
    expect(interviews).toHaveLength(1);
    expect(interviews[0]!.enumeratorId).toBe(enumeratorId);
    await context.close();
  });
});
