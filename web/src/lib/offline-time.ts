/**
 * When this page saw the device offline (the browser's `offline`/`online` events), so the
 * paradata can say how long a questionnaire was answered or waited without a network. Only the
 * time the page was open is seen: what happens while it is closed is unknown, and not guessed.
 */
const periods: { from: number; to?: number }[] = [];

function wentOffline(now = Date.now()): void {
  if (periods.at(-1)?.to === undefined && periods.length > 0) return;
  periods.push({ from: now });
}

function cameOnline(now = Date.now()): void {
  const last = periods.at(-1);
  if (last && last.to === undefined) last.to = now;
}

if (typeof window !== 'undefined') {
  if (!navigator.onLine) wentOffline();
  window.addEventListener('offline', () => wentOffline());
  window.addEventListener('online', () => cameOnline());
}

/** Seconds this page saw the device offline between two times (epoch milliseconds). */
export function offlineSecondsBetween(from: number, to: number): number {
  let total = 0;
  for (const period of periods) {
    const start = Math.max(from, period.from);
    const end = Math.min(to, period.to ?? to);
    if (end > start) total += end - start;
  }
  return total / 1000;
}
