import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { responses } from '../../api/db/schema.ts';
import { loadSurveyFile } from '../../surveys/load.ts';
import { launchBrowser, startApp, type RunningApp } from './harness.ts';

/**
 * Residents complete the whole published instrument (surveys/bih-police-trust.json) in a real
 * browser: screening, where they live (region is a hidden question worked out from entity and
 * canton), the construct pages, the contact skip logic, and submission, which the server accepts
 * only when every answer — `region` included — agrees with the questionnaire.
 */

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  running = await startApp(inject('webDist'), [loadSurveyFile('surveys/bih-police-trust.json')]);
});
afterEach(async () => {
  await running.stop();
});

function storedResponses() {
  return running.db.select().from(responses).all();
}

/** The question whose title contains these words (only questions of the current page are on screen). */
function question(page: Page, titleWords: string): Locator {
  return page.locator('.sd-question', { has: page.locator('.sd-question__title', { hasText: titleWords }) });
}

async function choose(page: Page, titleWords: string, choice: string): Promise<void> {
  await question(page, titleWords).getByText(choice, { exact: true }).click();
}

async function rate(page: Page, titleWords: string, value: number): Promise<void> {
  await question(page, titleWords).locator('.sd-rating__item', { hasText: new RegExp(`^${value}$`) }).click();
}

/**
 * A question that has just appeared (the canton, once the Federation is chosen) slides in; a
 * dropdown opened while the page still moves is closed again by SurveyJS. A person waits for the
 * page to settle before opening it, so the test does too.
 */
