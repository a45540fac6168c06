import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localized } from '../../surveys/languages.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import type { LanguageCode } from '../../surveys/types.ts';
import { uiDictionaries } from '../../surveys/ui-strings/index.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';
import { LANGUAGES, openFirstPage, openRatingPage, WORDS } from './respondent-page.ts';

/**
 * The respondent pages for people using a screen reader or a keyboard, in every language: no
 * axe-core WCAG 2.1 A/AA violation, a tab title and screen-reader labels in the language on
 * screen, focus on the new page's heading after Next, and a progress text that is never stale.
 */

const SLUGS = ['bih-police-trust', 'bih-police-trust-short'] as const;
const TITLES = Object.fromEntries(SLUGS.map((slug) => [slug, loadSurveyFile(`surveys/${slug}.json`).definition.title]));
/** survey-core's English screen-reader texts that used to show in every language. */
const ENGLISH_LABELS = ['Progress bar', 'Select', 'No data to display', 'Clear', 'Type to search...'];

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'));
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function phonePage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
}

/** Every aria-label and title on the page (the texts a screen reader reads that are not on screen). */
function screenReaderTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('[aria-label], [title]')].flatMap((element) => [element.getAttribute('aria-label'), element.getAttribute('title')]).filter((text): text is string => Boolean(text)));
}

