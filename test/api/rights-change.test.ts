import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, shortSurvey, submission } from './helpers.ts';

/**
 * When an admin narrows someone's rights — removes a researcher from a survey, changes a role,
 * disables the account — every session and every API token of theirs is narrowed at the same
 * moment: none keeps reading what the new rights do not allow. On both databases: the microdata
 * is read as the CSV export on both, and also as the list (`…/responses`, data.ts) on SQLite,
 * whose route does not run on PostgreSQL yet (issue #15).
 */
forEachDialect('rights change', ({ testApp }) => {
  let context: DialectApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  type Credential = { name: string; headers: (write?: boolean) => Record<string, string> };

  const bearer = (name: string, token: string): Credential => ({ name, headers: () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' }) });

  async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
    return context.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** The status each credential gets for one request. */
  async function statuses(credentials: Credential[], path: string): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const credential of credentials) result[credential.name] = (await call('GET', path, credential.headers())).status;
    return result;
  }

  const every = (credentials: Credential[], status: number) => Object.fromEntries(credentials.map((credential) => [credential.name, status]));

  async function createSurvey(slug: string) {
    expect((await call('POST', '/api/surveys', admin.headers(true), { slug, content: { definition: shortSurvey().definition, meta: shortSurvey().meta } })).status).toBe(201);
    expect((await call('POST', `/api/surveys/${slug}/publish`, admin.headers(true))).status).toBe(201);
  }

  async function addMember(slug: string, email: string) {
    expect((await call('POST', `/api/surveys/${slug}/members`, admin.headers(true), { email })).status).toBe(201);
  }

  /** A signed-in user's two browsers and their tokens of each role they may grant. */
  async function credentialsOf(email: string, tokenRoles: string[]): Promise<Credential[]> {
    const laptop = await signIn(context.app, email);
    const phone = await signIn(context.app, email);
    const tokens: Credential[] = [];
    for (const role of tokenRoles) {
      const created = await call('POST', '/api/tokens', laptop.headers(true), { name: `${role} script`, role });
      expect(created.status).toBe(201);
      tokens.push(bearer(`${role} token`, (await created.json()).token));
    }
    return [{ name: 'laptop session', headers: laptop.headers }, { name: 'phone session', headers: phone.headers }, ...tokens];
  }

  const userId = async (email: string) => (await context.rows('users')).find((row) => row.email === email)!.id as number;

  /** Where a survey's microdata is read: the CSV export, and the list where its route runs. */
  const microdataPaths = (slug: string) => [
    `/api/surveys/${slug}/exports/microdata.csv`, ...(context.dialect === 'sqlite' ? [`/api/surveys/${slug}/responses`] : []),
  ];

  /** The status each credential gets for each microdata path (the same on every path). */
  async function microdataStatuses(credentials: Credential[], slug: string) {
    const [first, ...rest] = microdataPaths(slug);
    const result = await statuses(credentials, first!);
    for (const path of rest) expect(await statuses(credentials, path), path).toEqual(result);
    return result;
  }

  beforeEach(async () => {
    context = await testApp();
    await createAccount(context.store, 'admin@example.org', 'admin');
    admin = await signIn(context.app, 'admin@example.org');
    await createSurvey('field');
    await createSurvey('other');
  });

  describe('a researcher removed from a survey', () => {
    it('loses it in every session and token at once, and keeps the surveys they still run', async () => {
      await createAccount(context.store, 'res@example.org', 'researcher');
      await addMember('field', 'res@example.org');
      await addMember('other', 'res@example.org');
      const all = await credentialsOf('res@example.org', ['researcher']);
      expect(await microdataStatuses(all, 'field')).toEqual(every(all, 200));

      expect((await call('DELETE', `/api/surveys/field/members/${await userId('res@example.org')}`, admin.headers(true))).status).toBe(204);

      expect(await microdataStatuses(all, 'field')).toEqual(every(all, 403));
      expect(await statuses(all, '/api/surveys/field/draft')).toEqual(every(all, 403));
      expect(await microdataStatuses(all, 'other')).toEqual(every(all, 200));
    });
  });

  describe('a researcher made evaluator', () => {
    it('is signed out everywhere, loses the researcher token, keeps the evaluator token for aggregates only, and no longer runs a survey', async () => {
      await createAccount(context.store, 'res@example.org', 'researcher');
      await addMember('field', 'res@example.org');
      const [laptop, phone, researcherToken, evaluatorToken] = await credentialsOf('res@example.org', ['researcher', 'evaluator']);
      const all = [laptop!, phone!, researcherToken!, evaluatorToken!];
      expect(await microdataStatuses(all, 'field')).toEqual({ ...every(all, 200), 'evaluator token': 403 });

      const changed = await call('PATCH', `/api/users/${await userId('res@example.org')}`, admin.headers(true), { role: 'evaluator' });
      expect(changed.status).toBe(200);

      expect(await microdataStatuses(all, 'field')).toEqual({ ...every(all, 401), 'evaluator token': 403 });
      expect(await statuses(all, '/api/surveys/field/versions')).toEqual({ ...every(all, 401), 'evaluator token': 200 });
      expect(await statuses([evaluatorToken!], '/api/surveys/field/exports/microdata.csv')).toEqual({ 'evaluator token': 403 });
      const audit = await (await call('GET', '/api/audit?action=user.update', admin.headers())).json();
      expect(audit.entries[0].details).toMatchObject({ role: 'evaluator', revokedTokens: [expect.any(String)], leftSurveys: [expect.any(Number)] });

      // Made researcher again: the revoked token stays revoked, and the survey is theirs only once an admin adds them.
      expect((await call('PATCH', `/api/users/${await userId('res@example.org')}`, admin.headers(true), { role: 'researcher' })).status).toBe(200);
      expect(await statuses([researcherToken!], '/api/surveys/field/versions')).toEqual({ 'researcher token': 401 });
      const again = await credentialsOf('res@example.org', []);
      expect(await microdataStatuses(again, 'field')).toEqual(every(again, 403));
    });
  });

  describe('an enumerator made researcher', () => {
    it('does not become a researcher of the surveys they interviewed for, and their enumerator token stops', async () => {
      await createAccount(context.store, 'enum@example.org', 'enumerator');
      await addMember('field', 'enum@example.org');
      const all = await credentialsOf('enum@example.org', ['enumerator']);
      for (const credential of all) expect((await post(context.app, 'field', submission(), credential.headers(true))).status).toBe(201);

      expect((await call('PATCH', `/api/users/${await userId('enum@example.org')}`, admin.headers(true), { role: 'researcher' })).status).toBe(200);

      expect(await statuses(all, '/api/interviews')).toEqual(every(all, 401));
      const signedInAgain = await credentialsOf('enum@example.org', ['researcher']);
      expect(await microdataStatuses(signedInAgain, 'field')).toEqual(every(signedInAgain, 403));
    });
  });

  describe('a disabled account', () => {
    it('loses every session and token at once', async () => {
      await createAccount(context.store, 'res@example.org', 'researcher');
      await addMember('field', 'res@example.org');
      const all = await credentialsOf('res@example.org', ['researcher', 'evaluator']);
      expect((await call('PATCH', `/api/users/${await userId('res@example.org')}`, admin.headers(true), { disabled: true })).status).toBe(200);
      expect(await statuses(all, '/api/auth/me')).toEqual(every(all, 401));
      expect(await statuses(all, '/api/surveys/field/versions')).toEqual(every(all, 401));
    });
  });

  describe('a token wider than its owner', () => {
    it('grants nothing, however the owner\'s role was narrowed (checked on every use)', async () => {
      await createAccount(context.store, 'res@example.org', 'researcher');
      const [, , token] = await credentialsOf('res@example.org', ['researcher']);
      expect(await statuses([token!], '/api/manage/surveys')).toEqual({ 'researcher token': 200 });
      // Changed behind the API's back (by hand in the database): the token must not outlive the role.
      await context.execute('update users set role = ? where id = ?', ['evaluator', await userId('res@example.org')]);
      expect(await statuses([token!], '/api/manage/surveys')).toEqual({ 'researcher token': 401 });
      expect(await statuses([token!], '/api/surveys/field/versions')).toEqual({ 'researcher token': 401 });
    });
  });
});
