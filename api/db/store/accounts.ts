import { and, eq, gt, isNull, notInArray } from 'drizzle-orm';
import { recordAudit } from '../../audit.ts';
import { newSession, sessionIdHash } from '../../auth/sessions.ts';
import { GRANTABLE_ROLES, newToken, parseBearer, tokenOpens } from '../../auth/tokens.ts';
import type { Db } from '../open.ts';
import { apiTokens, sessions, surveyMembers, users, type ApiToken, type Role, type User } from '../schema.ts';

/**
 * Accounts, sessions and API tokens (decision 014). Sessions and tokens are database rows, so a
 * browser signed in on one API instance is signed in on all of them.
 */
export interface AccountsStore {
  userByEmail(email: string): Promise<User | undefined>;
  userById(id: number): Promise<User | undefined>;
  /** Every account, ordered by e-mail. */
  listUsers(): Promise<User[]>;
  /**
   * Creates an account, in one transaction with its survey memberships and, when `audit` is given,
   * the `user.create` (and `member.add`) audit entries by `audit.actorId` (null: the command line).
   * Undefined (nothing written) when the e-mail is taken.
   */
  createUser(values: { email: string; role: Role; passwordHash: string }, audit?: NewUserAudit): Promise<User | undefined>;
  /**
   * Changes role and disabled state, at once and together: the account, its sessions (ended when
   * `signOut`: the next page asks to sign in with the new role), its tokens wider than the new role (revoked), its survey
   * memberships when the role changes (a membership means something else under another role), and
   * the `user.update` audit entry by `actorId` with `requested` and what was revoked or left.
   */
  updateUser(user: User, change: { role: Role; disabledAt: string | null; signOut: boolean }, actorId: number, requested: object): Promise<User>;
  /** Sets a new password hash and ends every session of the user, with the audit entry `action` by `actorId`. */
  setPassword(user: User, passwordHash: string, audit: { actorId: number; action: 'auth.password-change' | 'user.password-reset' }): Promise<void>;

  /** Starts a session: the cookie value (never stored as such) and the CSRF token. */
  createSession(userId: number): Promise<{ cookieValue: string; csrfToken: string; expiresAt: string }>;
  /** The user and CSRF token of a live session, or undefined for an unknown, expired or disabled one. */
  findSession(cookieValue: string): Promise<{ user: User; csrfToken: string } | undefined>;
  deleteSession(cookieValue: string): Promise<void>;

  /** The user behind a bearer token and the role it grants, or undefined; records its last use. */
  findTokenUser(bearer: string): Promise<{ user: User; role: Role } | undefined>;
  createToken(userId: number, name: string, role: Role): Promise<{ token: string; record: ApiToken }>;
  listTokens(userId: number): Promise<ApiToken[]>;
  /** Revokes an active token (of `ownerId` only, when given); false when there is no such token. */
  revokeToken(id: string, ownerId: number | undefined): Promise<boolean>;
}

export interface NewUserAudit {
  actorId: number | null;
  /** Added to each entry's details (e.g. `{ via: 'command line' }`). */
  details?: Record<string, unknown>;
  /** Surveys the new researcher or enumerator is a member of. */
  memberOf?: number[];
}

/** The audit entries of a new account: its creation, then one per membership. */
export function newUserEntries(user: User, audit: NewUserAudit) {
  return [
    { userId: audit.actorId, action: 'user.create', target: user.email, details: { role: user.role, ...audit.details } },
    ...(audit.memberOf ?? []).map((surveyId) => ({ userId: audit.actorId, action: 'member.add', surveyId, target: user.email, details: { ...audit.details } })),
  ];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function sqliteAccounts(db: Db): AccountsStore {
  const now = () => new Date().toISOString();
  const endSessions = (tx: Db | Tx, userId: number) => tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  return {
    userByEmail: async (email) => db.select().from(users).where(eq(users.email, email)).get(),
    userById: async (id) => db.select().from(users).where(eq(users.id, id)).get(),
    listUsers: async () => db.select().from(users).orderBy(users.email).all(),
    createUser: async (values, audit) => db.transaction((tx) => {
      const user = tx.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning().get();
      if (!user || !audit) return user;
      for (const surveyId of audit.memberOf ?? []) tx.insert(surveyMembers).values({ surveyId, userId: user.id }).run();
      for (const entry of newUserEntries(user, audit)) recordAudit(tx, entry);
      return user;
    }),
    updateUser: async (user, change, actorId, requested) => db.transaction((tx) => {
      const updated = tx.update(users).set({ role: change.role, disabledAt: change.disabledAt }).where(eq(users.id, user.id)).returning().get()!;
      if (change.signOut) endSessions(tx, user.id);
      const revokedTokens = tx.update(apiTokens).set({ revokedAt: now() })
        .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt), notInArray(apiTokens.role, GRANTABLE_ROLES[change.role])))
        .returning({ id: apiTokens.id }).all().map((token) => token.id);
      const leftSurveys = change.role === user.role ? [] : tx.delete(surveyMembers).where(eq(surveyMembers.userId, user.id)).returning({ surveyId: surveyMembers.surveyId }).all().map((row) => row.surveyId);
      recordAudit(tx, {
        userId: actorId, action: 'user.update', target: user.email,
        details: { ...requested, ...(revokedTokens.length > 0 ? { revokedTokens } : {}), ...(leftSurveys.length > 0 ? { leftSurveys } : {}) },
      });
      return updated;
    }),
    setPassword: async (user, passwordHash, audit) => db.transaction((tx) => {
      tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
      endSessions(tx, user.id);
      recordAudit(tx, { userId: audit.actorId, action: audit.action, ...(audit.action === 'user.password-reset' ? { target: user.email } : {}) });
    }),

    createSession: async (userId) => {
      const session = newSession();
      db.insert(sessions).values({ idHash: session.idHash, userId, csrfToken: session.csrfToken, expiresAt: session.expiresAt }).run();
      return session;
    },
    findSession: async (cookieValue) => db.select({ user: users, csrfToken: sessions.csrfToken }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, sessionIdHash(cookieValue)), gt(sessions.expiresAt, now()), isNull(users.disabledAt)))
      .get(),
    deleteSession: async (cookieValue) => {
      db.delete(sessions).where(eq(sessions.idHash, sessionIdHash(cookieValue))).run();
    },

    findTokenUser: async (bearer) => {
      const parsed = parseBearer(bearer);
      if (!parsed) return undefined;
      const row = db.select({ token: apiTokens, user: users }).from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.id, parsed.id), isNull(apiTokens.revokedAt), isNull(users.disabledAt))).get();
      if (!row || !tokenOpens(row, parsed.secret)) return undefined;
      db.update(apiTokens).set({ lastUsedAt: now() }).where(eq(apiTokens.id, parsed.id)).run();
      return { user: row.user, role: row.token.role };
    },
    createToken: async (userId, name, role) => {
      const { id, secretHash, token } = newToken();
      const record = db.insert(apiTokens).values({ id, userId, name, role, secretHash }).returning().get();
      return { token, record };
    },
    listTokens: async (userId) => db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).all(),
    revokeToken: async (id, ownerId) => db.update(apiTokens).set({ revokedAt: now() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), ownerId === undefined ? undefined : eq(apiTokens.userId, ownerId))).run().changes > 0,
  };
}
