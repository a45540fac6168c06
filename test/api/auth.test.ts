import { expect, it } from 'vitest';
import { createAccount, PASSWORD, signIn } from './accounts.ts';
import { forEachDialect } from './dialects.ts';

function signInRequest(email: string, password: string) {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) };
}

forEachDialect('signing in and out', (ctx) => {
  it('signs in with e-mail and password, setting an HttpOnly SameSite session cookie, and knows who you are', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const response = await app.request('/api/auth/sign-in', signInRequest('RES@example.org ', PASSWORD));
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^trustlens_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: 'res@example.org', role: 'researcher' });
    expect(body.user.passwordHash).toBeUndefined();

    const me = await app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'res@example.org' }, role: 'researcher', via: 'session', csrfToken: body.csrfToken });
  });

  it('says the same thing for a wrong password and for an unknown e-mail', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const wrongPassword = await app.request('/api/auth/sign-in', signInRequest('res@example.org', 'not the password'));
    const unknownEmail = await app.request('/api/auth/sign-in', signInRequest('nobody@example.org', 'not the password'));
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
  });

  it('refuses a disabled account', async () => {
    const { app, store } = await ctx.testApp();
    const admin = await (async () => { await createAccount(store, 'admin@example.org', 'admin'); return signIn(app, 'admin@example.org'); })();
    const user = await createAccount(store, 'gone@example.org', 'evaluator');
    const session = await signIn(app, 'gone@example.org');
    await app.request(`/api/users/${user.id}`, { method: 'PATCH', headers: admin.headers(true), body: JSON.stringify({ disabled: true }) });
    expect((await app.request('/api/auth/me', { headers: session.headers() })).status).toBe(401);
    expect((await app.request('/api/auth/sign-in', signInRequest('gone@example.org', PASSWORD))).status).toBe(401);
  });

  it('limits sign-in attempts per account, even with the right password afterwards (429 with Retry-After)', async () => {
    const { app, store } = await ctx.testApp({ limits: { signInPerAccount: 3 } });
    await createAccount(store, 'res@example.org', 'researcher');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await app.request('/api/auth/sign-in', signInRequest('res@example.org', 'guess'))).status).toBe(401);
    }
    const blocked = await app.request('/api/auth/sign-in', signInRequest('res@example.org', PASSWORD));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).error.type).toBe('rate_limited');
  });

  it('limits sign-in attempts per client across accounts', async () => {
    const { app } = await ctx.testApp({ limits: { signInPerClient: 2 } });
    expect((await app.request('/api/auth/sign-in', signInRequest('a@example.org', 'x'))).status).toBe(401);
    expect((await app.request('/api/auth/sign-in', signInRequest('b@example.org', 'x'))).status).toBe(401);
    expect((await app.request('/api/auth/sign-in', signInRequest('c@example.org', 'x'))).status).toBe(429);
  });

  it('signs out: the cookie no longer works', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const session = await signIn(app, 'res@example.org');
    expect((await app.request('/api/auth/sign-out', { method: 'POST', headers: session.headers(true) })).status).toBe(204);
    expect((await app.request('/api/auth/me', { headers: session.headers() })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token (403) and accepts it with', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const session = await signIn(app, 'res@example.org');
    const withoutToken = await app.request('/api/tokens', { method: 'POST', headers: session.headers(false), body: JSON.stringify({ name: 'x' }) });
    expect(withoutToken.status).toBe(403);
    expect((await withoutToken.json()).error.message).toContain('X-CSRF-Token');
    const withToken = await app.request('/api/tokens', { method: 'POST', headers: session.headers(true), body: JSON.stringify({ name: 'x' }) });
    expect(withToken.status).toBe(201);
  });
});

