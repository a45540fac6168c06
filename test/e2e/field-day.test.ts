import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyMembers } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser, signIn } from '../api/accounts.ts';
import { draftsOnDevice, queuedOnDevice } from './device-queue.ts';
import { signInPage, startApp, type RunningApp } from './harness.ts';
import { loseSignal, regainSignal } from './no-signal.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from './offline-browser.ts';
import { answerShortSurveyInBosnian, answerShortUpToTrustPage, BOSNIAN_ANSWERS, finishShortFromTrustPage } from './respondent-page.ts';

// A day of fieldwork with no signal, as an enumerator lives it: signed in once in the office,
// then interviews in villages, reloads and a browser restart, and the interviews reach the server
// once the tablet is back in range. Every check of what was stored goes through the API, as a
// researcher would see it.

const SLUG = 'bih-police-trust-short';
const short = loadSurveyFile(`surveys/${SLUG}.json`);
let running: RunningApp;
let enumeratorId: number;
const profiles = profileFolders();

beforeAll(async () => {
  running = await startApp(inject('webDist'), [short]);
  const surveyId = findVersion(running.db, SLUG)!.surveyId;
  enumeratorId = createUser(running.db, 'enum@example.org', 'enumerator').id;
  const researcherId = createUser(running.db, 'res@example.org', 'researcher').id;
  running.db.insert(surveyMembers).values([{ surveyId, userId: enumeratorId }, { surveyId, userId: researcherId }]).run();
});
afterAll(async () => {
  await running.stop();
  profiles.removeAll();
});

interface StoredInterview {
  id: string;
  version: number;
  mode: string;
  enumeratorId: number | null;
  answers: Record<string, unknown>;
}

/** The survey's responses as its researcher reads them from the API. */
async function storedThroughApi(): Promise<StoredInterview[]> {
  const server = { request: (path: string, init?: RequestInit) => fetch(`${running.baseUrl}${path}`, init) };
  const session = await signIn(server, 'res@example.org');
  const response = await fetch(`${running.baseUrl}/api/surveys/${SLUG}/responses?limit=100`, { headers: session.headers() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: StoredInterview[] }).items;
}

/** An enumerator's tablet after one sign-in with signal: app, assignment list and questionnaire kept. */
async function signedInOnce(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openBrowser(profile);
  const page = await firstPage(context);
  await signInPage(page, running.baseUrl, 'enum@example.org');
  await page.waitForURL(/\/interview$/);
  await page.getByRole('link', { name: /Trust in the police/ }).waitFor();
  await offlineReady(page);
  for (const path of ['/api/auth/me', '/api/interviews', `/api/surveys/${SLUG}`]) await kept(page, path);
  return { context, page };
}

/** Waits until the draft of the interview on screen is on the device, at the page now shown. */
async function draftSavedAt(page: Page, pageNo: number): Promise<void> {
  await expect.poll(async () => (await draftsOnDevice(page)).find((draft) => draft.interview)?.pageNo, { timeout: 10_000 }).toBe(pageNo);
}

const SAVED_ON_DEVICE = /Sigurno su sačuvani na ovom uređaju/;

describe('a field day with no signal', () => {
  it('two interviews offline, one resumed after a reload, kept across a browser restart, stored once each with the enumerator when back in range', async () => {
    const profile = profiles.create();
    let { context, page } = await signedInOnce(profile);

    await loseSignal(context, running.signal);
    await page.reload();
    await page.getByRole('link', { name: /Trust in the police/ }).click();
    await page.waitForURL(new RegExp(`/interview/${SLUG}$`));

    // First interview, completed with no signal: it waits on the tablet.
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText(SAVED_ON_DEVICE).waitFor();
    await page.getByRole('button', { name: 'Započni sljedeći intervju' }).click();

    // Second interview, half-way when the tab is reloaded: the answers so far are offered back.
    await answerShortUpToTrustPage(page);
    await draftSavedAt(page, 2);
    await page.reload();
    await page.locator('.resume-offer').waitFor();
    await page.getByRole('button', { name: 'Nastavi' }).click();
    // Back on the page where it stopped, in the language it was being asked in.
    await page.locator('.sd-rating__item', { hasText: /^7$/ }).waitFor();
    expect(await page.locator('select#language').inputValue()).toBe('bs');
    await finishShortFromTrustPage(page);
    await page.getByText(SAVED_ON_DEVICE).waitFor();

    const queued = await queuedOnDevice(page);
    expect(queued).toHaveLength(2);
    expect(queued.map((entry) => entry.submission.enumeratorId)).toEqual([enumeratorId, enumeratorId]);
    // A completed interview never stays a draft.
    expect(await draftsOnDevice(page)).toEqual([]);
    expect(await storedThroughApi()).toEqual([]);
    await context.close();

    // The browser is closed and opened again (same profile), still with no signal: the queue is there.
    context = await openBrowser(profile);
    await context.setOffline(true);
    page = await firstPage(context);
    await page.goto(`${running.baseUrl}/interview`);
    await page.getByRole('region', { name: 'On this device' }).getByText(/2\s+interview\(s\) waiting to be sent/).waitFor();
    expect((await queuedOnDevice(page)).map((entry) => entry.submission.id).sort()).toEqual(queued.map((entry) => entry.submission.id).sort());

    // Back in range: both go, each stored once, under the enumerator who conducted it.
    running.signal.reportRefused();
    await regainSignal(context, running.signal);
    await expect.poll(() => queuedOnDevice(page), { timeout: 30_000 }).toEqual([]);
    await page.getByText(/Last one confirmed by the server/).waitFor();
    const stored = await storedThroughApi();
    expect(stored.map((row) => row.id).sort()).toEqual(queued.map((entry) => entry.submission.id).sort());
    for (const row of stored) expect(row).toMatchObject({ mode: 'enumerator', enumeratorId, version: 1, answers: BOSNIAN_ANSWERS });
    await context.close();
  });
});

