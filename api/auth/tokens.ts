import type { ApiToken, Role, User } from '../db/schema.ts';
import { constantTimeEqual, randomSecret, sha256 } from './secrets.ts';

const TOKEN_FORMAT = /^tl_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** Which token roles a user of each role may create: never wider than their own. */
export const GRANTABLE_ROLES: Record<Role, Role[]> = {
  admin: ['admin', 'researcher', 'evaluator', 'enumerator'],
  researcher: ['researcher', 'evaluator'],
  evaluator: ['evaluator'],
  enumerator: ['enumerator'],
};

/** A new token: `token` is shown to its owner once and never again; the database keeps the secret's hash. */
export function newToken() {
  const id = randomSecret(9);
  const secret = randomSecret(32);
  return { id, secretHash: sha256(secret), token: `tl_${id}_${secret}` };
}

/** The id and secret of a bearer token in our format, or undefined. */
export function parseBearer(bearer: string): { id: string; secret: string } | undefined {
  const match = TOKEN_FORMAT.exec(bearer);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  return { id, secret };
}

/**
 * Whether a live token row (not revoked, owner not disabled) opens the API: the secret is compared
 * in constant time, and a token wider than what its owner's role may grant now (the owner's role
 * was narrowed) gets nothing. Checked on every use, not only when the role changes, so no path
 * that changes a role can leave a wider token working.
 */
export function tokenOpens(row: { token: ApiToken; user: User }, secret: string): boolean {
  return constantTimeEqual(sha256(secret), row.token.secretHash) && GRANTABLE_ROLES[row.user.role].includes(row.token.role);
}
