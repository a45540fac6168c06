/** Whether the browser promised to keep this site's storage (the queue) when space runs low. */
export type Persistence = 'granted' | 'not-granted' | 'unsupported';

/**
 * Asks for persistent storage. Without it a browser may clear the site's data under storage
 * pressure, queued interviews included; with it, only the user can. Chromium grants it to an
 * installed app or a site used often, Firefox asks the user. Asking again is harmless.
 */
export async function requestPersistence(): Promise<Persistence> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'granted';
    return (await navigator.storage.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}
