import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { requireRole } from '../auth/middleware.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { revokeTokensBeyond } from '../auth/tokens.ts';
import { parseWith, readJsonBody } from '../body.ts';
import type { Db } from '../db/open.ts';
import { ROLES, surveyMembers, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { publicUser } from './auth.ts';

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`).max(1024).optional(),
});

export const userUpdateSchema = z.strictObject({
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
  disabled: z.boolean().optional(),
});

const userId = z.coerce.number().int().positive();

/** Account administration (admins only): create, list, change role, disable, reset password. */
export function userRoutes(db: Db) {
  const findUser = (id: string) => {
    const user = db.select().from(users).where(eq(users.id, parseWith(userId, id, 'No such user.'))).get();
    if (!user) throw new ApiError(404, 'No such user.');
    return user;
  };
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', (c) => c.json({ users: db.select().from(users).orderBy(users.email).all().map(publicUser) }))
    .post('/', async (c) => {
      const body = await readJsonBody(c, userCreateSchema);
      if (db.select({ id: users.id }).from(users).where(eq(users.email, body.email)).get()) {
        throw new ApiError(409, `An account for ${body.email} already exists.`);
      }
      const password = body.password ?? generatePassword();
      const passwordHash = hashPassword(password);
      const user = db.transaction(() => {
        const user = db.insert(users).values({ email: body.email, role: body.role, passwordHash }).returning().get();
        recordAudit(db, { userId: c.get('auth')!.user.id, action: 'user.create', target: user.email, details: { role: user.role } });
        return user;
      });
      return c.json({ user: publicUser(user), ...(body.password ? {} : { password }) }, 201);
    })
    .patch('/:id', async (c) => {
      const user = findUser(c.req.param('id'));
      const body = await readJsonBody(c, userUpdateSchema);
      const disabledAt = body.disabled === undefined ? user.disabledAt : body.disabled ? (user.disabledAt ?? new Date().toISOString()) : null;
      const role = body.role ?? user.role;
      // At once and together: the account, its sessions (signed out: the next page asks to sign in
      // with the new role), its tokens wider than the new role (revoked), and the audit entry.
      const updated = db.transaction(() => {
        const updated = db.update(users).set({ role, disabledAt }).where(eq(users.id, user.id)).returning().get();
        if (disabledAt || body.role) deleteUserSessions(db, user.id);
        const revokedTokens = revokeTokensBeyond(db, user.id, role);
        // A membership means "researcher of" or "enumerator assigned to": with another role it would
        // mean something else (an enumerator made researcher would read the microdata of the surveys
        // they interviewed for), so a new role starts with none; an admin adds them again.
        const leftSurveys = role === user.role ? [] : db.delete(surveyMembers).where(eq(surveyMembers.userId, user.id)).returning({ surveyId: surveyMembers.surveyId }).all().map((row) => row.surveyId);
        recordAudit(db, {
          userId: c.get('auth')!.user.id, action: 'user.update', target: user.email,
          details: { ...body, ...(revokedTokens.length > 0 ? { revokedTokens } : {}), ...(leftSurveys.length > 0 ? { leftSurveys } : {}) },
        });
        return updated;
      });
      return c.json({ user: publicUser(updated) });
    })
    .post('/:id/password', (c) => {
      const user = findUser(c.req.param('id'));
      const password = generatePassword();
      const passwordHash = hashPassword(password);
      db.transaction(() => {
        db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
        deleteUserSessions(db, user.id);
        recordAudit(db, { userId: c.get('auth')!.user.id, action: 'user.password-reset', target: user.email });
      });
      return c.json({ password });
    });
}
