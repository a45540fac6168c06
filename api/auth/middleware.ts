import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Role } from '../db/schema.ts';
import type { AccountsStore } from '../db/store/accounts.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { constantTimeEqual } from './secrets.ts';
import { SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Identifies the caller from `Authorization: Bearer <token>` or the session cookie, and refuses a
 * cookie-authenticated write without the session's CSRF token in `X-CSRF-Token` (a page on another
 * site can make the browser send our cookie, but cannot read the token).
 */
export function authenticate(accounts: AccountsStore, trustProxy: boolean) {
  // Not an async function: an anonymous caller (no Authorization header, no cookie; every resident's
  // submission) is let through without a promise of its own, and the handler's answer is returned
  // as it is (the submission route calls this directly, api/app.ts).
  return createMiddleware<AppEnv>((c, next) => {
    c.set('clientKey', clientAddress(c, trustProxy));
    const header = c.req.header('authorization');
    if (header) return byToken(header);
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) return bySession(cookie);
    c.set('auth', undefined);
    return next();

    async function byToken(value: string) {
      const bearer = /^Bearer\s+(.+)$/i.exec(value)?.[1];
      const found = bearer ? await accounts.findTokenUser(bearer.trim()) : undefined;
      if (!found) throw new ApiError(401, 'The API token is not valid, or has been revoked.');
      c.set('auth', { user: found.user, role: found.role, via: 'token' });
      return next();
    }
    async function bySession(value: string) {
      const session = await accounts.findSession(value);
      if (session) {
        if (!SAFE_METHODS.has(c.req.method) && !constantTimeEqual(c.req.header('x-csrf-token') ?? '', session.csrfToken)) {
          throw new ApiError(403, 'Missing or wrong X-CSRF-Token header: reload the page and try again.');
        }
        c.set('auth', { user: session.user, role: session.user.role, via: 'session' });
      } else {
        c.set('auth', undefined);
      }
      return next();
    }
  });
}

/** Lets the request through only for a signed-in caller holding one of `roles`: 401 otherwise when anonymous, 403 when signed in. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get('auth');
    if (!auth) throw new ApiError(401, 'Sign in, or send an API token, to use this endpoint.');
    if (!roles.includes(auth.role)) throw new ApiError(403, `This needs the ${roles.join(' or ')} role; you are signed in as ${auth.role}.`);
    return next();
  });
}

function clientAddress(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}
