import { STAFF_CACHE } from './cache-names.ts';

/**
 * Fetches `paths` through the service worker, which keeps each answer for use with no signal
 * (web/vite.config.ts says which). On a first visit the page was loaded before the worker ran, so
 * what it fetched then went past it: this waits until the worker controls the page and asks again
 * (a 304 when nothing changed). Without a service worker (an old browser, development) it fetches
 * nothing. Failures are ignored: this only prepares for later.
 */
export async function keepForOffline(paths: string[]): Promise<void> {
  if (!('serviceWorker' in navigator) || paths.length === 0) return;
  // Resolves once a worker is active (never, where none is registered: then nothing is fetched).
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  }
  await Promise.all(paths.map((path) => fetch(path, { credentials: 'same-origin' }).catch(() => undefined)));
}

/** Forgets what the worker kept for the signed-in user (on sign-out, so the next person on the tablet sees none of it). */
export async function forgetSignedInData(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(STAFF_CACHE).catch(() => false);
}
