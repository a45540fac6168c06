import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { apiTokens, users, type Role, type User } from '../db/schema.ts';
import { constantTimeEqual, randomSecret, sha256 } from './secrets.ts';

const TOKEN_FORMAT = /^tl_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** Which token roles a user of each role may create: never wider than their own. */
export const GRANTABLE_ROLES: Record<Role, Role[]> = {
  admin: ['admin', 'researcher', 'evaluator', 'enumerator'],
  researcher: ['researcher', 'evaluator'],
  evaluator: ['evaluator'],
  enumerator: ['enumerator'],
};

/** Creates a token; the returned `token` is shown to its owner once and never again. */
export function createToken(db: Db, userId: number, name: string, role: Role) {
  const id = randomSecret(9);
  const secret = randomSecret(32);
  const row = db.insert(apiTokens).values({ id, userId, name, role, secretHash: sha256(secret) }).returning().get();
  return { token: `tl_${id}_${secret}`, record: row };
}

/**
 * The user behind a bearer token and the role the token grants, or undefined. The secret is
 * compared in constant time; a revoked token, a disabled owner, or a token wider than what its
 * owner's role may grant now (the owner's role was narrowed) gets nothing. Records last use.
 */
export function findTokenUser(db: Db, bearer: string): { user: User; role: Role } | undefined {
  const match = TOKEN_FORMAT.exec(bearer);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const row = db.select({ token: apiTokens, user: users }).from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), isNull(users.disabledAt))).get();
  if (!row || !constantTimeEqual(sha256(secret), row.token.secretHash)) return undefined;
  // Checked on every use, not only when the role changes, so no path that changes a role can leave a wider token working.
  if (!GRANTABLE_ROLES[row.user.role].includes(row.token.role)) return undefined;
  db.update(apiTokens).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiTokens.id, id)).run();
  return { user: row.user, role: row.token.role };
}

/**
 * Revokes the user's live tokens whose role their (new) role may not grant: a researcher made
 * evaluator loses the researcher tokens and keeps the evaluator ones. Returns the revoked ids.
 */
export function revokeTokensBeyond(db: Db, userId: number, role: Role): string[] {
  const revoked = db.update(apiTokens).set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), notInArray(apiTokens.role, GRANTABLE_ROLES[role])))
    .returning({ id: apiTokens.id }).all();
  return revoked.map((token) => token.id);
}
