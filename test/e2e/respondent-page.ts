import type { Page } from 'playwright-core';

/** The answers the browser tests give, and how a resident gives them on the page (in Bosnian). */
export const BOSNIAN_ANSWERS = {
  region: 'sarajevo',
  trust_police: 7,
  pf_respect: 3,
  pf_fair: 2,
  channels_used: ['station', 'facebook'],
};

/** Answers the short survey in Bosnian, opening `path` first unless `path` is null (already there). */
export async function answerShortSurveyInBosnian(page: Page, baseUrl: string, path: string | null = '/s/bih-police-trust-short'): Promise<void> {
  if (path !== null) await page.goto(`${baseUrl}${path}`);
  await page.locator('select#language').selectOption('bs');
  await page.locator('.sd-dropdown').first().click();
  await page.getByRole('option', { name: 'Kanton Sarajevo' }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.locator('.sd-rating__item', { hasText: /^7$/ }).click();
  await page.locator('.sd-question', { hasText: 's poštovanjem' }).getByText('Često', { exact: true }).click();
  await page.locator('.sd-question', { hasText: 'nepristrasne' }).getByText('Ne baš često', { exact: true }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.getByText('Lično u policijskoj stanici').click();
  await page.getByText('Policija na Facebooku').click();
  await page.getByRole('button', { name: 'Završi' }).click();
}
