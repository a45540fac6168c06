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
import { signInPage } from './harness.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from './offline-browser.ts';
import { answerShortUpToTrustPage, BOSNIAN_ANSWERS, finishShortAfterTrust } from './respondent-page.ts';

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
      fetch: app.fetch,
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
});
