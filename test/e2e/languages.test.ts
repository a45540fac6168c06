import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSurveyFile } from '../../surveys/load.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust.json')]);
});
afterAll(async () => {
  await running.stop();
  await browser.close();
});

async function open(language: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 412, height: 900 } });
  await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=${language}`);
  return page;
}

describe('the full questionnaire in every language', () => {
  it('shows Serbian Cyrillic questions, choices and Next button, and moves on in Cyrillic', async () => {
    const page = await open('sr-Cyrl');
    await page.getByText('Да ли пристајете да учествујете у овој анкети?').waitFor();
    await expect(page.getByText('Повјерење у полицију у Босни и Херцеговини').first().isVisible()).resolves.toBe(true);
    await page.getByText('Да, пристајем', { exact: true }).click();
    await page.locator('.sd-question', { hasText: '18 или више година' }).getByText('Да', { exact: true }).click();
    await page.locator('.sd-question', { hasText: 'живите у Босни и Херцеговини' }).getByText('Да', { exact: true }).click();
    await page.getByRole('button', { name: 'Сљедећа' }).click();
    await page.getByText('Гдје живите?').waitFor();
    await expect(page.getByText('Република Српска', { exact: true }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  const firstPages: [language: string, question: string, no: string, complete: string, next: string][] = [
    ['en', 'Do you agree to take part in this survey?', 'No', 'Complete', 'Next'],
    ['bs', 'Da li pristajete da učestvujete u ovoj anketi?', 'Ne', 'Završi', 'Sljedeća'],
    ['hr', 'Pristajete li sudjelovati u ovoj anketi?', 'Ne', 'Završi', 'Sljedeća'],
    ['sr-Latn', 'Da li pristajete da učestvujete u ovoj anketi?', 'Ne', 'Završi', 'Sljedeća'],
  ];
  for (const [language, question, no, complete, next] of firstPages) {
    it(`shows the first page in ${language}, with Next, and Complete once the respondent declines`, async () => {
      const page = await open(language);
      // SurveyJS's page (the early one, shown while SurveyJS loads, has no buttons).
      await page.locator('[data-name="consent"]').getByText(question).waitFor();
      await expect(page.getByRole('button', { name: next }).isVisible()).resolves.toBe(true);
      await page.getByText(no, { exact: true }).click();
      await page.getByRole('button', { name: complete }).waitFor();
      await page.close();
    });
  }
});