describe('axe-core finds no WCAG 2.1 A/AA violation on the respondent pages', () => {
  for (const slug of SLUGS) {
    it(`${slug}: the first page and a page of 0-10 scales, in all five languages`, async () => {
      const page = await phonePage();
      for (const language of LANGUAGES) {
        await openFirstPage(page, `${running.baseUrl}/s/${slug}?lang=${language}`);
        expect(await axeViolations(page), `${slug} first page, ${language}`).toEqual([]);
        await openRatingPage(page, running.baseUrl, slug, language);
        expect(await axeViolations(page), `${slug} rating page, ${language}`).toEqual([]);
      }
      await page.close();
    }, 300_000);
  }

  it('after a screen-out, on the questionnaire\'s end message, and on a page with an unanswered required question', async () => {
    const page = await phonePage();
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=sr-Cyrl`);
    await page.getByRole('button', { name: WORDS['sr-Cyrl']!.next }).click();
    await page.locator('.sd-question__erbox').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-name="consent"]').getByText(WORDS['sr-Cyrl']!.no, { exact: true }).click();
    await page.getByRole('button', { name: WORDS['sr-Cyrl']!.complete }).click();
    await page.getByText('Хвала Вам на времену.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('texts around the questions, in the language on screen', () => {
  it('names the survey in the tab title and reads out the progress bar and the dropdown in each language', async () => {
    const page = await phonePage();
    for (const slug of SLUGS) {
      for (const language of LANGUAGES) {
        await openRatingPage(page, running.baseUrl, slug, language);
        expect(await page.title()).toBe(`${localized(TITLES[slug], language as LanguageCode)} – Trustlens`);
        const progressLabel = language === 'en' ? 'Progress bar' : uiDictionaries[language]!.strings.progressbar;
        await expect(page.getByRole('progressbar').first().getAttribute('aria-label')).resolves.toBe(progressLabel);
        if (language !== 'en') {
          const english = (await screenReaderTexts(page)).filter((text) => ENGLISH_LABELS.includes(text));
          expect(english, `${slug} ${language}`).toEqual([]);
        }
      }
    }
    // The dropdown's own buttons and list, opened, in Bosnian.
    await openFirstPage(page, `${running.baseUrl}/s/bih-police-trust-short?lang=bs`);
    await page.locator('[data-name="consent"]').getByText('Da, pristajem', { exact: true }).click();
    await page.locator('[data-name="age_18_plus"]').getByText('Da', { exact: true }).click();
    await page.locator('[data-name="lives_in_bih"]').getByText('Da', { exact: true }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    await page.locator('[data-name="region"] .sd-dropdown').click();
    await page.getByRole('option', { name: 'Kanton Sarajevo' }).waitFor();
    const texts = await screenReaderTexts(page);
    expect(texts.filter((text) => ENGLISH_LABELS.includes(text))).toEqual([]);
    expect(texts).toContain('Odaberite');
    await page.close();
  }, 240_000);

  it('changes the tab title with the language', async () => {
    const page = await phonePage();
    await openFirstPage(page, `${running.baseUrl}/s/bih-police-trust?lang=en`);
    expect(await page.title()).toBe('Trust in the police in Bosnia and Herzegovina – Trustlens');
    await page.locator('select#language').selectOption('sr-Cyrl');
    await expect.poll(() => page.title()).toBe('Повјерење у полицију у Босни и Херцеговини – Trustlens');
    await page.close();
  }, 60_000);
});

describe('page changes for keyboard and screen-reader users', () => {
  it('moves focus to the new page\'s heading after Next (by keyboard or by tap) and announces the page number', async () => {
    const page = await phonePage();
    await openFirstPage(page, `${running.baseUrl}/s/bih-police-trust?lang=bs`);
    await page.locator('[data-name="consent"]').getByText('Da, pristajem', { exact: true }).click();
    await page.locator('[data-name="age_18_plus"]').getByText('Da', { exact: true }).click();
    await page.locator('[data-name="lives_in_bih"]').getByText('Da', { exact: true }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.sd-page__title', { hasText: 'Mjesto stanovanja' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Mjesto stanovanja');
    // A real heading, one of an outline a screen reader can jump through: survey, page, questions.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Povjerenje u policiju u Bosni i Hercegovini');
    await expect(page.getByRole('heading', { level: 3, name: 'Gdje živite?' }).count()).resolves.toBe(1);
    await expect(page.getByRole('status').filter({ hasText: 'Stranica 2 od 11' }).count()).resolves.toBe(1);

    await page.locator('[data-name="entity"]').getByText('Republika Srpska', { exact: true }).click();
    await page.getByRole('button', { name: 'Sljedeća' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Povjerenje u institucije');
    await page.getByRole('button', { name: 'Prethodna' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Mjesto stanovanja');
    await page.close();
  }, 60_000);

  it('keeps "Page x of y" right after a screen-out answer and after a language switch', async () => {
    const page = await phonePage();
    const progress = () => page.locator('.sd-progress-buttons__page-title').innerText();
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=bs`);
    await expect.poll(progress).toBe('Stranica 1 od 11');
    // Declining hides every later page: there is one page left, this one.
    await page.locator('[data-name="consent"]').getByText('Ne', { exact: true }).click();
    await expect.poll(progress).toBe('Stranica 1 od 1');
    await page.locator('select#language').selectOption('en');
    await expect.poll(progress).toBe('Page 1 of 1');
    await page.locator('[data-name="consent"]').getByText('Yes, I agree', { exact: true }).click();
    await page.locator('[data-name="age_18_plus"]').getByText('No', { exact: true }).click();
    await expect.poll(progress).toBe('Page 1 of 1');
    await page.locator('[data-name="age_18_plus"]').getByText('Yes', { exact: true }).click();
    await expect.poll(progress).toBe('Page 1 of 11');
    await page.locator('select#language').selectOption('sr-Cyrl');
    await expect.poll(progress).toBe('Страница 1 од 11');
    await page.close();
  }, 60_000);

  it('does not slide questions in and out for someone whose system asks for reduced motion', async () => {
    const animationsOnReveal = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await phonePage();
      await page.emulateMedia({ reducedMotion });
      await openFirstPage(page, `${running.baseUrl}/s/bih-police-trust?lang=en`);
      await page.locator('[data-name="consent"]').getByText('Yes, I agree', { exact: true }).waitFor();
      // Agreeing reveals the age question; count the animations running in the next frames.
      const count = await page.evaluate(async () => {
        const agree = [...document.querySelectorAll<HTMLElement>('[data-name="consent"] .sd-item__control-label')].find((label) => label.innerText.trim() === 'Yes, I agree')!;
        agree.click();
        let most = 0;
        for (let frame = 0; frame < 10; frame += 1) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          // Keyframe animations (SurveyJS sliding a question in), not a choice's colour transition.
          most = Math.max(most, document.getAnimations().filter((animation) => animation instanceof CSSAnimation).length);
        }
        return most;
      });
      await page.locator('[data-name="age_18_plus"]').waitFor();
      await page.close();
      return count;
    };
    expect(await animationsOnReveal('no-preference')).toBeGreaterThan(0);
    expect(await animationsOnReveal('reduce')).toBe(0);
  }, 60_000);
});
