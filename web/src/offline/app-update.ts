import { registerSW } from 'virtual:pwa-register';
import { isQuestionnaireInProgress, onQuestionnaireInProgress } from './questionnaire-in-progress.ts';

/**
 * The service worker's side of the page: registers it (vite-plugin-pwa, Workbox), and holds a new
 * app version back until the page applies it. A new version installs in the background and waits
 * (registerType 'prompt'); it takes over when `applyUpdate` is called, which the update notice and
 * "Start the next interview" do only between interviews (docs/decisions/009-offline-app-updates.md).
 * Queued interviews are in the page's own storage, which a new worker never touches.
 *
 * The page watches the registration itself rather than through Workbox's events, which miss an
 * update found by the browser or by another tab. Another tab may also apply the update while this
 * one is mid-questionnaire: the new worker then controls this page too. Workbox would reload it at
 * once; this page keeps the questionnaire on screen (its code is loaded) and reloads only between
 * interviews, when asked.
 */
type Listener = () => void;

/** How often an open page asks the server whether a new version was published (an all-day tab). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** How long "Start the next interview" waits for a new version to take over before reloading anyway. */
const TAKE_OVER_WAIT_MS = 5000;

let updateReady = false;
let takenOver = false;
let applying = false;
let registration: ServiceWorkerRegistration | undefined;
const listeners = new Set<Listener>();

function announceReady(): void {
  if (updateReady) return;
  updateReady = true;
  listeners.forEach((listener) => listener());
}

/** A new worker installed while an older one controls this page: it waits for `applyUpdate`. */
function watchForWaiting(found: ServiceWorkerRegistration): void {
  const check = () => {
    if (found.waiting && navigator.serviceWorker.controller) announceReady();
  };
  check();
  // Looked at again whenever a questionnaire ends, so an event missed meanwhile still shows the notice.
  onQuestionnaireInProgress((inProgress) => {
    if (!inProgress) check();
  });
  found.addEventListener('updatefound', () => {
    const installing = found.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') check();
    });
  });
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || registration !== undefined) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  // The new version controls this page now (applied here or in another tab).
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) return; // the first install taking over a first visit: same version
    if (applying || !isQuestionnaireInProgress()) {
      window.location.reload();
      return;
    }
    takenOver = true;
    announceReady();
  });
  registerSW({
    immediate: true,
    onNeedRefresh: announceReady,
    // Reloading is decided above, never in the middle of a questionnaire.
    onNeedReload: () => undefined,
    onRegisteredSW(_url, found) {
      if (!found) return;
      registration = found;
      watchForWaiting(found);
      // A tablet may keep one tab open all day: it looks for a new version when the signal comes
      // back and every hour, not only when a page is opened.
      const lookForUpdate = () => {
        if (navigator.onLine) void found.update().catch(() => undefined);
      };
      window.addEventListener('online', lookForUpdate);
      setInterval(lookForUpdate, CHECK_EVERY_MS);
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

/** Lets the waiting version take over; the page reloads into it (on `controllerchange`). */
export function applyUpdate(): Promise<void> {
  applying = true;
  const waiting = registration?.waiting;
  if (takenOver || !waiting) {
    window.location.reload();
  } else {
    // Workbox's generated worker calls skipWaiting() on this message.
    waiting.postMessage({ type: 'SKIP_WAITING' });
    // Should the new worker not take over (a browser test saw it happen offline), the next
    // interview must open all the same: the page reloads in the version it has, queue untouched,
    // and the new one takes over once every tab of the app is closed.
    setTimeout(() => window.location.reload(), TAKE_OVER_WAIT_MS);
  }
  return Promise.resolve();
}
