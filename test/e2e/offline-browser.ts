import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './harness.ts';

/**
 * A browser with a profile on disk, as a phone's or a tablet's: closing it and opening the same
 * profile again is a browser restart (service worker, IndexedDB and cookies kept).
 */
export function openBrowser(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 412, height: 900 },
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Fresh profiles on disk, removed by `removeAll` once the tests are done. */
export function profileFolders() {
  const made: string[] = [];
  return {
    create(): string {
      const profile = mkdtempSync(join(tmpdir(), 'trustlens-profile-'));
      made.push(profile);
      return profile;
    },
    removeAll(): void {
      made.forEach((profile) => rmSync(profile, { recursive: true, force: true }));
    },
  };
}

/** The page of a persistent context (it opens with one). */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? await context.newPage();
}

/** Waits until the service worker controls the page and has stored the app's files. */
export async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Waits until the worker's cache holds the answer for `path` (kept after the page asked for it). */
export async function kept(page: Page, path: string): Promise<void> {
  await page.waitForFunction(async (wanted) => Boolean(await caches.match(wanted)), path, { polling: 100 });
}
