/**
 * `npm run bench:web` (not a test): how long a resident on a slow phone waits for the first
 * question of the full questionnaire (issue 14: cold ≤ 5 s, warm ≤ 1.5 s; 13.4 s before).
 *
 * The production build (made here, in a temporary folder) is served by the real app on a fresh
 * database. Debian's Chromium opens /s/bih-police-trust with CDP throttling on the page: slow 4G
 * (150 ms round trip, 1.6 Mbps down, 750 kbps up; Network.emulateNetworkConditions) and a 4×
 * slower CPU (Emulation.setCPUThrottlingRate). Timed in the page (performance.now() from the
 * start of navigation, checked at every frame by a script installed before the page's own):
 * - first question: the consent question on screen, answerable (the early page or SurveyJS);
 * - SurveyJS: the same question rendered by SurveyJS, which shows the rest of the page.
 * Cold: a new browser profile each run (no HTTP cache, no service worker). Warm: a profile that
 * visited once, so the service worker has the app's files; a new tab opens the page again.
 * The worker's own requests (the questionnaire, network-first) are not throttled by the page's
 * CDP session; the questionnaire is a 304 of a few hundred bytes, one round trip of 150 ms.
 *
 * BENCH_WEB_BEFORE_DIST=/path/to/dist also times a build of an older checkout, served by the same
 * server (without compressed copies next to its files it goes out uncompressed), e.g. the commit
 * before issue 14 (c57a4a7). BENCH_RUNS (5) runs each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { loadSurveyFile } from '../../surveys/load.ts';
import { startApp, type RunningApp } from '../e2e/harness.ts';
import { firstPage, kept, offlineReady, openBrowser, profileFolders } from '../e2e/offline-browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PATH = '/s/bih-police-trust';
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

interface Timing {
  firstQuestion: number;
  surveyJs: number;
}

/**
 * Notes, in the page, when the consent question first appears in any form and when SurveyJS
 * renders it (checked at every frame). A string, not a function: tsx would wrap a function's inner
 * functions in a helper the page does not have.
 */
const TIME_FIRST_QUESTION = `
  const marks = (window.__marks = {});
  const check = () => {
    if (marks.firstQuestion === undefined && document.querySelector('form.first-page fieldset, [data-name="consent"] input')) marks.firstQuestion = performance.now();
    if (marks.surveyJs === undefined && document.querySelector('[data-name="consent"] input')) marks.surveyJs = performance.now();
    if (marks.surveyJs === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

async function throttled(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function visit(context: BrowserContext, page: Page, baseUrl: string): Promise<Timing> {
  await page.addInitScript(TIME_FIRST_QUESTION);
  await throttled(context, page);
  await page.goto(`${baseUrl}${PATH}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __marks: Timing }).__marks.surveyJs !== undefined, undefined, { timeout: 120_000, polling: 200 });
  return page.evaluate(() => (window as unknown as { __marks: Timing }).__marks);
}

async function cold(baseUrl: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const profiles = profileFolders();
    const context = await openBrowser(profiles.create());
    timings.push(await visit(context, await firstPage(context), baseUrl));
    await context.close();
    profiles.removeAll();
  }
  return timings;
}

async function warm(baseUrl: string): Promise<Timing[]> {
  const profiles = profileFolders();
  const context = await openBrowser(profiles.create());
  const first = await firstPage(context);
  await first.goto(`${baseUrl}${PATH}`);
  await first.locator('[data-name="consent"]').waitFor();
  await offlineReady(first);
  await kept(first, '/api/surveys/bih-police-trust');
  const timings: Timing[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await context.newPage();
    timings.push(await visit(context, page, baseUrl));
    await page.close();
  }
  await context.close();
  profiles.removeAll();
  return timings;
}

function report(label: string, timings: Timing[]): void {
  const first = timings.map((timing) => timing.firstQuestion);
  const full = timings.map((timing) => timing.surveyJs);
  console.log(`${label}: first question median ${seconds(median(first))} (runs ${first.map(seconds).join(', ')}); SurveyJS median ${seconds(median(full))} (runs ${full.map(seconds).join(', ')})`);
}

async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'trustlens-bench-web-'));
  process.env.NODE_ENV = 'production';
  await build({ configFile: 'web/vite.config.ts', mode: 'production', build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  return outDir;
}

async function main(): Promise<void> {
  console.log(`bench:web, ${new Date().toISOString()}, load ${load()}, ${RUNS} runs each; slow 4G (150 ms, 1.6/0.75 Mbps), CPU 4× slower`);
  const full = loadSurveyFile('surveys/bih-police-trust.json');
  const dist = await buildWeb();
  const servers: { label: string; running: RunningApp }[] = [];
  try {
    if (process.env.BENCH_WEB_BEFORE_DIST) {
      servers.push({ label: 'before', running: await startApp(resolve(process.env.BENCH_WEB_BEFORE_DIST), [full]) });
    }
    servers.push({ label: 'now', running: await startApp(dist, [full]) });
    for (const { label, running } of servers) {
      report(`${label}, cold`, await cold(running.baseUrl));
      // An older build without a service worker has no warm start to speak of.
      if (label === 'now') report(`${label}, warm`, await warm(running.baseUrl));
    }
  } finally {
    await Promise.all(servers.map(({ running }) => running.stop()));
    rmSync(dist, { recursive: true, force: true });
  }
  console.log(`load after: ${load()}`);
}

await main();
