import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { DUMMY_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.ts';
import { SESSION_COOKIE, SESSION_HOURS } from '../auth/sessions.ts';
import { requireRole } from '../auth/middleware.ts';
import { readJsonBody } from '../body.ts';
import type { User } from '../db/schema.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
  password: z.string().min(1, 'required').max(1024),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(1024),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

/** What the API says about a user: never the password hash. */
export function publicUser(user: User) {
  return { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt, disabled: user.disabledAt !== null };
}

const WRONG_CREDENTIALS = 'The e-mail or the password is wrong.';

export interface AuthRouteOptions {
  /** Sign-in attempts allowed per account, and per client address, in 15 minutes. */
  perAccount?: number;
  perClient?: number;
  secureCookies: boolean;
}

/**
 * Sign-in, sign-out, who am I, password change. Failed sign-ins say the same thing whether or not
 * the account exists, and take as long (a dummy hash is checked), so e-mails cannot be probed.
 */
export function authRoutes(store: Store, options: AuthRouteOptions) {
  // Shared by every instance on PostgreSQL (api/db/store/pg/rate-limits.ts).
  const byAccount = store.rateLimits.limiter('sign-in-account', options.perAccount ?? 10, 15 * 60_000);
  const byClient = store.rateLimits.limiter('sign-in-client', options.perClient ?? 50, 15 * 60_000);

  const startSession = async (c: Parameters<typeof setCookie>[0], user: User) => {
    const session = await store.accounts.createSession(user.id);
    setCookie(c, SESSION_COOKIE, session.cookieValue, {
      httpOnly: true, sameSite: 'Lax', secure: options.secureCookies, path: '/', maxAge: SESSION_HOURS * 3600,
    });
    return session;
  };

  return new Hono<AppEnv>()
    .post('/sign-in', async (c) => {
      const { email, password } = await readJsonBody(c, signInSchema);
      const wait = Math.max(await byAccount.hit(email), await byClient.hit(c.get('clientKey')));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`);
      }
      const user = await store.accounts.userByEmail(email);
      const passwordMatches = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !passwordMatches || user.disabledAt) throw new ApiError(401, WRONG_CREDENTIALS);
      await byAccount.reset(email);
      const session = await startSession(c, user);
      await store.audit.record({ userId: user.id, action: 'auth.sign-in' });
      return c.json({ user: publicUser(user), csrfToken: session.csrfToken });
    })
    .post('/sign-out', async (c) => {
      const cookie = getCookie(c, SESSION_COOKIE);
      const auth = c.get('auth');
      if (cookie) await store.accounts.deleteSession(cookie);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      if (auth) await store.audit.record({ userId: auth.user.id, action: 'auth.sign-out' });
      return c.body(null, 204);
    })
    .get('/me', requireRole('admin', 'researcher', 'evaluator', 'enumerator'), async (c) => {
      const auth = c.get('auth')!;
      const cookie = getCookie(c, SESSION_COOKIE);
      const csrfToken = auth.via === 'session' && cookie ? (await store.accounts.findSession(cookie))?.csrfToken : undefined;
      return c.json({ user: publicUser(auth.user), role: auth.role, via: auth.via, ...(csrfToken ? { csrfToken } : {}) });
    })
    .post('/password', requireRole('admin', 'researcher', 'evaluator', 'enumerator'), async (c) => {
      const auth = c.get('auth')!;
      const { currentPassword, newPassword } = await readJsonBody(c, passwordChangeSchema);
      if (!verifyPassword(currentPassword, auth.user.passwordHash)) {
        throw new ApiError(422, 'The current password is wrong.', [{ field: 'currentPassword', issue: 'is wrong' }]);
      }
      await store.accounts.setPassword(auth.user, hashPassword(newPassword), { actorId: auth.user.id, action: 'auth.password-change' });
      const session = auth.via === 'session' ? await startSession(c, auth.user) : undefined;
      return c.json({ changed: true, ...(session ? { csrfToken: session.csrfToken } : {}) });
    });
}
