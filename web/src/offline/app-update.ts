import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker's side of the page: registers it, and holds a new app version back until the
 * page applies it. Workbox installs a new version in the background; it waits (registerType
 * 'prompt') and takes over only when `applyUpdate` is called, which the update notice offers only
 * between interviews (docs/decisions/009-offline-app-updates.md). Queued interviews are in the
 * page's own storage, which a new worker never touches.
 */
type Listener = () => void;

let updateReady = false;
let apply: ((reloadPage?: boolean) => Promise<void>) | undefined;
const listeners = new Set<Listener>();

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || apply) return;
  apply = registerSW({
    onNeedRefresh() {
      updateReady = true;
      listeners.forEach((listener) => listener());
    },
  });
}

export function isUpdateReady(): boolean {
  return updateReady;
}

export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Lets the waiting version take over; the page reloads into it. */
export function applyUpdate(): Promise<void> {
  return apply?.(true) ?? Promise.resolve();
}
