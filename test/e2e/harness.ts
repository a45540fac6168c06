import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../api/app.ts';
import { openDatabase, type Db } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';
import { PASSWORD } from '../api/accounts.ts';
import { behindGate, SignalGate } from './no-signal.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningApp {
  baseUrl: string;
  db: Db;
  /** Cuts browsers off from this server while a tablet has no signal (no-signal.ts). */
  signal: SignalGate;
  stop: () => Promise<void>;
}

/**
 * The real app on a fresh SQLite file, listening on a free port, with the given questionnaires
 * published (by default every questionnaire in surveys/).
 */
export async function startApp(webDist: string, surveyFiles: SurveyFile[] = loadSurveyFiles('surveys')): Promise<RunningApp> {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-e2e-'));
  const db = openDatabase(join(folder, 'test.db'));
  publishSurveyFiles(db, surveyFiles);
  const app = createApp({ db, config: { bodyLimitBytes: 512 * 1024, webDist } });
  const signal = new SignalGate();
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: behindGate(app.fetch, signal), port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    signal,
    stop: () => new Promise((resolve) => server.close(() => {
      db.$client.close();
      rmSync(folder, { recursive: true, force: true });
      resolve();
    })),
  };
}

/** Debian's Chromium, headless, with a fresh profile and no background calls to outside hosts. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * Signs `page` in through the sign-in form as `email` (an account made with createUser, so the
 * test password), asking to go on to `next` when given. Callers wait for the page they expect.
 */
export async function signInPage(page: Page, baseUrl: string, email: string, next?: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
