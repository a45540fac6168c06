import { sendSubmission, type SendOutcome } from './api.ts';
import { removeFromOutbox, setProblem, type Submission, type SubmissionProblem } from '../offline/outbox.ts';

export type DeliveryState =
  | { kind: 'sending'; attempt: number }
  | { kind: 'waiting'; attempt: number; reason: string; retryInSeconds: number }
  | { kind: 'stored' }
  /** An interview whose enumerator must sign in again; it stays queued and goes after the sign-in. */
  | { kind: 'signed-out' }
  | { kind: 'attention'; problem: SubmissionProblem };

/**
 * One request per submission at a time: the page that completed it, the background sync and the
 * list of earlier ones may all want to send it, and they share the answer instead of racing.
 */
const inFlight = new Map<string, Promise<SendOutcome>>();

function sendOnce(slug: string, submission: Submission, interview: boolean): Promise<SendOutcome> {
  let request = inFlight.get(submission.id);
  if (!request) {
    request = sendSubmission(slug, submission, interview).finally(() => inFlight.delete(submission.id));
    inFlight.set(submission.id, request);
  }
  return request;
}

/**
 * One try, ending in an outcome whatever happens: the server's answer with the outbox brought in
 * line with it (stored is removed, refused is marked, even for a stopped delivery, so the outbox
 * neither sends a stored one again nor resends a refused one by itself). Whatever throws on the
 * way must not end the delivery silently (the page showing it would say "sending" for ever
 * instead of "no connection, we will try again"): an error in the request, or the device's
 * storage refusing to forget a stored one, is a failed try to repeat (the same id again: the
 * server answers 200, and the removal is tried again); a refusal is still shown as one.
 */
async function attemptOnce(slug: string, submission: Submission, interview: boolean, cleared: Promise<void>): Promise<SendOutcome> {
  let outcome: SendOutcome;
  try {
    outcome = await sendOnce(slug, submission, interview);
    await cleared;
    if (outcome.kind === 'stored') await removeFromOutbox(submission.id);
  } catch (error) {
    return { kind: 'retry', reason: (error as Error | undefined)?.message || 'unexpected error' };
  }
  if (outcome.kind === 'attention') await setProblem(submission.id, outcome.problem).catch(() => undefined);
  return outcome;
}

/** Seconds to wait before each retry: quick at first, then every 30 s until it goes through. */
const BACKOFF_SECONDS = [1, 2, 4, 8, 15, 30];
/** A Retry-After longer than this is cut short: the page keeps offering "Try again now" meanwhile. */
const LONGEST_WAIT_SECONDS = 600;

/**
 * Sends a submission until the server confirms it is stored or refuses it, waiting longer between
 * tries (or as long as a 429/503's Retry-After asks). Calling `retryNow` (or the browser coming
 * back online) cuts a wait short. An interview whose enumerator's session has ended waits, still
 * queued, for a sign-in (the background sync sends it then). The outbox entry is removed only once the server has confirmed,
 * so a closed page resumes on its next visit. A refusal (any other 4xx) ends the delivery: the
 * entry stays in the outbox marked with the server's answer, and is sent again only when a person
 * asks (by calling `deliver` again). After `stop`, `onState` is never called again.
 */
export function deliver(slug: string, submission: Submission, onState: (state: DeliveryState) => void, interview = false) {
  let wake: (() => void) | undefined;
  let stopped = false;
  const retryNow = () => wake?.();
  window.addEventListener('online', retryNow);

  const run = async () => {
    // Sending again is a person's decision: the entry is an ordinary queued one until the server answers.
    // A failure to write it down is handled like any other failed try, below, not left unhandled.
    const cleared = setProblem(submission.id, undefined).catch(() => undefined);
    for (let attempt = 1; !stopped; attempt += 1) {
      onState({ kind: 'sending', attempt });
      const outcome = await attemptOnce(slug, submission, interview, cleared);
      // Stopped while the request was out: whoever stopped it hears nothing more, and no retry is timed.
      if (stopped) break;
      if (outcome.kind === 'stored' || outcome.kind === 'signed-out') {
        onState({ kind: outcome.kind });
        break;
      }
      if (outcome.kind === 'attention') {
        onState({ kind: 'attention', problem: outcome.problem });
        break;
      }
      const backoff = BACKOFF_SECONDS[Math.min(attempt - 1, BACKOFF_SECONDS.length - 1)]!;
      const delay = Math.min(outcome.retryAfterSeconds ?? backoff, LONGEST_WAIT_SECONDS);
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
