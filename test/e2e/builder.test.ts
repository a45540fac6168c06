import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { responses, surveyDrafts, surveys, surveyVersions } from '../../api/db/schema.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

export const SCREENSHOTS = 'test-results/screenshots';
let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), loadSurveyFiles('surveys'));
  createUser(running.db, 'builder@example.org', 'researcher');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function signedIn(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInPage(page, running.baseUrl, 'builder@example.org', '/studio');
  await page.waitForURL(/\/studio$/);
  return page;
}

/** Fills one text in the four written languages; Serbian Cyrillic follows Serbian Latin. */
async function fillTexts(page: Page, label: string, texts: [string, string, string, string]) {
  const languages = ['English', 'Bosanski', 'Hrvatski', 'Srpski (latinica)'];
  for (const [index, language] of languages.entries()) await page.getByLabel(`${label} (${language})`, { exact: true }).fill(texts[index]!);
}

/**
 * Resolves once dnd-kit says (in its live region for screen readers) that `item` is being dragged
 * over `place`. It says so after it has measured the list and taken the last key or pointer move
 * in, so a key or a release sent after this acts where the test sees the item, however slowly
 * the page renders.
 */
async function draggedOver(page: Page, item: string, place: string): Promise<void> {
  await page.locator('[id^="DndLiveRegion"]', { hasText: `Draggable item ${item} was moved over droppable area ${place}.` }).waitFor({ state: 'attached' });
}

async function createBlank(page: Page, slug: string) {
  await page.getByRole('link', { name: 'New questionnaire' }).click();
  await page.getByLabel(/Address \(slug\)/).fill(slug);
  await page.getByLabel(/^Blank, in five languages/).check();
  await fillTexts(page, 'Title', ['Police and you', 'Policija i Vi', 'Policija i Vi', 'Policija i Vi']);
  expect(await page.getByLabel('Title (Српски (ћирилица))', { exact: true }).inputValue()).toBe('Полиција и Ви');
  await page.getByRole('button', { name: 'Create and open the builder' }).click();
  await page.waitForURL(new RegExp(`/studio/${slug}/builder$`));
  await page.getByRole('heading', { name: 'Item bank' }).waitFor();
}

