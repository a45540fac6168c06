import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { forgetSignedInData } from '../offline/keep-for-offline.ts';
import { syncNow } from '../offline/sync.ts';
import { RequestError } from './api.ts';
import { rememberedUser, rememberUser } from './remembered-user.ts';
import { setCsrfToken, staffFetch } from './staff-api.ts';

export interface SignedInUser {
  id: number;
  email: string;
  role: 'admin' | 'researcher' | 'evaluator' | 'enumerator';
}

interface Session {
  user: SignedInUser | null;
  loading: boolean;
  signIn: (email: string, password: string) => Promise<SignedInUser>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Knows who is signed in (asks the API once at start) and offers sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    staffFetch<{ user: SignedInUser; csrfToken?: string }>('/api/auth/me').then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setUser(me.user);
        rememberUser(me.user);
      },
      // No answer at all (offline): the enumerator who signed in on this device keeps working,
      // their interviews queue, and the server checks the session when they are sent. An answer
      // (401) means signed out.
      (error: unknown) => setUser(error instanceof RequestError ? null : rememberedUser() ?? null),
    ).finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await staffFetch<{ user: SignedInUser; csrfToken: string }>('/api/auth/sign-in', { method: 'POST', body: { email, password } });
    setCsrfToken(result.csrfToken);
    setUser(result.user);
    rememberUser(result.user);
    // Interviews that waited for this sign-in (the session had expired) go now.
    void syncNow();
    return result.user;
  }, []);

  const signOut = useCallback(async () => {
    await staffFetch('/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    await forgetSignedInData();
    setCsrfToken(undefined);
    setUser(null);
    rememberUser(null);
  }, []);

  return <SessionContext.Provider value={{ user, loading, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** Where each role starts after signing in. */
export function homeFor(role: SignedInUser['role']): string {
  return role === 'evaluator' ? '/dashboard' : role === 'enumerator' ? '/interview' : '/studio';
}
