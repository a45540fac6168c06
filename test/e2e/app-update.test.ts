import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { responses, surveyMembers } from '../../api/db/schema.ts';
import { openDatabase, type Db } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { axeViolations } from './axe.ts';
import { queuedOnDevice } from './device-queue.ts';
import { signInPage } from './harness.ts';
import { behindGate, loseSignal, regainSignal, SignalGate } from './no-signal.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from './offline-browser.ts';
import { answerShortSurveyInBosnian, answerShortUpToTrustPage, BOSNIAN_ANSWERS, finishShortAfterTrust } from './respondent-page.ts';

// A new app version published while an enumerator is in the field (docs/decisions/009): the
// interview on screen goes on in the version it started in, nothing queued is lost, and the new
// version takes over between two interviews. The server here serves the first build, then a
// second one (another app version, so other file hashes and another service worker) from the
// same folder, as a deploy does.

const SLUG = 'bih-police-trust-short';
const FIRST_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const NEXT_VERSION = `${FIRST_VERSION}-next`;

const profiles = profileFolders();
const scratch = mkdtempSync(join(tmpdir(), 'trustlens-update-'));
const served = join(scratch, 'served');
const firstDist = inject('webDist');
let nextDist: string;
let db: Db;
let server: ServerType;
let baseUrl: string;
let enumeratorId: number;
/** Cuts the tablet off from the server while it has no signal (no-signal.ts). */
const gate = new SignalGate();
const SAVED_ON_DEVICE = /Sigurno su sačuvani na ovom uređaju/;
const NEXT_INTERVIEW = 'Započni sljedeći intervju';

/** The same web app with another version number: what the next release's build would be. */
async function buildNextVersion(): Promise<string> {
  const outDir = join(scratch, 'next');
  const packageFile = join(scratch, 'package.json');
  writeFileSync(packageFile, JSON.stringify({ version: NEXT_VERSION }));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: 'web/vite.config.ts',
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      resolve: { alias: [{ find: /^(\.\.\/)+package\.json$/, replacement: packageFile }] },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** Puts a build in the folder the server serves, replacing the one there (old files removed). */
function deploy(dist: string): void {
  for (const entry of readdirSync(served)) rmSync(join(served, entry), { recursive: true, force: true });
  cpSync(dist, served, { recursive: true });
}

/** The entry script a build's page loads (its name carries the build's hash). */
function entryOf(dist: string): string {
  return /<script type="module" crossorigin src="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1]!;
}

/** The entry script of the version the page is running. */
function runningEntry(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
    return script ? new URL(script.src).pathname : undefined;
  });
}

/** Marks the document on screen; `sameDocument` says whether it is still that one (not reloaded or replaced). */
const markDocument = (page: Page) => page.evaluate(() => { (window as unknown as { marked: boolean }).marked = true; });
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true);

/** The rating chosen on the trust page on screen (SurveyJS marks the selected item). */
const chosenTrust = (page: Page) => page.locator('[data-name="trust_police"] .sd-rating__item--selected').innerText();

/** The app version the page that completed a stored interview was running (its paradata). */
const appVersionOf = (row: { paradata: unknown }) => (row.paradata as { appVersion?: string } | null)?.appVersion;

function storedInterviews() {
  return db.select().from(responses).all().filter((row) => row.mode === 'enumerator');
}

async function signedInOnce(profile: string) {
  const context = await openBrowser(profile);
  const page = await firstPage(context);
  await signInPage(page, baseUrl, 'enum@example.org');
  await page.waitForURL(/\/interview$/);
  await page.getByRole('link', { name: /Trust in the police/ }).waitFor();
  await offlineReady(page);
  for (const path of ['/api/auth/me', '/api/interviews', `/api/surveys/${SLUG}`]) await kept(page, path);
  return { context, page };
}

