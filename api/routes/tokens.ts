import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.ts';
import { GRANTABLE_ROLES } from '../auth/tokens.ts';
import { readJsonBody } from '../body.ts';
import { ROLES, type ApiToken } from '../db/schema.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';

export const tokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'required').max(100),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
});

function publicToken(token: ApiToken) {
  return { id: token.id, name: token.name, role: token.role, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt, revokedAt: token.revokedAt };
}

/** API tokens for scripts: each user manages their own; the secret is shown once, at creation. */
export function tokenRoutes(store: Store) {
  return new Hono<AppEnv>()
    .use(requireRole('admin', 'researcher', 'evaluator', 'enumerator'))
    .get('/', async (c) => {
      const rows = await store.accounts.listTokens(c.get('auth')!.user.id);
      return c.json({ tokens: rows.map(publicToken) });
    })
    .post('/', async (c) => {
      const auth = c.get('auth')!;
      if (auth.via === 'token') throw new ApiError(403, 'Create API tokens while signed in, not with another token.');
      const { name, role = auth.user.role } = await readJsonBody(c, tokenCreateSchema);
      if (!GRANTABLE_ROLES[auth.user.role].includes(role)) {
        throw new ApiError(422, 'A token cannot have a wider role than its owner.', [{ field: 'role', issue: `must be one of ${GRANTABLE_ROLES[auth.user.role].join(', ')}` }]);
      }
      const { token, record } = await store.accounts.createToken(auth.user.id, name, role);
      await store.audit.record({ userId: auth.user.id, action: 'token.create', target: record.id, details: { role } });
      return c.json({ ...publicToken(record), token }, 201);
    })
    .delete('/:id', async (c) => {
      const auth = c.get('auth')!;
      const revoked = await store.accounts.revokeToken(c.req.param('id'), auth.role === 'admin' ? undefined : auth.user.id);
      if (!revoked) throw new ApiError(404, 'No such active token of yours.');
      await store.audit.record({ userId: auth.user.id, action: 'token.revoke', target: c.req.param('id') });
      return c.body(null, 204);
    });
}
