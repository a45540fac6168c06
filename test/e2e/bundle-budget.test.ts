import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';

// What a resident's phone must download before the first question appears, against issue 14's
// budget: at most 300 KB of gzipped JavaScript. SurveyJS (≈ 345 KB gzipped on its own) comes
// after, in a file of its own; until then the page shows the first questions it can show without
// it (web/src/lib/first-page.ts), and SurveyJS takes over with the answers given.

const BUDGET_BYTES = 300 * 1000;

/** The scripts the page loads before running anything: the entry and every file it imports statically. */
function firstPathScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`import … from"./x.js"`, `import"./x.js"`); `import("./x.js")` is lazy.
    for (const match of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) visit(join('assets', match[1]!));
  };
  visit(entry);
  return [...found];
}

describe('the respondent page\'s first-question path', () => {
  it('is at most 300 KB of gzipped JavaScript, without SurveyJS', () => {
    const dist = inject('webDist');
    const scripts = firstPathScripts(dist);
    const sizes = scripts.map((file) => ({ file, gzipped: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
    const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
    console.log(`first-question path: ${(total / 1000).toFixed(1)} KB gzipped in ${scripts.length} files`);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(BUDGET_BYTES);
    // survey-core's property names survive minification; none of it is on the first path.
    for (const file of scripts) expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain('questionsOnPageMode');
  });
});

describe('the first page before and after SurveyJS arrives', () => {
  let browser: Browser;
  let running: RunningApp;
  // The short questionnaire with a 0-10 scale on its first page: a question type the early page leaves to SurveyJS.
  const short = loadSurveyFile('surveys/bih-police-trust-short.json');
  const pages = structuredClone(short.definition.pages) as { elements: Record<string, unknown>[] }[];
  pages[0]!.elements.splice(2, 0, { type: 'rating', name: 'mood_today', title: { default: 'How is your day, from 0 to 10?', bs: 'Kakav Vam je dan, od 0 do 10?' }, rateMin: 0, rateMax: 10 });
  const withScale: SurveyFile = { ...short, slug: 'early-page', definition: { ...short.definition, pages } };

  beforeAll(async () => {
    browser = await launchBrowser();
    running = await startApp(inject('webDist'), [withScale]);
  });
  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('shows the first question before SurveyJS has loaded; SurveyJS then shows the rest of the page with the answer given', async () => {
    // No service worker: every file comes from the network, where the test can hold SurveyJS back.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/assets/SurveyForm-*.js', async (route: Route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${running.baseUrl}/s/early-page?lang=bs`);

    const early = page.locator('form.first-page');
    await early.getByText('Da li pristajete da učestvujete u ovoj anketi?', { exact: false }).waitFor();
    await early.getByText('Da, pristajem').click();
    // The scale and the questions shown only after an answer wait for SurveyJS.
    expect(await page.getByText('Kakav Vam je dan').count()).toBe(0);
    expect(await page.locator('.sd-root-modern').count()).toBe(0);

    release();
    await page.locator('[data-name="mood_today"] .sd-rating__item', { hasText: /^8$/ }).click();
    expect(await early.count()).toBe(0);
    // The answer given early is SurveyJS's now: the question it shows only after consent is there.
    await page.locator('[data-name="age_18_plus"]').getByText('Da', { exact: true }).click();
    await page.locator('[data-name="lives_in_bih"]').getByText('Ne', { exact: true }).click();
    await page.getByRole('button', { name: 'Završi' }).click();
    await expect.poll(() => running.db.select().from(responses).all().length, { timeout: 20_000 }).toBe(1);
    expect(running.db.select().from(responses).get()!.answers).toEqual({ consent: 1, mood_today: 8, age_18_plus: 1, lives_in_bih: 2 });
    await context.close();
  });

  it('says the questionnaire could not be loaded, instead of going blank, when SurveyJS\'s file never arrives', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let tries = 0;
    await page.route('**/assets/SurveyForm-*.js', async (route: Route) => {
      tries += 1;
      await route.abort('internetdisconnected');
    });
    await page.goto(`${running.baseUrl}/s/early-page?lang=bs`);
    await page.getByRole('alert').getByText('Upitnik se nije mogao učitati').waitFor({ timeout: 30_000 });
    expect(tries).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('link', { name: 'Trustlens' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
