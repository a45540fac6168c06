import type { SignedInUser } from './session.tsx';

/**
 * The staff member last signed in on this device, remembered so that an enumerator's tablet
 * knows whose interviews it holds when it cannot ask the server (offline, or the session has
 * expired): each completed interview records its enumerator, and is never sent as a resident's.
 * Forgotten at sign-out.
 */
const KEY = 'trustlens.signed-in-user';

export function rememberUser(user: SignedInUser | null): void {
  try {
    if (user) localStorage.setItem(KEY, JSON.stringify({ id: user.id, email: user.email, role: user.role }));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage switched off: interviews then go with the session alone.
  }
}

export function rememberedUser(): SignedInUser | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SignedInUser | null;
    return parsed && typeof parsed.id === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
