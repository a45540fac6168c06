import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { shortSurvey, submission } from './helpers.ts';

/**
 * Every protected endpoint × every role. "allow" means the request gets past authentication and
 * authorisation (any status but 401/403); "deny" means 403; an anonymous caller always gets 401.
 * On both databases: the same answers from SQLite and PostgreSQL.
 */
type Caller = 'admin' | 'researcher' | 'outsider' | 'evaluator' | 'enumerator';
type Rule = { method: string; path: string; body?: () => unknown; allow: Caller[] };

const content = () => ({ definition: shortSurvey().definition, meta: shortSurvey().meta });

const RULES: Rule[] = [
  { method: 'GET', path: '/api/auth/me', allow: ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'] },
  { method: 'POST', path: '/api/auth/password', body: () => ({ currentPassword: 'wrong', newPassword: 'x' }), allow: ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'] },
  { method: 'GET', path: '/api/tokens', allow: ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'] },
  { method: 'POST', path: '/api/tokens', body: () => ({ name: 't' }), allow: ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'] },
  { method: 'DELETE', path: '/api/tokens/nothing', allow: ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'] },
  { method: 'GET', path: '/api/users', allow: ['admin'] },
  { method: 'POST', path: '/api/users', body: () => ({ email: `new${Math.random()}@example.org`, role: 'evaluator' }), allow: ['admin'] },
  { method: 'PATCH', path: '/api/users/999', body: () => ({ role: 'admin' }), allow: ['admin'] },
  { method: 'POST', path: '/api/users/999/password', allow: ['admin'] },
  { method: 'GET', path: '/api/manage/surveys', allow: ['admin', 'researcher', 'outsider'] },
  { method: 'POST', path: '/api/surveys', body: () => ({ slug: `new-${Math.floor(Math.random() * 1e9)}` }), allow: ['admin', 'researcher', 'outsider'] },
  { method: 'POST', path: '/api/surveys/check', body: content, allow: ['admin', 'researcher', 'outsider'] },
  { method: 'GET', path: '/api/surveys/field/draft', allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/draft', allow: ['admin', 'researcher'] },
  { method: 'PUT', path: '/api/surveys/field/draft', body: content, allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/publish', allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/close', allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/open', allow: ['admin', 'researcher'] },
  { method: 'GET', path: '/api/surveys/field/members', allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/members', body: () => ({ email: 'enum@example.org' }), allow: ['admin', 'researcher'] },
  { method: 'DELETE', path: '/api/surveys/field/members/999', allow: ['admin', 'researcher'] },
  { method: 'GET', path: '/api/surveys/field/versions', allow: ['admin', 'researcher', 'evaluator'] },
  { method: 'GET', path: '/api/surveys/field/quality', allow: ['admin', 'researcher', 'evaluator'] },
  { method: 'GET', path: '/api/surveys/field/progress', allow: ['admin', 'researcher', 'evaluator'] },
  { method: 'GET', path: '/api/surveys/field/variables', allow: ['admin', 'researcher', 'evaluator'] },
  { method: 'GET', path: '/api/surveys/field/responses', allow: ['admin', 'researcher'] },
  { method: 'GET', path: '/api/surveys/field/responses/x', allow: ['admin', 'researcher'] },
  { method: 'DELETE', path: '/api/surveys/field/responses/x', allow: ['admin', 'researcher'] },
  { method: 'POST', path: '/api/surveys/field/imports', allow: ['admin', 'researcher'] },
  { method: 'GET', path: '/api/audit', allow: ['admin'] },
  { method: 'GET', path: '/api/interviews', allow: ['enumerator'] },
  { method: 'GET', path: '/api/surveys/field/chart.svg?indicators=trust_fav&by=region', allow: ['admin', 'researcher', 'evaluator'] },
];

const CALLERS: Caller[] = ['admin', 'researcher', 'outsider', 'evaluator', 'enumerator'];

forEachDialect('roles', ({ testApp }) => {
  let context: DialectApp;
  const sessions = new Map<Caller, Awaited<ReturnType<typeof signIn>>>();

  beforeAll(async () => {
    context = await testApp();
    for (const caller of CALLERS) await createAccount(context.store, `${caller}@example.org`, caller === 'outsider' ? 'researcher' : caller);
    for (const caller of CALLERS) sessions.set(caller, await signIn(context.app, `${caller}@example.org`));
    const researcher = sessions.get('researcher')!;
    const call = (method: string, path: string, body?: unknown) =>
      context.app.request(path, { method, headers: researcher.headers(true), body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await call('POST', '/api/surveys', { slug: 'field', content: content() })).status).toBe(201);
    expect((await call('POST', '/api/surveys/field/publish')).status).toBe(201);
    expect((await call('POST', '/api/surveys/field/members', { email: 'enumerator@example.org' })).status).toBe(201);
  });

  describe.each(RULES)('$method $path', (rule) => {
    it('refuses an anonymous caller with 401', async () => {
      const response = await context.app.request(rule.path, {
        method: rule.method, headers: { 'content-type': 'application/json' }, body: rule.body ? JSON.stringify(rule.body()) : undefined,
      });
      expect(response.status).toBe(401);
    });

    it.each(CALLERS)('%s', async (caller) => {
      const response = await context.app.request(rule.path, {
        method: rule.method, headers: sessions.get(caller)!.headers(rule.method !== 'GET'), body: rule.body ? JSON.stringify(rule.body()) : undefined,
      });
      if (rule.allow.includes(caller)) expect([401, 403]).not.toContain(response.status);
      else expect(response.status).toBe(403);
    });
  });

  describe('interviews', () => {
    it('are accepted from an assigned enumerator and refused (403) from anyone signed in as an unassigned one', async () => {
      const body = () => JSON.stringify(submission());
      const assigned = await context.app.request('/api/surveys/field/responses', { method: 'POST', headers: sessions.get('enumerator')!.headers(true), body: body() });
      expect(assigned.status).toBe(201);
      await createAccount(context.store, 'lonely@example.org', 'enumerator');
      const lonely = await signIn(context.app, 'lonely@example.org');
      expect((await context.app.request('/api/surveys/field/responses', { method: 'POST', headers: lonely.headers(true), body: body() })).status).toBe(403);
    });
  });
});
