import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyMembers } from '../../api/db/schema.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { createUser, signIn } from '../api/accounts.ts';
import { QUALITY_ITEMS, qualitySurvey } from '../fixtures/api/quality-survey.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;
const made: { liner?: string; copies: string[] } = { copies: [] };

/** Answers that differ from one interview to the next (seed → the same answers every run). */
const varied = (seed: number) => Object.fromEntries(QUALITY_ITEMS.map((item, index) => [item, 1 + ((seed >> (index * 2)) % 4)]));

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [qualitySurvey()]);
  const surveyId = findVersion(running.db, 'quality')!.surveyId;
  const server = { request: (path: string, init?: RequestInit) => fetch(`${running.baseUrl}${path}`, init) };
  for (const [email, role] of [['res@example.org', 'researcher'], ['eval@example.org', 'evaluator'], ['ana@example.org', 'enumerator'], ['boris@example.org', 'enumerator']] as const) {
    const user = createUser(running.db, email, role);
    if (role !== 'evaluator') running.db.insert(surveyMembers).values({ surveyId, userId: user.id }).run();
  }
  const send = async (email: string, answers: Record<string, unknown>, minutes: number) => {
    const session = await signIn(server, email);
    const id = crypto.randomUUID();
    const startedAt = '2026-05-04T08:00:00.000Z';
    const response = await fetch(`${running.baseUrl}/api/surveys/quality/responses`, {
      method: 'POST', headers: session.headers(true),
      body: JSON.stringify({ id, language: 'en', answers, startedAt, completedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString() }),
    });
    expect(response.status).toBe(201);
    return id;
  };
  for (let index = 0; index < 6; index++) await send('ana@example.org', varied(index * 397 + 11), 10 + index / 3);
  made.liner = await send('boris@example.org', { pf_respect: 2, pf_fair: 2, pf_explain: 2, int_bribes: 4, int_force: 4, int_law: 4 }, 9);
  const copied = varied(1234);
  made.copies.push(await send('boris@example.org', copied, 11), await send('boris@example.org', { ...copied }, 12));
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function openQuality(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInPage(page, running.baseUrl, email, '/studio/quality/monitor');
  await page.waitForURL(/\/studio\/quality\/monitor$/);
  await page.getByRole('link', { name: 'Quality checks' }).click();
  await page.waitForURL(/\/studio\/quality\/quality$/);
  await page.getByRole('table', { name: 'Quality by enumerator' }).waitFor();
  return page;
}

describe('the quality view', () => {
  it('shows a researcher each enumerator\'s flags, with links to the responses behind them, and passes axe', async () => {
    const page = await openQuality('res@example.org');
    const boris = page.getByRole('row', { name: /boris@example\.org/ });
    await expect(boris.getByRole('cell').nth(0).textContent()).resolves.toBe('3');
    // The straight-lined interview, behind its disclosure, opens the stored response.
    await boris.getByText('Show', { exact: false }).first().waitFor();
    const straightCell = boris.getByRole('cell').nth(3);
    await straightCell.getByText(/Show/).click();
    const link = straightCell.getByRole('link', { name: new RegExp(made.liner!) });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/surveys/quality/responses/${made.liner}`);
    const record = await page.request.get(`${running.baseUrl}${href}`);
    expect(record.status()).toBe(200);
    expect(((await record.json()) as { id: string }).id).toBe(made.liner);
    const identicalCell = boris.getByRole('cell').nth(5);
    await identicalCell.getByText(/Show/).click();
    for (const id of made.copies) await identicalCell.getByRole('link', { name: new RegExp(id) }).waitFor();
    // Ana's honest interviews raise nothing.
    const ana = page.getByRole('row', { name: /ana@example\.org/ });
    await expect(ana.getByRole('cell').allTextContents()).resolves.toEqual(['6', expect.stringMatching(/min/), '0', '0', expect.stringMatching(/^0%/), '0']);
    await page.getByRole('table', { name: 'Interviews per day (UTC)' }).getByRole('row', { name: /2026-05-04/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows an evaluator the counts only: no links, no names, and passes axe', async () => {
    const page = await openQuality('eval@example.org');
    await page.getByText('evaluators see the counts').waitFor();
    const rows = await page.getByRole('table', { name: 'Quality by enumerator' }).getByRole('row').allTextContents();
    expect(rows.join(' ')).not.toContain('@example.org');
    expect(rows.some((row) => row.startsWith('Enumerator 2'))).toBe(true);
    await expect(page.locator('.quality-table a').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
