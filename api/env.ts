import type { Role, User } from './db/schema.ts';

/** Who is calling: a signed-in browser (session cookie) or a script (API token). */
export interface Auth {
  user: User;
  /** The role in force: the user's own, or the narrower one an API token was scoped to. */
  role: Role;
  via: 'session' | 'token';
}

/** Variables every route can read with `c.get(…)`. */
export interface AppEnv {
  Variables: {
    auth: Auth | undefined;
    /** The client's network address, for rate limits only (never stored). */
    clientKey: string;
  };
}
