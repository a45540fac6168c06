import type { Page } from 'playwright-core';

/** The answers the browser tests give, and how a resident gives them on the page (in Bosnian). */
export const BOSNIAN_ANSWERS = {
  consent: 1,
  age_18_plus: 1,
  lives_in_bih: 1,
  region: 'sarajevo',
  trust_police: 7,
  pf_respect: 3,
  pf_fair: 2,
  channels_used: ['station', 'facebook'],
};

/** Agrees to take part and says they are 18 or older and live in BiH, in Bosnian, then goes on. */
export async function passScreeningInBosnian(page: Page): Promise<void> {
  await page.locator('[data-name="consent"]').getByText('Da, pristajem', { exact: true }).click();
  await page.locator('[data-name="age_18_plus"]').getByText('Da', { exact: true }).click();
  await page.locator('[data-name="lives_in_bih"]').getByText('Da', { exact: true }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
}

/** Answers the short survey in Bosnian, opening `path` first unless `path` is null (already there). */
export async function answerShortSurveyInBosnian(page: Page, baseUrl: string, path: string | null = '/s/bih-police-trust-short'): Promise<void> {
  if (path !== null) await page.goto(`${baseUrl}${path}`);
  await page.locator('select#language').selectOption('bs');
  await passScreeningInBosnian(page);
  await page.locator('.sd-dropdown').first().click();
  await page.getByRole('option', { name: 'Kanton Sarajevo' }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.locator('.sd-rating__item', { hasText: /^7$/ }).click();
  await page.locator('.sd-question', { hasText: 's poštovanjem' }).getByText('Često', { exact: true }).click();
  await page.locator('.sd-question', { hasText: 'nepristrasne' }).getByText('Ne baš često', { exact: true }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.getByText('Lično, u policijskoj stanici').click();
  await page.getByText('Facebook stranica policije').click();
  await page.getByRole('button', { name: 'Završi' }).click();
}
