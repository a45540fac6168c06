import { sendSubmission } from './api.ts';
import { removeFromOutbox, type Submission } from './outbox.ts';

export type DeliveryState =
  | { kind: 'sending'; attempt: number }
  | { kind: 'waiting'; attempt: number; reason: string; retryInSeconds: number }
  | { kind: 'stored' }
  | { kind: 'rejected'; message: string; details?: { field: string; issue: string }[] };

/** Seconds to wait before each retry: quick at first, then every 30 s until it goes through. */
const BACKOFF_SECONDS = [1, 2, 4, 8, 15, 30];

/**
 * Sends a submission until the server confirms it is stored or refuses it, waiting longer between
 * tries. Calling `retryNow` (or the browser coming back online) cuts a wait short. The outbox entry
 * is removed only once the server has confirmed, so a closed page resumes on its next visit.
 * After `stop`, `onState` is never called again.
 */
export function deliver(slug: string, submission: Submission, onState: (state: DeliveryState) => void, interview = false) {
  let wake: (() => void) | undefined;
  let stopped = false;
  const retryNow = () => wake?.();
  window.addEventListener('online', retryNow);

  const run = async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      onState({ kind: 'sending', attempt });
      const outcome = await sendSubmission(slug, submission, interview);
      // Stored is stored, even for a stopped delivery: the outbox must not send it again.
      if (outcome.kind === 'stored') removeFromOutbox(submission.id);
      // Stopped while the request was out: whoever stopped it hears nothing more, and no retry is timed.
      if (stopped) break;
      if (outcome.kind === 'stored') {
        onState({ kind: 'stored' });
        break;
      }
      if (outcome.kind === 'rejected') {
        onState({ kind: 'rejected', message: outcome.message, details: outcome.details });
        break;
      }
      const delay = BACKOFF_SECONDS[Math.min(attempt - 1, BACKOFF_SECONDS.length - 1)]!;
      onState({ kind: 'waiting', attempt, reason: outcome.reason, retryInSeconds: delay });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay * 1000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    window.removeEventListener('online', retryNow);
  };
  void run();
  return {
    retryNow,
    stop: () => {
      stopped = true;
      retryNow();
    },
  };
}
