import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { surveyMembers, surveys, users } from '../../api/db/schema.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';
import { createUser } from '../api/accounts.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser, signInPage, startApp, type RunningApp } from './harness.ts';

let browser: Browser;
let running: RunningApp;

beforeAll(async () => {
  browser = await launchBrowser();
  running = await startApp(inject('webDist'), loadSurveyFiles('surveys'));
  createUser(running.db, 'admin@example.org', 'admin');
});
afterAll(async () => {
  await browser.close();
  await running.stop();
});

async function signedIn(email: string, next: string, password?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (password) {
    await page.goto(`${running.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  } else await signInPage(page, running.baseUrl, email, next);
  await page.waitForURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`));
  return page;
}

const memberEmails = (slug: string) => {
  const survey = running.db.select().from(surveys).all().find((entry) => entry.slug === slug)!;
  const ids = running.db.select().from(surveyMembers).all().filter((row) => row.surveyId === survey.id).map((row) => row.userId);
  return running.db.select().from(users).all().filter((user) => ids.includes(user.id)).map((user) => user.email).sort();
};

// Each journey signs in several browsers and runs axe repeatedly: minutes on a busy machine.
describe('accounts and members in the studio', { timeout: 240_000 }, () => {
  it('an admin creates a researcher (password shown once), who sees an empty studio with templates, then the survey once added on its Members page', async () => {
    // The home page leads staff to sign in; the sign-in page passes axe.
    const home = await browser.newPage();
    await home.goto(`${running.baseUrl}/`);
    await home.getByRole('link', { name: /Sign in/ }).click();
    await home.waitForURL(/\/sign-in$/);
    await home.getByLabel('E-mail').waitFor();
    expect(await axeViolations(home)).toEqual([]);
    await home.close();

    const admin = await signedIn('admin@example.org', '/studio');
    await admin.getByRole('row', { name: /bih-police-trust-short/ }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await admin.getByLabel('E-mail', { exact: true }).fill('new.researcher@example.org');
    await admin.getByLabel('Role', { exact: true }).selectOption('researcher');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.getByText('Created researcher account new.researcher@example.org.').waitFor();
    const password = await admin.getByTestId('new-password').innerText();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await admin.getByRole('cell', { name: 'new.researcher@example.org', exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);

    // With the generated password the researcher signs in, runs no survey yet, and is shown how to get one.
    const researcher = await signedIn('new.researcher@example.org', '/studio', password);
    await researcher.getByRole('heading', { name: 'You do not run any survey yet' }).waitFor();
    expect(await researcher.getByRole('link', { name: /start from it.*\(bih-police-trust\)/ }).count()).toBe(1);
    expect(await axeViolations(researcher)).toEqual([]);

    // The admin adds them, and an enumerator, to the full questionnaire on its Members page.
    createUser(running.db, 'enumerator@example.org', 'enumerator');
    await admin.goto(`${running.baseUrl}/studio`);
    await admin.getByRole('link', { name: 'Members of bih-police-trust', exact: true }).click();
    await admin.getByRole('heading', { name: 'Members of bih-police-trust' }).waitFor();
    await admin.getByText(/Accounts that can be added: .*new\.researcher@example\.org \(researcher\)/).waitFor();
    await admin.getByLabel(/Researcher or enumerator/).fill('new.researcher@example.org');
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin.getByText('new.researcher@example.org added to bih-police-trust.').waitFor();
    await admin.getByLabel(/Researcher or enumerator/).fill('enumerator@example.org');
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin.getByRole('table', { name: /Enumerators \(1\)/ }).getByRole('cell', { name: 'enumerator@example.org', exact: true }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    expect(memberEmails('bih-police-trust')).toEqual(['enumerator@example.org', 'new.researcher@example.org']);
    await admin.getByLabel(/Researcher or enumerator/).fill('admin@example.org');
    await admin.getByRole('button', { name: 'Add member' }).click();
    await admin.getByRole('alert').getByText(/Only researchers and enumerators are members of a survey/).waitFor();

    await researcher.reload();
    const row = researcher.getByRole('row', { name: /bih-police-trust / });
    await row.waitFor();
    expect(await researcher.getByRole('row').count()).toBe(2); // the header and that one survey
    expect(await row.innerText()).toContain('open');
    // The researcher assigns enumerators too: they remove the one the admin added.
    await row.getByRole('link', { name: 'Members of bih-police-trust' }).click();
    await researcher.getByRole('button', { name: 'Remove enumerator@example.org' }).click();
    await researcher.getByText('enumerator@example.org removed from bih-police-trust.').waitFor();
    expect(memberEmails('bih-police-trust')).toEqual(['new.researcher@example.org']);
    await researcher.close();
    await admin.close();
  });

  it('an admin changes a role, disables and enables an account and resets its password; the old password stops working', async () => {
    createUser(running.db, 'evaluator@example.org', 'evaluator');
    const admin = await signedIn('admin@example.org', '/admin/users');
    const row = admin.getByRole('row', { name: /evaluator@example\.org/ });
    await row.waitFor();
    await row.getByLabel('Role of evaluator@example.org').selectOption('researcher');
    await row.getByRole('button', { name: 'Change role of evaluator@example.org' }).click();
    await admin.getByText('evaluator@example.org is now researcher; their sessions were ended, so they sign in again. Their API tokens wider than researcher were revoked, and they are no longer a member of any survey (add them again where they should work).').waitFor();
    const stored = () => running.db.select().from(users).all().find((user) => user.email === 'evaluator@example.org')!;
    expect(stored().role).toBe('researcher');

    await row.getByRole('button', { name: 'Disable evaluator@example.org' }).click();
    await row.getByRole('button', { name: 'Enable evaluator@example.org' }).waitFor();
    expect(await row.innerText()).toContain('disabled');
    expect(stored().disabledAt).not.toBeNull();
    await row.getByRole('button', { name: 'Enable evaluator@example.org' }).click();
    await row.getByRole('button', { name: 'Disable evaluator@example.org' }).waitFor();
    expect(stored().disabledAt).toBeNull();

    await row.getByRole('button', { name: 'Reset password of evaluator@example.org' }).click();
    await admin.getByText('New password for evaluator@example.org; their sessions were ended.').waitFor();
    const password = await admin.getByTestId('new-password').innerText();
    expect(await axeViolations(admin)).toEqual([]);
    // An admin's own row cannot be demoted, disabled or reset from here.
    const own = admin.getByRole('row', { name: /admin@example\.org \(you\)/ });
    expect(await own.getByRole('combobox').isDisabled()).toBe(true);
    expect(await own.getByRole('button').count()).toBe(0);
    // A reload shows the password no more: it was shown once.
    await admin.reload();
    await admin.getByRole('row', { name: /evaluator@example\.org/ }).waitFor();
    expect(await admin.getByTestId('new-password').count()).toBe(0);
    await admin.close();

    const old = await browser.newPage();
    await signInPage(old, running.baseUrl, 'evaluator@example.org');
    await old.getByText('The e-mail or the password is wrong.').waitFor();
    await old.close();
    const fresh = await signedIn('evaluator@example.org', '/studio', password);
    await fresh.getByRole('heading', { name: 'Questionnaires' }).waitFor();
    await fresh.close();
  });

  it('a copy gets "Copy of …" and an address of its own; before publishing it has no fieldwork to close', async () => {
    createUser(running.db, 'copier@example.org', 'researcher');
    const page = await signedIn('copier@example.org', '/studio');
    await page.getByRole('link', { name: 'New questionnaire' }).click();
    const title = page.getByLabel('Title (English)', { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Copy of Trust in the police in Bosnia and Herzegovina');
    expect(await page.getByLabel('Title (Српски (ћирилица))', { exact: true }).inputValue()).toBe('Копија: Повјерење у полицију у Босни и Херцеговини');
    expect(await page.getByLabel(/Address \(slug\)/).inputValue()).toBe('bih-police-trust-copy');
    expect(await axeViolations(page)).toEqual([]);
    await title.fill('Trust in the police, Tuzla 2026');
    await page.getByRole('button', { name: 'Create and open the builder' }).click();
    await page.waitForURL(/\/studio\/bih-police-trust-copy\/builder$/);
    await page.getByRole('heading', { name: 'Item bank' }).waitFor();
    await page.getByRole('link', { name: 'All questionnaires' }).click();
    const row = page.getByRole('row', { name: /bih-police-trust-copy/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Trust in the police, Tuzla 2026');
    expect(await row.getByRole('cell').nth(3).innerText()).toBe('not published');
    expect(await row.getByRole('button').count()).toBe(0);
    await page.close();
  });
});
