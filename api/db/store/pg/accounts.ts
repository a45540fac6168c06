import { and, eq, gt, isNull, notInArray } from 'drizzle-orm';
import { newSession, sessionIdHash } from '../../../auth/sessions.ts';
import { GRANTABLE_ROLES, newToken, parseBearer, tokenOpens } from '../../../auth/tokens.ts';
import type { PgDb } from '../../pg/open.ts';
import { apiTokens, sessions, surveyMembers, users } from '../../pg/schema.ts';
import { newUserEntries, type AccountsStore } from '../accounts.ts';
import { recordAuditPg } from './audit-entry.ts';

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

/** The accounts job on PostgreSQL: the same rows and rules as api/db/store/accounts.ts. */
export function postgresAccounts(db: PgDb): AccountsStore {
  const now = () => new Date().toISOString();
  const endSessions = (tx: PgDb | Tx, userId: number) => tx.delete(sessions).where(eq(sessions.userId, userId));
  return {
    userByEmail: async (email) => (await db.select().from(users).where(eq(users.email, email)))[0],
    userById: async (id) => (await db.select().from(users).where(eq(users.id, id)))[0],
    listUsers: () => db.select().from(users).orderBy(users.email),
    createUser: (values, audit) => db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning();
      if (!user || !audit) return user;
      for (const surveyId of audit.memberOf ?? []) await tx.insert(surveyMembers).values({ surveyId, userId: user.id });
      for (const entry of newUserEntries(user, audit)) await recordAuditPg(tx, entry);
      return user;
    }),
    updateUser: (user, change, actorId, requested) => db.transaction(async (tx) => {
      const [updated] = await tx.update(users).set({ role: change.role, disabledAt: change.disabledAt }).where(eq(users.id, user.id)).returning();
      if (change.signOut) await endSessions(tx, user.id);
      const revokedTokens = (await tx.update(apiTokens).set({ revokedAt: now() })
        .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt), notInArray(apiTokens.role, GRANTABLE_ROLES[change.role])))
        .returning({ id: apiTokens.id })).map((token) => token.id);
      const leftSurveys = change.role === user.role ? [] : (await tx.delete(surveyMembers).where(eq(surveyMembers.userId, user.id)).returning({ surveyId: surveyMembers.surveyId })).map((row) => row.surveyId);
      await recordAuditPg(tx, {
        userId: actorId, action: 'user.update', target: user.email,
        details: { ...requested, ...(revokedTokens.length > 0 ? { revokedTokens } : {}), ...(leftSurveys.length > 0 ? { leftSurveys } : {}) },
      });
      return updated!;
    }),
    setPassword: (user, passwordHash, audit) => db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      await endSessions(tx, user.id);
      await recordAuditPg(tx, { userId: audit.actorId, action: audit.action, ...(audit.action === 'user.password-reset' ? { target: user.email } : {}) });
    }),

    createSession: async (userId) => {
      const session = newSession();
      await db.insert(sessions).values({ idHash: session.idHash, userId, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
      return session;
    },
    findSession: async (cookieValue) => (await db.select({ user: users, csrfToken: sessions.csrfToken }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.idHash, sessionIdHash(cookieValue)), gt(sessions.expiresAt, now()), isNull(users.disabledAt))))[0],
    deleteSession: async (cookieValue) => {
      await db.delete(sessions).where(eq(sessions.idHash, sessionIdHash(cookieValue)));
    },

    findTokenUser: async (bearer) => {
      const parsed = parseBearer(bearer);
      if (!parsed) return undefined;
      const [row] = await db.select({ token: apiTokens, user: users }).from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.id, parsed.id), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
      if (!row || !tokenOpens(row, parsed.secret)) return undefined;
      await db.update(apiTokens).set({ lastUsedAt: now() }).where(eq(apiTokens.id, parsed.id));
      return { user: row.user, role: row.token.role };
    },
    createToken: async (userId, name, role) => {
      const { id, secretHash, token } = newToken();
      const [record] = await db.insert(apiTokens).values({ id, userId, name, role, secretHash }).returning();
      return { token, record: record! };
    },
    listTokens: (userId) => db.select().from(apiTokens).where(eq(apiTokens.userId, userId)),
    revokeToken: async (id, ownerId) => (await db.update(apiTokens).set({ revokedAt: now() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt), ownerId === undefined ? undefined : eq(apiTokens.userId, ownerId)))
      .returning({ id: apiTokens.id })).length > 0,
  };
}
