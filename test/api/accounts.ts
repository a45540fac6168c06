import { hashPassword } from '../../api/auth/passwords.ts';
import type { Db } from '../../api/db/open.ts';
import { users, type Role, type User } from '../../api/db/schema.ts';
import type { Store } from '../../api/db/store/index.ts';

export const PASSWORD = 'correct horse battery staple';

/** Creates an account directly in the database (as `npm run user:add` does). */
export function createUser(db: Db, email: string, role: Role, password = PASSWORD) {
  return db.insert(users).values({ email, role, passwordHash: hashPassword(password) }).returning().get();
}

type AppLike = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Signs in and returns what a browser would then send: the session cookie and the CSRF token. */
export async function signIn(app: AppLike, email: string, password = PASSWORD) {
  const response = await app.request('/api/auth/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  /** Headers for a request as that signed-in browser: cookie, plus the CSRF token for writes. */
  const headers = (write = false): Record<string, string> => ({
    cookie, 'content-type': 'application/json', ...(write ? { 'x-csrf-token': csrfToken } : {}),
  });
  return { cookie, csrfToken, headers };
}

/** createUser on either database, through the store (for tests run by forEachDialect). */
export async function createAccount(store: Store, email: string, role: Role, password = PASSWORD): Promise<User> {
  const user = await store.accounts.createUser({ email, role, passwordHash: hashPassword(password) });
  if (!user) throw new Error(`an account for ${email} exists already`);
  return user;
}