async function pick(page: Page, titleWords: string, option: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await question(page, titleWords).locator('.sd-dropdown').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits for a page by its title, so a click on Next that did not move on fails here, not later. */
async function onPage(page: Page, title: string): Promise<void> {
  await page.locator('.sd-page__title', { hasText: title }).waitFor();
}

/** Submission errors are shown by the page; surfacing them makes a refused submission readable. */
async function thankYouOrError(page: Page, thanks: string): Promise<void> {
  const refused = page.locator('.notice-error');
  await Promise.race([
    page.getByText(thanks, { exact: true }).waitFor(),
    refused.waitFor().then(async () => {
      throw new Error(`submission not accepted: ${await refused.innerText()}`);
    }),
  ]);
}

describe('a resident completing the full questionnaire in a browser', () => {
  it('in Serbian Cyrillic, living in Republika Srpska, with contact by 122 and Facebook: stored once, with the region worked out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=sr-Cyrl`);
    const next = page.getByRole('button', { name: 'Сљедећа' });

    await onPage(page, 'О овој анкети');
    await choose(page, 'Да ли пристајете', 'Да, пристајем');
    await choose(page, '18 или више година', 'Да');
    await choose(page, 'живите у Босни и Херцеговини', 'Да');
    await next.click();

    await onPage(page, 'Мјесто становања');
    await choose(page, 'Гдје живите?', 'Република Српска');
    // The canton is asked only in the Federation.
    await expect(question(page, 'У ком кантону').count()).resolves.toBe(0);
    await next.click();

    await onPage(page, 'Повјерење у институције');
    await rate(page, 'лично имате повјерења', 6);
    await choose(page, 'У којој мјери имате повјерења', 'Прилично много');
    await next.click();

    await onPage(page, 'Колико добро полиција ради');
    await rate(page, 'у хватању починилаца провала', 5);
    await next.click();

    await onPage(page, 'Како полиција поступа са људима');
    await choose(page, 'доноси правичне и непристрасне одлуке', 'Често');
    await next.click();

    await onPage(page, 'Полиција и закон');
    await next.click(); // every question here is optional

    await onPage(page, 'Полиција и Ви');
    await rate(page, 'да подржите одлуке полиције', 8);
    await choose(page, 'вриједности које су важне', 'Слажем се');
    await next.click();

    await onPage(page, 'Контакт са полицијом');
    await choose(page, 'били у контакту са полицијом? На примјер', 'Да');
    await choose(page, 'Ко је започео те контакте?', 'Полиција се обратила мени');
    await choose(page, 'На које сте од ових начина', 'Телефоном, на број за хитне случајеве 122');
    await choose(page, 'На које сте од ових начина', 'Facebook страница полиције');
    await next.click();

    await onPage(page, 'Ваш посљедњи контакт са полицијом');
    // The most recent contact can only have been by one of the two channels ticked.
    const lastChannel = question(page, 'Сјетите се свог посљедњег контакта');
    await expect(lastChannel.locator('.sd-item').allInnerTexts()).resolves.toEqual([
      'Телефоном, на број за хитне случајеве 122',
      'Facebook страница полиције',
    ]);
    await lastChannel.getByText('Facebook страница полиције', { exact: true }).click();
    await choose(page, 'колико сте били задовољни', 'Задовољан/на');
    await choose(page, 'поступала са поштовањем', 'Углавном да');
    await next.click();

    await onPage(page, 'Полиција на интернету и начини контакта');
    await choose(page, 'има профиле на друштвеним мрежама', 'Да');
    await choose(page, 'Да ли пратите неки од профила', 'Не');
    await rate(page, 'у информације које полиција објављује', 7);
    await next.click();

    await onPage(page, 'Ваш крај');
    await choose(page, 'ходате по свом крају', 'Безбједно');
    await next.click();

    await onPage(page, 'О Вама');
    await choose(page, 'Који је Ваш пол?', 'Женски');
    await choose(page, 'Колико имате година?', '30 до 44');
    await page.getByRole('button', { name: 'Заврши' }).click();

    await thankYouOrError(page, 'Хвала Вам!');
    await expect(page.getByText('Ваши одговори су сачувани.').isVisible()).resolves.toBe(true);

    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.language).toBe('sr-Cyrl');
    expect(stored[0]!.answers).toEqual({
      consent: 1,
      age_18_plus: 1,
      lives_in_bih: 1,
      entity: 'republika_srpska',
      region: 'republika_srpska',
      trust_police: 6,
      conf_police: 2,
      eff_burglars: 5,
      pf_fair: 3,
      leg_back_decisions: 8,
      leg_values: 2,
      contact_any: 1,
      contact_initiated: 'police',
      channels_used: ['phone_122', 'facebook'],
      last_channel: 'facebook',
      last_satisfaction: 4,
      last_respect: 3,
      sm_aware: 1,
      sm_follows: 2,
      sm_info_trust: 7,
      safe_dark: 2,
      sex: 2,
      age_group: '30_44',
    });
    await page.close();
  });

  it('in Bosnian on a phone, living in Kanton Sarajevo, with no contact: the contact details are skipped and the canton is the region', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=bs`);
    const next = page.getByRole('button', { name: 'Sljedeća' });

    await onPage(page, 'O ovoj anketi');
    await choose(page, 'Da li pristajete', 'Da, pristajem');
    await choose(page, '18 ili više godina', 'Da');
    await choose(page, 'živite u Bosni i Hercegovini', 'Da');
    await next.click();

    await onPage(page, 'Mjesto stanovanja');
    await choose(page, 'Gdje živite?', 'Federacija Bosne i Hercegovine');
    // Required in the Federation: Next without a canton stays on the page.
    await next.click();
    await expect(question(page, 'U kojem kantonu').locator('.sd-question__erbox').first().isVisible()).resolves.toBe(true);
    await pick(page, 'U kojem kantonu', 'Kanton Sarajevo');
    await next.click();

    await onPage(page, 'Povjerenje u institucije');
    await rate(page, 'lično imate povjerenja', 3);
    await rate(page, 'u sudove?', 2);
    await next.click();

    await onPage(page, 'Koliko dobro policija radi');
    await next.click();

    await onPage(page, 'Kako policija postupa s ljudima');
    await choose(page, 'postupa prema bogatim', 'Prema bogatima i siromašnima se postupa jednako');
    await next.click();

    await onPage(page, 'Policija i zakon');
    await choose(page, 'primaju mito', 'Ne znam');
    await next.click();

    await onPage(page, 'Policija i Vi');
    await next.click();

    await onPage(page, 'Kontakt s policijom');
    await choose(page, 'bili u kontaktu s policijom? Na primjer', 'Ne');
    await expect(question(page, 'Ko je započeo te kontakte?').count()).resolves.toBe(0);
    await expect(question(page, 'Na koje ste od ovih načina').count()).resolves.toBe(0);
    await next.click();

    // The most-recent-contact page is skipped.
    await onPage(page, 'Policija na internetu i načini kontakta');
    await choose(page, 'ima profile na društvenim mrežama', 'Ne');
    await expect(question(page, 'Da li pratite neki od profila').count()).resolves.toBe(0);
    await next.click();

    await onPage(page, 'Vaš kraj');
    await next.click();

    await onPage(page, 'O Vama');
    await choose(page, 'Koji je Vaš spol?', 'Muški');
    await choose(page, 'Koliko imate godina?', '60 ili više');
    await page.getByRole('button', { name: 'Završi' }).click();

    await thankYouOrError(page, 'Hvala Vam!');

    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.language).toBe('bs');
    expect(stored[0]!.answers).toEqual({
      consent: 1,
      age_18_plus: 1,
      lives_in_bih: 1,
      entity: 'fbih',
      canton: 'sarajevo',
      region: 'sarajevo',
      trust_police: 3,
      trust_courts: 2,
      df_rich_poor: 3,
      int_bribes: 8,
      contact_any: 2,
      sm_aware: 2,
      sex: 1,
      age_group: '60_plus',
    });
    await page.close();
  });

  it('in English, changing their mind: the canton and a most recent channel they unticked are not sent, and the region follows the new answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${running.baseUrl}/s/bih-police-trust?lang=en`);
    const next = page.getByRole('button', { name: 'Next' });

    await onPage(page, 'About this survey');
    await choose(page, 'Do you agree to take part', 'Yes, I agree');
    await choose(page, '18 years of age or older', 'Yes');
    await choose(page, 'live in Bosnia and Herzegovina', 'Yes');
    await next.click();

    await onPage(page, 'Where you live');
    await choose(page, 'Where do you live?', 'Federation of Bosnia and Herzegovina');
    await pick(page, 'In which canton', 'Sarajevo Canton');
    await choose(page, 'Where do you live?', 'Brčko District of Bosnia and Herzegovina');
    await question(page, 'In which canton').waitFor({ state: 'detached' });
    await next.click();

    for (const title of ['Trust in institutions', 'How well the police work', 'How the police treat people', 'The police and the law', 'The police and you']) {
      await onPage(page, title);
      await next.click();
    }

    await onPage(page, 'Contact with the police');
    await choose(page, 'contact with the police in any way', 'Yes');
    await choose(page, 'in which of these ways', 'Face to face at a police station');
    await choose(page, 'in which of these ways', "The police's Facebook page");
    await next.click();

    await onPage(page, 'Your most recent contact');
    await choose(page, 'most recent contact', "The police's Facebook page");
    await page.getByRole('button', { name: 'Previous' }).click();

    await onPage(page, 'Contact with the police');
    await choose(page, 'in which of these ways', "The police's Facebook page"); // unticked
    await next.click();

    await onPage(page, 'Your most recent contact');
    const lastChannel = question(page, 'most recent contact');
    await expect(lastChannel.locator('.sd-item').allInnerTexts()).resolves.toEqual(['Face to face at a police station']);
    await expect(lastChannel.locator('.sd-item--checked').count()).resolves.toBe(0);
    await next.click();

    for (const title of ['The police online and ways to reach them', 'Your neighbourhood']) {
      await onPage(page, title);
      await next.click();
    }
    await onPage(page, 'About you');
    await page.getByRole('button', { name: 'Complete' }).click();

    await thankYouOrError(page, 'Thank you!');
    const stored = storedResponses();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.language).toBe('en');
    expect(stored[0]!.answers).toEqual({
      consent: 1,
      age_18_plus: 1,
      lives_in_bih: 1,
      entity: 'brcko',
      region: 'brcko',
      contact_any: 1,
      channels_used: ['station'],
    });
    await page.close();
  });
});
