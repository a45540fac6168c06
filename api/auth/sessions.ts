import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'trustlens_session';
export const SESSION_HOURS = 12;

/**
 * A new session: the cookie value goes to the browser only; the database keeps its hash (a stolen
 * database opens no session), the CSRF token and the expiry. Stored by the accounts store.
 */
export function newSession() {
  const cookieValue = randomSecret();
  return {
    cookieValue,
    idHash: sessionIdHash(cookieValue),
    csrfToken: randomSecret(24),
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString(),
  };
}

export function sessionIdHash(cookieValue: string): string {
  return sha256(cookieValue);
}