describe('the questionnaire builder', () => {
  it('builds a questionnaire from the bank with an own question and a skip rule, previews it in Serbian Cyrillic, publishes, and a resident answers it', async () => {
    const page = await signedIn();
    await createBlank(page, 'police-and-you');

    // Items from the bank: one found by its ESS variable, a whole construct, one found by words.
    await page.getByLabel('ESS variable').selectOption('trstplc');
    await page.getByRole('button', { name: 'Add trust_police' }).click();
    await page.getByLabel('ESS variable').selectOption('');
    await page.getByLabel('Construct').selectOption('procedural_fairness');
    await page.getByRole('button', { name: /Add the whole construct .*Procedural fairness.* \(3 items\)/ }).click();
    await page.getByLabel('Construct').selectOption('');
    await page.getByLabel('Search items').fill('kontaktu s policijom 12 mjeseci');
    await page.getByRole('button', { name: 'Add contact_any' }).click();

    // An own question in every language, Serbian Cyrillic filled from Latin.
    await fillTexts(page, 'New question text', ['Which police station is nearest to you?', 'Koja policijska stanica Vam je najbliža?', 'Koja policijska postaja Vam je najbliža?', 'Koja policijska stanica Vam je najbliža?']);
    expect(await page.getByLabel('New question text (Српски (ћирилица))', { exact: true }).inputValue()).toBe('Која полицијска станица Вам је најближа?');
    await fillTexts(page, 'Choice 1', ['In my town', 'U mom mjestu', 'U mom mjestu', 'U mom mjestu']);
    await fillTexts(page, 'Choice 2', ['Elsewhere', 'Negdje drugo', 'Negdje drugo', 'Negdje drugo']);
    await page.getByLabel('Question name (permanent key of the answers)').fill('nearest_station');
    await page.getByRole('button', { name: 'Add this question' }).click();
    const row = page.locator('[data-question="nearest_station"]');
    await row.waitFor();

    // Skip rule: only for residents who had contact with the police.
    await row.getByRole('button', { name: 'Edit nearest_station' }).click();
    await row.getByRole('button', { name: 'Add a condition' }).click();
    await row.getByLabel('Question', { exact: true }).selectOption('contact_any');
    await row.getByLabel('Answer').selectOption('1');
    await row.getByText('shown if {contact_any} = 1').waitFor();
    await row.getByRole('button', { name: 'Close nearest_station' }).click();

    // Reorder by keyboard: pf_explain goes up above pf_fair, and back down with the button.
    const order = () => page.locator('[data-question]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-question')));
    await page.getByRole('button', { name: 'Edit pf_explain' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await order()).toEqual(['trust_police', 'pf_respect', 'pf_explain', 'pf_fair', 'contact_any', 'nearest_station']);
    await page.getByRole('button', { name: 'Move down pf_explain' }).press('Enter');
    expect(await order()).toEqual(['trust_police', 'pf_respect', 'pf_fair', 'pf_explain', 'contact_any', 'nearest_station']);
    // Drag and drop by keyboard (dnd-kit): lift contact_any, move it up once, drop it. Each key
    // waits until dnd-kit has taken the last one in (it announces where the item is): a key
    // pressed before that, on a busy machine, acts on the old place.
    await page.getByRole('button', { name: 'Drag contact_any' }).focus();
    await page.keyboard.press('Space');
    await draggedOver(page, 'contact_any', 'contact_any');
    await page.keyboard.press('ArrowUp');
    await draggedOver(page, 'contact_any', 'pf_explain');
    await page.keyboard.press('Space');
    await expect.poll(order).toEqual(['trust_police', 'pf_respect', 'pf_fair', 'contact_any', 'pf_explain', 'nearest_station']);
    // …and with the mouse: drag trust_police onto pf_respect's place.
    const handle = await page.getByRole('button', { name: 'Drag trust_police' }).boundingBox();
    const target = await page.locator('[data-question="pf_respect"]').boundingBox();
    await page.mouse.move(handle!.x + handle!.width / 2, handle!.y + handle!.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle!.x + 5, handle!.y + 20, { steps: 5 });
    await draggedOver(page, 'trust_police', 'trust_police');
    await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height - 5, { steps: 10 });
    // Released only once the drag has reached pf_respect: dnd-kit drops where it last saw the
    // pointer, a render or two after the move, which a busy machine may not have painted yet.
    await draggedOver(page, 'trust_police', 'pf_respect');
    await page.mouse.up();
    await expect.poll(order).toEqual(['pf_respect', 'trust_police', 'pf_fair', 'contact_any', 'pf_explain', 'nearest_station']);
    await page.getByRole('checkbox', { name: 'Required (trust_police)' }).check();

    await page.getByText('The checker finds no problem').waitFor();

    // Live preview as a resident on a phone, in Serbian Cyrillic.
    await page.getByLabel('Preview language').selectOption('sr-Cyrl');
    const phone = page.getByTestId('phone-preview');
    await phone.getByText('Колико Ви лично имате повјерења у полицију?').waitFor();
    // survey-react-ui lays the questionnaire out for a phone (its mobile mode) inside the 360 px frame.
    expect((await phone.locator('.sd-root-modern').boundingBox())!.width).toBeLessThanOrEqual(360);
    await phone.locator('.sd-root-modern--mobile').waitFor();
    await phone.locator('.sd-question', { hasText: 'у контакту' }).getByText('Да', { exact: true }).click();
    await phone.getByText('Која полицијска станица Вам је најближа?').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/builder.png`, fullPage: true });

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 1\./).waitFor();
    const survey = running.db.select().from(surveys).all().find((entry) => entry.slug === 'police-and-you')!;
    const version = running.db.select().from(surveyVersions).all().find((entry) => entry.surveyId === survey.id)!;
    expect((version.meta as { languages: string[] }).languages).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
    expect((version.meta as { indicators: { id: string }[] }).indicators.map((indicator) => indicator.id)).toContain('procedural_fairness_score');
    await page.close();

    // A resident answers the published questionnaire in Serbian Cyrillic.
    const resident = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await resident.goto(`${running.baseUrl}/s/police-and-you?lang=sr-Cyrl`);
    await resident.locator('.sd-rating__item', { hasText: /^7$/ }).click();
    await resident.locator('.sd-question', { hasText: 'у контакту' }).getByText('Да', { exact: true }).click();
    await resident.locator('.sd-question', { hasText: 'најближа' }).getByText('У мом мјесту', { exact: true }).click();
    await resident.getByRole('button', { name: 'Заврши' }).click();
    await resident.getByText('Ваши одговори су сачувани.').waitFor();
    const stored = running.db.select().from(responses).all().filter((entry) => entry.surveyId === survey.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.language).toBe('sr-Cyrl');
    expect(stored[0]!.answers).toMatchObject({ trust_police: 7, contact_any: 1, nearest_station: 1 });
    await resident.close();

    // The researcher sees it on the fieldwork monitor.
    const monitor = await signedIn();
    await monitor.getByRole('link', { name: 'Fieldwork monitor police-and-you' }).click();
    await monitor.getByTestId('total').getByText('1').waitFor();
    expect(await monitor.getByRole('table', { name: 'By language' }).innerText()).toMatch(/Српски \(ћирилица\)\s+1/);
    await monitor.getByText('1 completed of 1 started on the web').waitFor();
    expect(await monitor.getByRole('table', { name: /Latest submissions/ }).innerText()).toContain('sr-Cyrl');
    await monitor.close();
  });

  it('finds items by inflected, diacritic-free and Cyrillic words, brings the skip logic of a construct, and warns when it is taken away', async () => {
    const page = await signedIn();
    await createBlank(page, 'contact-pilot');
    const search = page.getByLabel('Search items');
    // The bank says "povjerenja", "sigurno"/"sigurnosti", "učestvujete".
    for (const [query, item] of [['povjerenje', 'trust_police'], ['поверење', 'trust_courts'], ['sigurnost', 'safe_dark'], ['ucestvujete', 'consent']]) {
      await search.fill(query!);
      await page.getByRole('button', { name: `Add ${item}` }).waitFor();
    }
    await search.fill('povjerenje');
    await page.getByRole('button', { name: 'Add trust_police' }).click();
    await search.fill('');

    await page.getByLabel('Construct').selectOption('contact');
    await page.getByRole('button', { name: /Add the whole construct .*Contact with the police.* \(8 items\)/ }).click();
    for (const name of ['contact_initiated', 'channels_used', 'last_channel', 'last_reason', 'last_satisfaction', 'last_respect', 'last_solved']) {
      await page.locator(`[data-question="${name}"]`).getByText('shown if {contact_any} = 1').waitFor();
    }
    await page.getByText('The checker finds no problem').waitFor();
    expect(await page.getByText(/\d+ warnings?/).count()).toBe(0);
    // In the preview, someone with no contact is not asked how the contact took place.
    const phone = page.getByTestId('phone-preview');
    const contact = phone.locator('.sd-question', { hasText: 'been in contact with the police in any way' });
    await contact.getByText('No', { exact: true }).click();
    expect(await phone.getByText('Think of your most recent contact with the police').count()).toBe(0);
    await contact.getByText('Yes', { exact: true }).click();
    await phone.getByText('Think of your most recent contact with the police').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // One follow-up on its own brings its filter question.
    await page.getByLabel('Construct').selectOption('channels');
    await page.getByRole('button', { name: 'Add sm_follows' }).click();
    await page.getByText('Added sm_follows, and sm_aware before it: the item bank asks sm_follows only after that question.').waitFor();

    // Taking the condition away is allowed, but the checker warns beside the question and above.
    const row = page.locator('[data-question="last_reason"]');
    await row.getByRole('button', { name: 'Edit last_reason' }).click();
    await row.getByRole('button', { name: 'Remove condition 1' }).click();
    await row.getByText("Warning: visibleIf: is asked of everyone, without the item bank's condition {contact_any} = 1").waitFor();
    await page.getByText('1 warning').waitFor();
    await page.getByText('The checker finds no problem').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);

  it('asks before unsaved changes are lost by a link, Back, sign-out or a reload, and lets a saved draft go', async () => {
    const page = await signedIn();
    await createBlank(page, 'guarded');
    await page.getByRole('button', { name: 'Add trust_police' }).click();
    await page.getByText('· unsaved changes').waitFor();
    const dialogs: string[] = [];
    const answer = (accept: boolean) => page.once('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void (accept ? dialog.accept() : dialog.dismiss());
    });

    answer(false);
    await page.getByRole('link', { name: 'All questionnaires' }).click();
    await expect.poll(() => dialogs).toEqual(['confirm: This draft has unsaved changes. Leave the builder and lose them?']);
    expect(page.url()).toMatch(/\/studio\/guarded\/builder$/);
    expect(await page.locator('[data-question="trust_police"]').count()).toBe(1);

    answer(false);
    await page.goBack();
    await expect.poll(() => dialogs.length).toBe(2);
    await page.locator('[data-question="trust_police"]').waitFor();
    expect(page.url()).toMatch(/\/studio\/guarded\/builder$/);

    answer(false);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => dialogs.length).toBe(3);
    await page.locator('[data-question="trust_police"]').waitFor();

    // A reload asks through the browser's own dialog; staying keeps the changes.
    answer(false);
    void page.reload().catch(() => undefined);
    await expect.poll(() => dialogs.length).toBe(4);
    expect(dialogs[3]).toMatch(/^beforeunload/);
    await page.locator('[data-question="trust_police"]').waitFor();
    expect(await page.getByText('· unsaved changes').count()).toBe(1);

    // Saved, nothing is asked any more.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    await page.getByRole('link', { name: 'All questionnaires' }).click();
    await page.waitForURL(/\/studio$/);
    expect(dialogs).toHaveLength(4);

    // Leaving anyway is the user's choice.
    await page.getByRole('link', { name: 'Edit in builder guarded' }).click();
    await page.locator('[data-question="trust_police"]').waitFor();
    await page.getByRole('button', { name: 'Add trust_courts' }).click();
    answer(true);
    await page.getByRole('link', { name: 'All questionnaires' }).click();
    await page.waitForURL(/\/studio$/);
    expect(dialogs).toHaveLength(5);
    await page.close();
  }, 240_000);

  it('refuses to publish a questionnaire with an untranslated question, and says which', async () => {
    const page = await signedIn();
    await createBlank(page, 'untranslated');
    await page.getByRole('button', { name: 'Add trust_police' }).click();
    await page.getByLabel('Kind of question').selectOption('text');
    await page.getByLabel('New question text (English)', { exact: true }).fill('Anything else you want to tell us?');
    await page.getByRole('button', { name: 'Add this question' }).click();
    const row = page.locator('[data-question="anything_else_you_want_to"]');
    await row.getByText('title: text missing in bs, hr, sr-Latn, sr-Cyrl').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('Not published. The draft cannot be published until these problems are fixed.').waitFor();
    expect(await refusal.innerText()).toContain('Question “anything_else_you_want_to” — title: text missing in bs, hr, sr-Latn, sr-Cyrl');
    expect(await axeViolations(page)).toEqual([]);
    const survey = running.db.select().from(surveys).all().find((entry) => entry.slug === 'untranslated')!;
    expect(running.db.select().from(surveyVersions).all().filter((entry) => entry.surveyId === survey.id)).toHaveLength(0);
    await page.close();
  });

  it('starts from the BiH template, edits the channel list, a quota and an indicator label, and exports and imports SurveyJS JSON', async () => {
    const page = await signedIn();
    await page.getByRole('link', { name: 'New questionnaire' }).click();
    await page.getByLabel(/Address \(slug\)/).fill('bih-wave-2');
    await page.getByLabel(/^A template published with Trustlens/).check();
    await page.getByRole('combobox', { name: /^Template/ }).selectOption('bih-police-trust');
    await page.getByRole('button', { name: 'Create and open the builder' }).click();
    await page.getByText('The checker finds no problem').waitFor();
    expect(await page.locator('[data-question]').count()).toBe(50);
    // The preview passes axe on the consent page and on a page of 0–10 ratings (SurveyJS's own colours did not).
    const phone = page.getByTestId('phone-preview');
    await phone.getByText('Yes, I agree').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await phone.getByText('Yes, I agree').click();
    await phone.locator('.sd-question', { hasText: '18 years' }).getByText('Yes', { exact: true }).click();
    await phone.locator('.sd-question', { hasText: 'live in Bosnia' }).getByText('Yes', { exact: true }).click();
    await phone.getByRole('button', { name: 'Next' }).click();
    await phone.getByText('Republika Srpska', { exact: true }).click();
    await phone.getByRole('button', { name: 'Next' }).click();
    await phone.getByText('How much do you personally trust the police?').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A new contact channel, in every language; the channel dimension follows.
    await page.getByRole('tab', { name: 'Settings and lists' }).click();
    const channels = page.getByRole('group', { name: /Contact channel list/ });
    await channels.getByLabel('New choice (English)', { exact: true }).fill('Viber group of the station');
    await channels.getByLabel('New choice (Bosanski)', { exact: true }).fill('Viber grupa stanice');
    await channels.getByLabel('New choice (Hrvatski)', { exact: true }).fill('Viber grupa postaje');
    await channels.getByLabel('New choice (Srpski (latinica))', { exact: true }).fill('Viber grupa stanice');
    expect(await channels.getByLabel('New choice (Српски (ћирилица))', { exact: true }).inputValue()).toBe('Viber група станице');
    await channels.getByRole('button', { name: 'Add choice' }).click();
    await channels.getByText('viber_group_of_the_station', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Indicators and quotas' }).click();
    await page.getByLabel('Sarajevo Canton').fill('120');
    await page.getByLabel('Label of trust_fav').fill('Trusts the police (6–10)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    const survey = running.db.select().from(surveys).all().find((entry) => entry.slug === 'bih-wave-2')!;
    const saved = running.db.select().from(surveyDrafts).all().find((entry) => entry.surveyId === survey.id)!;
    const meta = saved.meta as { quotas: { region: Record<string, number> }; dimensions: { channel: { multiple: Record<string, string> } }; indicators: { id: string; label: string }[] };
    expect(meta.quotas.region).toEqual({ sarajevo: 120 });
    expect(meta.dimensions.channel.multiple.viber_group_of_the_station).toBe('channels_used_viber_group_of_the_station');
    expect(meta.indicators.find((indicator) => indicator.id === 'trust_fav')!.label).toBe('Trusts the police (6–10)');

    // Export, then import plain SurveyJS JSON from another tool.
    await page.getByRole('tab', { name: 'Import / export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.slug).toBe('bih-wave-2');
    expect(exported.meta.quotas.region.sarajevo).toBe(120);
    const file = join(tmpdir(), `surveyjs-${Date.now()}.json`);
    // Questions in top-level elements and a camelCase name, as other SurveyJS tools write them: put on a page and renamed.
    writeFileSync(file, JSON.stringify({ title: { default: 'From another tool', bs: 'Iz drugog alata' }, elements: [{ type: 'boolean', name: 'feelsSafe', title: { default: 'Do you feel safe?', bs: 'Osjećate li se sigurno?' } }] }));
    await page.getByLabel('Import JSON file').setInputFiles(file);
    await page.getByText(/Imported surveyjs-.*\.json/).waitFor();
    expect(await page.locator('.rename-list li').allInnerTexts()).toEqual(['feelsSafe → feels_safe']);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('[data-question]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-question')))).toEqual(['feels_safe']);
    await page.getByText('The checker finds no problem').waitFor();
    await page.close();
  }, 240_000);
});
