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
  await answerShortUpToTrustPage(page);
  await finishShortFromTrustPage(page);
}

/** The short survey's first two pages in Bosnian (screening, region), up to the trust page on screen. */
export async function answerShortUpToTrustPage(page: Page): Promise<void> {
  await page.locator('select#language').selectOption('bs');
  await passScreeningInBosnian(page);
  await page.locator('.sd-dropdown').first().click();
  await page.getByRole('option', { name: 'Kanton Sarajevo' }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.locator('.sd-rating__item', { hasText: /^7$/ }).waitFor();
}

/** From the short survey's trust page (in Bosnian) to the end: the rest of BOSNIAN_ANSWERS, then Complete. */
export async function finishShortFromTrustPage(page: Page): Promise<void> {
  await page.locator('.sd-rating__item', { hasText: /^7$/ }).click();
  await finishShortAfterTrust(page);
}

/** The same, once 7 is already chosen on the trust page. */
export async function finishShortAfterTrust(page: Page): Promise<void> {
  await page.locator('.sd-question', { hasText: 's poštovanjem' }).getByText('Često', { exact: true }).click();
  await page.locator('.sd-question', { hasText: 'nepristrasne' }).getByText('Ne baš često', { exact: true }).click();
  await page.getByRole('button', { name: 'Sljedeća' }).click();
  await page.getByText('Lično, u policijskoj stanici').click();
  await page.getByText('Facebook stranica policije').click();
  await page.getByRole('button', { name: 'Završi' }).click();
}

/** The words a respondent clicks to get past the first page, in each language the questionnaires offer. */
export const WORDS: Record<string, { agree: string; yes: string; no: string; next: string; complete: string; republikaSrpska: string }> = {
  en: { agree: 'Yes, I agree', yes: 'Yes', no: 'No', next: 'Next', complete: 'Complete', republikaSrpska: 'Republika Srpska' },
  bs: { agree: 'Da, pristajem', yes: 'Da', no: 'Ne', next: 'Sljedeća', complete: 'Završi', republikaSrpska: 'Republika Srpska' },
  hr: { agree: 'Da, pristajem', yes: 'Da', no: 'Ne', next: 'Sljedeća', complete: 'Završi', republikaSrpska: 'Republika Srpska' },
  'sr-Latn': { agree: 'Da, pristajem', yes: 'Da', no: 'Ne', next: 'Sljedeća', complete: 'Završi', republikaSrpska: 'Republika Srpska' },
  'sr-Cyrl': { agree: 'Да, пристајем', yes: 'Да', no: 'Не', next: 'Сљедећа', complete: 'Заврши', republikaSrpska: 'Република Српска' },
};

export const LANGUAGES = Object.keys(WORDS);

/**
 * Opens a questionnaire in `language` and goes on to its first page of 0-10 scales: consent and
 * eligibility, then Republika Srpska as where the respondent lives (a choice in the full
 * instrument, a dropdown in the short one), then Next. `pages` is /s for residents, /interview
 * for an enumerator's interview.
 */
/**
 * Opens a questionnaire on its first page. A device that left the same questionnaire half-way
 * (an earlier step of the same test) is offered to continue; this starts over instead.
 */
export async function openFirstPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-name="consent"], .resume-offer').first().waitFor();
  if (await page.locator('.resume-offer').count()) {
    await page.locator('.resume-offer button').nth(1).click();
    await page.locator('[data-name="consent"]').waitFor();
  }
}

export async function openRatingPage(page: Page, baseUrl: string, slug: 'bih-police-trust' | 'bih-police-trust-short', language: string, pages = '/s'): Promise<void> {
  const words = WORDS[language]!;
  await openFirstPage(page, `${baseUrl}${pages}/${slug}?lang=${language}`);
  await page.locator('[data-name="consent"]').getByText(words.agree, { exact: true }).click();
  await page.locator('[data-name="age_18_plus"]').getByText(words.yes, { exact: true }).click();
  await page.locator('[data-name="lives_in_bih"]').getByText(words.yes, { exact: true }).click();
  await page.getByRole('button', { name: words.next }).click();
  if (slug === 'bih-police-trust') {
    await page.locator('[data-name="entity"]').getByText(words.republikaSrpska, { exact: true }).click();
  } else {
    await page.locator('[data-name="region"] .sd-dropdown').click();
    await page.getByRole('option', { name: words.republikaSrpska, exact: true }).click();
  }
  await page.getByRole('button', { name: words.next }).click();
  await page.locator('.sd-rating__item').first().waitFor();
}
