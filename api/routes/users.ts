import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { parseWith, readJsonBody } from '../body.ts';
import { ROLES } from '../db/schema.ts';
import type { Store } from '../db/store/index.ts';
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
export function userRoutes(store: Store) {
  const findUser = async (id: string) => {
    const user = await store.accounts.userById(parseWith(userId, id, 'No such user.'));
    if (!user) throw new ApiError(404, 'No such user.');
    return user;
  };
  return new Hono<AppEnv>()
    .use(requireRole('admin'))
    .get('/', async (c) => c.json({ users: (await store.accounts.listUsers()).map(publicUser) }))
    .post('/', async (c) => {
      const body = await readJsonBody(c, userCreateSchema);
      const taken = () => new ApiError(409, `An account for ${body.email} already exists.`);
      // Checked first so that a duplicate costs no password hashing; the store's insert refuses one made meanwhile.
      if (await store.accounts.userByEmail(body.email)) throw taken();
      const password = body.password ?? generatePassword();
      const passwordHash = hashPassword(password);
      const user = await store.accounts.createUser({ email: body.email, role: body.role, passwordHash }, { actorId: c.get('auth')!.user.id });
      if (!user) throw taken();
      return c.json({ user: publicUser(user), ...(body.password ? {} : { password }) }, 201);
    })
    .patch('/:id', async (c) => {
      const user = await findUser(c.req.param('id'));
      const body = await readJsonBody(c, userUpdateSchema);
      const disabledAt = body.disabled === undefined ? user.disabledAt : body.disabled ? (user.disabledAt ?? new Date().toISOString()) : null;
      const role = body.role ?? user.role;
      // A new role or a disabled account signs the user out: the next page asks to sign in with the new role.
      const signOut = Boolean(disabledAt) || body.role !== undefined;
      const updated = await store.accounts.updateUser(user, { role, disabledAt, signOut }, c.get('auth')!.user.id, body);
      return c.json({ user: publicUser(updated) });
    })
    .post('/:id/password', async (c) => {
      const user = await findUser(c.req.param('id'));
      const password = generatePassword();
      await store.accounts.setPassword(user, hashPassword(password), { actorId: c.get('auth')!.user.id, action: 'user.password-reset' });
      return c.json({ password });
    });
}
