import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { sessions, users, type User } from '../db/schema.ts';
import { randomSecret, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'trustlens_session';
export const SESSION_HOURS = 12;

/** Starts a session: returns the cookie value (never stored as such) and the CSRF token. */
export function createSession(db: Db, userId: number) {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  db.insert(sessions).values({ idHash: sha256(cookieValue), userId, csrfToken, expiresAt }).run();
  return { cookieValue, csrfToken, expiresAt };
}

/** The user and CSRF token of a live session, or undefined for an unknown, expired or disabled one. */
export function findSession(db: Db, cookieValue: string): { user: User; csrfToken: string } | undefined {
  const row = db.select({ user: users, csrfToken: sessions.csrfToken }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(cookieValue)), gt(sessions.expiresAt, new Date().toISOString()), isNull(users.disabledAt)))
    .get();
  return row;
}

export function deleteSession(db: Db, cookieValue: string): void {
  db.delete(sessions).where(eq(sessions.idHash, sha256(cookieValue))).run();
}

/** Ends every session of a user (after a password change, or when the account is disabled). */
export function deleteUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