beforeAll(async () => {
  nextDist = await buildNextVersion();
  expect(entryOf(nextDist)).not.toBe(entryOf(firstDist));
  cpSync(firstDist, served, { recursive: true });
  db = openDatabase(join(scratch, 'test.db'));
  publishSurveyFiles(db, [loadSurveyFile(`surveys/${SLUG}.json`)]);
  const surveyId = findVersion(db, SLUG)!.surveyId;
  enumeratorId = createUser(db, 'enum@example.org', 'enumerator').id;
  db.insert(surveyMembers).values({ surveyId, userId: enumeratorId }).run();
  const app = createApp({ db, config: { bodyLimitBytes: 512 * 1024, webDist: served } });
  server = await new Promise((done) => {
    const started = serve({
      fetch: behindGate(app.fetch, gate),
      port: 0,
      hostname: '127.0.0.1',
    }, () => done(started));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  db.$client.close();
  profiles.removeAll();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a new app version while an enumerator is in the field', () => {
  it('applied in another tab, it leaves the interview on screen alone; that tab offers "Update now" once the interview is completed', async () => {
    deploy(firstDist);
    const earlier = new Set(storedInterviews().map((row) => row.id));
    const { context, page: list } = await signedInOnce(profiles.create());
    const interview = await context.newPage();
    await interview.goto(`${baseUrl}/interview/${SLUG}`);
    await answerShortUpToTrustPage(interview);
    await interview.locator('.sd-rating__item', { hasText: /^7$/ }).click();
    await markDocument(interview);
    await interview.evaluate(() => navigator.serviceWorker.addEventListener('controllerchange', () => { (window as unknown as { taken: boolean }).taken = true; }));
    let interviewLoads = 0;
    interview.on('load', () => { interviewLoads += 1; });

    // The new release is out; the enumerator reopens the list in the other tab, which finds it.
    deploy(nextDist);
    await list.reload();
    const notice = list.locator('.update-notice');
    await notice.getByText('A new version of Trustlens is ready. Answers waiting to be sent are kept.').waitFor({ timeout: 90_000 });
    expect(await axeViolations(list)).toEqual([]);
    await notice.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => runningEntry(list), { timeout: 60_000 }).toBe(entryOf(nextDist));

    // The new version now controls the interview's tab too, which goes on as it was.
    await expect.poll(() => interview.evaluate(() => (window as unknown as { taken?: boolean }).taken === true || (window as unknown as { marked?: boolean }).marked !== true), { timeout: 60_000 }).toBe(true);
    expect(await sameDocument(interview)).toBe(true);
    expect(interviewLoads).toBe(0);
    expect(await chosenTrust(interview)).toBe('7');
    expect(await interview.locator('.update-notice').count()).toBe(0);

    await finishShortAfterTrust(interview);
    await interview.getByText('Intervju je sačuvan.').or(interview.getByText('Hvala Vam!')).first().waitFor({ timeout: 60_000 });
    const offer = interview.locator('.update-notice');
    await offer.getByRole('button', { name: 'Ažuriraj sada' }).click();
    await expect.poll(() => runningEntry(interview), { timeout: 60_000 }).toBe(entryOf(nextDist));
    await interview.locator('[data-name="consent"]').waitFor();

    const stored = storedInterviews().filter((row) => !earlier.has(row.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ enumeratorId, answers: BOSNIAN_ANSWERS });
    await context.close();
  }, 300_000);

  it('on a single tablet: interviews queued offline on one version are stored once each, as answered there, after a new version is deployed; the next interview opens in the new version', async () => {
    deploy(firstDist);
    const earlier = new Set(storedInterviews().map((row) => row.id));
    const added = () => storedInterviews().filter((row) => !earlier.has(row.id));
    const { context, page } = await signedInOnce(profiles.create());

    // Out of range: two interviews, each kept on the tablet.
    await loseSignal(context, gate);
    await page.goto(`${baseUrl}/interview/${SLUG}`);
    await answerShortSurveyInBosnian(page, baseUrl, null);
    await page.getByText(SAVED_ON_DEVICE).waitFor();
    await page.getByRole('button', { name: NEXT_INTERVIEW }).click();
    await answerShortSurveyInBosnian(page, baseUrl, null);
    await page.getByText(SAVED_ON_DEVICE).waitFor();
    const queued = (await queuedOnDevice(page)).map((entry) => entry.submission.id).sort();
    expect(queued).toHaveLength(2);
    expect(await runningEntry(page)).toBe(entryOf(firstDist));

    // Meanwhile the next release is deployed; the tablet cannot hear of it yet.
    deploy(nextDist);
    expect(added()).toEqual([]);

    // Back in range: both are sent once, as answered on the version they were answered in, and
    // the new version downloads in the background; the page says so in the interview's language.
    gate.reportRefused();
    await regainSignal(context, gate);
    await expect.poll(() => queuedOnDevice(page), { timeout: 60_000 }).toEqual([]);
    expect(added().map((row) => row.id).sort()).toEqual(queued);
    for (const row of added()) {
      expect(row).toMatchObject({ enumeratorId, version: 1, answers: BOSNIAN_ANSWERS });
      expect(appVersionOf(row)).toBe(FIRST_VERSION);
    }
    await page.locator('.update-notice').getByRole('button', { name: 'Ažuriraj sada' }).waitFor({ timeout: 90_000 });

    // The next interview opens in the new version, and is stored from it.
    await page.getByRole('button', { name: NEXT_INTERVIEW }).click();
    await expect.poll(() => runningEntry(page), { timeout: 60_000 }).toBe(entryOf(nextDist));
    await answerShortSurveyInBosnian(page, baseUrl, null);
    await page.getByText('Hvala Vam!').waitFor({ timeout: 60_000 });
    await expect.poll(() => added().length, { timeout: 30_000 }).toBe(3);
    const next = added().find((row) => !queued.includes(row.id))!;
    expect(next).toMatchObject({ enumeratorId, version: 1, answers: BOSNIAN_ANSWERS });
    expect(appVersionOf(next)).toBe(NEXT_VERSION);
    expect(added()).toHaveLength(3);
    await context.close();
  }, 300_000);
});