forEachDialect('changing a password', (ctx) => {
  it('needs the current password and a long enough new one, then ends other sessions', async () => {
    const { app, store, rows } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const session = await signIn(app, 'res@example.org');
    const other = await signIn(app, 'res@example.org');
    const change = (body: unknown) => app.request('/api/auth/password', { method: 'POST', headers: session.headers(true), body: JSON.stringify(body) });

    expect((await (await change({ currentPassword: 'wrong', newPassword: 'a new long password' })).json()).error.details).toEqual([{ field: 'currentPassword', issue: 'is wrong' }]);
    expect((await (await change({ currentPassword: PASSWORD, newPassword: 'short' })).json()).error.details).toEqual([{ field: 'newPassword', issue: 'must have at least 12 characters' }]);
    const changed = await change({ currentPassword: PASSWORD, newPassword: 'a new long password' });
    expect(changed.status).toBe(200);

    expect((await app.request('/api/auth/me', { headers: other.headers() })).status).toBe(401);
    expect((await app.request('/api/auth/sign-in', signInRequest('res@example.org', PASSWORD))).status).toBe(401);
    await signIn(app, 'res@example.org', 'a new long password');
    expect((await rows('audit_log')).map((entry) => entry.action)).toContain('auth.password-change');
  });
});

forEachDialect('API tokens', (ctx) => {
  it('are shown once, stored hashed, work as Bearer tokens, record their last use, and stop working when revoked', async () => {
    const { app, store, rows } = await ctx.testApp();
    await createAccount(store, 'res@example.org', 'researcher');
    const session = await signIn(app, 'res@example.org');
    const created = await app.request('/api/tokens', { method: 'POST', headers: session.headers(true), body: JSON.stringify({ name: 'R scripts', role: 'evaluator' }) });
    expect(created.status).toBe(201);
    const { token, id } = await created.json();
    expect(token).toMatch(/^tl_[\w-]{12}_[\w-]{43}$/);
    // The secret is the last 43 characters (base64url, which may itself contain "_": splitting on
    // "_" could leave a two-letter tail that any hash or date contains).
    expect(JSON.stringify(await rows('api_tokens'))).not.toContain(token.slice(-43));

    const me = await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ role: 'evaluator', via: 'token' });
    const listed = await (await app.request('/api/tokens', { headers: session.headers() })).json();
    expect(listed.tokens).toEqual([expect.objectContaining({ id, name: 'R scripts', role: 'evaluator', lastUsedAt: expect.any(String), revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await app.request(`/api/tokens/${id}`, { method: 'DELETE', headers: session.headers(true) })).status).toBe(204);
    const afterRevoke = await app.request('/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(afterRevoke.status).toBe(401);
  });

  it('cannot be wider than their owner, nor be made with another token', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'eval@example.org', 'evaluator');
    const session = await signIn(app, 'eval@example.org');
    const wider = await app.request('/api/tokens', { method: 'POST', headers: session.headers(true), body: JSON.stringify({ name: 'x', role: 'admin' }) });
    expect(wider.status).toBe(422);
    expect((await wider.json()).error.details).toEqual([{ field: 'role', issue: 'must be one of evaluator' }]);
    const { token } = await (await app.request('/api/tokens', { method: 'POST', headers: session.headers(true), body: JSON.stringify({ name: 'x' }) })).json();
    const viaToken = await app.request('/api/tokens', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'y' }) });
    expect(viaToken.status).toBe(403);
  });

  it('refuses a malformed or made-up token with 401', async () => {
    const { app } = await ctx.testApp();
    for (const header of ['Bearer nonsense', `Bearer tl_${'a'.repeat(12)}_${'b'.repeat(43)}`, 'Basic dXNlcjpwYXNz']) {
      expect((await app.request('/api/auth/me', { headers: { authorization: header } })).status).toBe(401);
    }
  });
});

forEachDialect('account administration', (ctx) => {
  it('lets an admin create accounts (with a generated password shown once) and refuses a duplicate', async () => {
    const { app, store } = await ctx.testApp();
    await createAccount(store, 'admin@example.org', 'admin');
    const admin = await signIn(app, 'admin@example.org');
    const created = await app.request('/api/users', { method: 'POST', headers: admin.headers(true), body: JSON.stringify({ email: 'Enum@Example.org', role: 'enumerator' }) });
    expect(created.status).toBe(201);
    const { user, password } = await created.json();
    expect(user).toMatchObject({ email: 'enum@example.org', role: 'enumerator', disabled: false });
    await signIn(app, 'enum@example.org', password);
    const again = await app.request('/api/users', { method: 'POST', headers: admin.headers(true), body: JSON.stringify({ email: 'enum@example.org', role: 'admin' }) });
    expect(again.status).toBe(409);
  });
});
