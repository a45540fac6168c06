import { readJson } from './api.ts';

let csrfToken: string | undefined;

export function getCsrfToken(): string | undefined {
  return csrfToken;
}

/** Remembers the session's CSRF token, which every signed-in write must carry. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Asks the server for the session's CSRF token (undefined when signed out or unreachable). */
export async function refreshCsrfToken(): Promise<string | undefined> {
  try {
    const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    csrfToken = ((await response.json()) as { csrfToken?: string }).csrfToken;
    return csrfToken;
  } catch {
    return undefined;
  }
}

/**
 * Calls the API as the signed-in user: JSON in and out, the session cookie sent by the browser,
 * the CSRF token added to writes. Throws RequestError with the server's message and field details.
 */
export async function staffFetch<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 204) return undefined as T;
  return readJson<T>(response);
}

/** Sends a form with a file (multipart/form-data) as the signed-in user, with the CSRF token; errors as staffFetch's. */
export async function staffUpload<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
    body: form,
  });
  return readJson<T>(response);
}
