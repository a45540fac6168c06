import { deliver } from '../lib/deliver.ts';
import { queuedSubmissions } from './outbox.ts';

/**
 * Sends every queued submission on this device that the server has not refused: when the app
 * opens, when the browser says it is back online, after a sign-in, and every few minutes while
 * something waits (longer between tries the longer nothing goes through). A refused one (4xx)
 * waits for a person, as on the page that shows it. Each submission's own delivery retries with
 * backoff; deliver() shares one request per id, so pages sending the same one do not race it.
 */
const PERIOD_SECONDS = [30, 60, 120, 300, 600];

let started = false;
let round = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

export async function syncNow(): Promise<void> {
  const waiting = (await queuedSubmissions()).filter((entry) => !entry.problem);
  await Promise.all(waiting.map((entry) => new Promise<void>((resolve) => {
    const delivery = deliver(entry.slug, entry.submission, (state) => {
      if (state.kind === 'sending') return;
      // One try per sync round: a dead connection is tried again at the next round, not in a tight loop.
      delivery.stop();
      resolve();
    }, entry.interview ?? false);
  })));
  const left = (await queuedSubmissions()).filter((entry) => !entry.problem).length;
  round = left === 0 ? 0 : round + 1;
  schedule(left > 0);
}

function schedule(somethingWaits: boolean): void {
  clearTimeout(timer);
  if (!somethingWaits) return;
  const seconds = PERIOD_SECONDS[Math.min(round, PERIOD_SECONDS.length - 1)]!;
  timer = setTimeout(() => void syncNow(), seconds * 1000);
}

/** Starts the background sync once per page load. */
export function startBackgroundSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void syncNow());
  void syncNow();
}