describe('a new questionnaire version published while the tablet is offline', () => {
  it('stores the interviews answered on version 1 as version 1, and the next one started afresh as version 2', async () => {
    const earlierIds = new Set((await storedThroughApi()).map((row) => row.id));
    const { context, page } = await signedInOnce(profiles.create());
    await loseSignal(context, running.signal);
    await page.goto(`${running.baseUrl}/interview/${SLUG}`);
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText(SAVED_ON_DEVICE).waitFor();
    await page.getByRole('button', { name: 'Započni sljedeći intervju' }).click();
    await answerShortUpToTrustPage(page);
    await draftSavedAt(page, 2);

    // Meanwhile, in the office, the researcher publishes version 2 (a changed title).
    const changed = { ...short, definition: { ...short.definition, title: { default: 'Trust in the police (v2)', bs: 'Povjerenje u policiju (v2)' } } };
    expect(publishSurveyFiles(running.db, [changed])).toEqual([{ slug: SLUG, version: 2, published: true }]);

    // Back in range: the completed interview goes as version 1; the page now loads version 2, but
    // the interview in progress continues, and is sent, on the version it was started on.
    running.signal.reportRefused();
    await regainSignal(context, running.signal);
    await expect.poll(() => queuedOnDevice(page), { timeout: 30_000 }).toEqual([]);
    await page.reload();
    await page.getByRole('button', { name: 'Nastavi' }).click();
    await finishShortFromTrustPage(page);
    await page.getByText('Hvala Vam!').waitFor();
    await page.getByRole('button', { name: 'Započni sljedeći intervju' }).click();
    await answerShortSurveyInBosnian(page, running.baseUrl, null);
    await page.getByText('Hvala Vam!').waitFor();
    await expect.poll(() => queuedOnDevice(page), { timeout: 30_000 }).toEqual([]);

    const stored = (await storedThroughApi()).filter((row) => !earlierIds.has(row.id));
    expect(stored.map((row) => row.version).sort()).toEqual([1, 1, 2]);
    for (const row of stored) expect(row).toMatchObject({ mode: 'enumerator', enumeratorId, answers: BOSNIAN_ANSWERS });
    await context.close();
  });
});

describe('a tablet that cannot reach the server', () => {
  it('saves its unsent interviews to a file; a supervisor loads it on another device; each is stored once, even when the tablet sends it too', async () => {
    const earlierIds = new Set((await storedThroughApi()).map((row) => row.id));
    const tablet = await signedInOnce(profiles.create());
    await tablet.context.setOffline(true);
    await tablet.page.goto(`${running.baseUrl}/interview/${SLUG}`);
    await answerShortSurveyInBosnian(tablet.page, running.baseUrl, null);
    await tablet.page.getByText(SAVED_ON_DEVICE).waitFor();
    const [queued] = await queuedOnDevice(tablet.page);

    await tablet.page.goto(`${running.baseUrl}/interview`);
    const downloading = tablet.page.waitForEvent('download');
    await tablet.page.getByRole('button', { name: 'Save unsent interviews to a file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^trustlens-unsent-.*\.json$/);
    const file = `${profiles.create()}/${download.suggestedFilename()}`;
    await download.saveAs(file);

    // The supervisor (a researcher of the survey) loads the file on their own device, with signal.
    const supervisor = await openBrowser(profiles.create());
    const desk = await firstPage(supervisor);
    await signInPage(desk, running.baseUrl, 'res@example.org', '/interview');
    await desk.getByRole('heading', { name: 'Interviews from another device' }).waitFor();
    await desk.getByLabel('Saved interviews file').setInputFiles(file);
    await desk.getByText(/1 interview\(s\) from the file are queued/).waitFor();
    await expect.poll(() => queuedOnDevice(desk), { timeout: 30_000 }).toEqual([]);
    const fromFile = (await storedThroughApi()).filter((row) => !earlierIds.has(row.id));
    expect(fromFile).toHaveLength(1);
    expect(fromFile[0]).toMatchObject({ id: queued!.submission.id, mode: 'enumerator', enumeratorId, answers: BOSNIAN_ANSWERS });
    await supervisor.close();

    // Later the tablet is back in range and sends the same interview: the server keeps the one row.
    await tablet.context.setOffline(false);
    await expect.poll(() => queuedOnDevice(tablet.page), { timeout: 30_000 }).toEqual([]);
    expect((await storedThroughApi()).filter((row) => !earlierIds.has(row.id))).toHaveLength(1);
    await tablet.context.close();
  });
});
