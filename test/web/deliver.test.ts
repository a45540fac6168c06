import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryAfterSeconds } from '../../web/src/lib/api.ts';
import { deliver, type DeliveryState } from '../../web/src/lib/deliver.ts';
import { setCsrfToken } from '../../web/src/lib/staff-api.ts';
import { closeDeviceDb } from '../../web/src/offline/device-db.ts';
import { addToOutbox, outboxFor, type Submission } from '../../web/src/offline/outbox.ts';

// The browser pieces deliver() touches, in their smallest honest form: a window to listen for
// 'online' on, an IndexedDB for the outbox (fake-indexeddb, a complete in-memory implementation
// of the standard), and a fetch whose replies each test hands out.

const submission: Submission = { id: 'a3f1c2d4-0000-4000-8000-000000000001', version: 1, language: 'bs', answers: { trust_police: 7 } };
let replies: ((response: Response | Error) => void)[];

/** Answers the oldest request still waiting, as the server (or a dead connection) would. */
async function reply(response: Response | Error): Promise<void> {
  await vi.waitFor(() => expect(replies.length).toBeGreaterThan(0));
  replies.shift()!(response);
}

beforeEach(async () => {
  // Only the clock deliver() waits on is faked: IndexedDB's own callbacks run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  replies = [];
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('indexedDB', new IDBFactory());
  closeDeviceDb();
  // A signed-in enumerator's page knows its CSRF token (it is asked for only when missing).
  setCsrfToken('csrf-token-of-the-session');
  vi.stubGlobal('fetch', vi.fn(() => new Promise((resolve, reject) => {
    replies.push((response) => (response instanceof Error ? reject(response) : resolve(response)));
  })));
  await addToOutbox({ slug: 'bih-police-trust-short', submission });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function start(interview = false) {
  const states: DeliveryState['kind'][] = [];
  const seen: DeliveryState[] = [];
  const delivery = deliver('bih-police-trust-short', submission, (state) => {
    states.push(state.kind);
    seen.push(state);
  }, interview);
  return { states, seen, delivery };
}

const refusal = (status: number, message: string, details?: unknown) =>
  new Response(JSON.stringify({ error: { type: 'x', message, details } }), { status, headers: { 'content-type': 'application/json' } });

describe('delivering a completed questionnaire', () => {
  it('tries again after a dropped connection, then reports it stored and clears it from the outbox', async () => {
    const { states } = start();
    await reply(new TypeError('Failed to fetch'));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting']));
    await vi.advanceTimersByTimeAsync(1000);
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting', 'sending', 'stored']));
    expect(await outboxFor('bih-police-trust-short')).toEqual([]);
  });

  it('says a failed try is waiting, and tries again, even when the device storage refuses every write meanwhile', async () => {
    // The page says "no connection, we will try again" only once the delivery reports it; a
    // storage error on the way (clearing the mark, forgetting a stored one) must not end the
    // delivery silently, leaving the enumerator looking at "sending" for ever.
    const healthy = indexedDB;
    closeDeviceDb();
    vi.stubGlobal('indexedDB', { open: () => { throw new DOMException('Internal error opening backing store', 'UnknownError'); } });
    const { states } = start(true);
    await reply(new TypeError('Failed to fetch'));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting']));
    // Stored by the server, but the device cannot forget it yet: tried again (the server answers 200 to the same id).
    await vi.advanceTimersByTimeAsync(1000);
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting', 'sending', 'waiting']));
    // The storage is back: the next try is confirmed and the interview leaves the device.
    vi.stubGlobal('indexedDB', healthy);
    await vi.advanceTimersByTimeAsync(2000);
    await reply(new Response('{}', { status: 200 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting', 'sending', 'waiting', 'sending', 'stored']));
    expect(await outboxFor('bih-police-trust-short')).toEqual([]);
  });

  it('once stopped mid-send, reports nothing more, yet still clears the outbox when the server stored it', async () => {
    const { states, delivery } = start();
    delivery.stop();
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(async () => expect(await outboxFor('bih-police-trust-short')).toEqual([]));
    expect(states).toEqual(['sending']);
  });

  it('once stopped mid-send, neither reports a failed try nor schedules another', async () => {
    const { states, delivery } = start();
    delivery.stop();
    await reply(new TypeError('Failed to fetch'));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states).toEqual(['sending']);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Not stored, so it stays on the device for the next visit.
    expect((await outboxFor('bih-police-trust-short')).map((entry) => entry.submission.id)).toEqual([submission.id]);
  });

  for (const [status, message] of [
    [422, 'Some answers do not fit the questionnaire.'],
    [403, 'You (enumerator) may not submit interviews of survey "bih-police-trust-short".'],
    [409, 'Fieldwork for "bih-police-trust-short" is closed; no new responses are accepted.'],
    [401, 'Sign in, or send an API token, to use this endpoint.'],
  ] as const) {
    // An interview's 401 is the session ending, not a refusal: see the next test.
    it(`shows a ${status} as needing attention with the server's message, keeps it on the device, and never sends it again by itself`, async () => {
      const { states, seen } = start(status !== 401);
      await reply(refusal(status, message, status === 422 ? [{ field: 'region', issue: 'required' }] : undefined));
      await vi.waitFor(() => expect(states).toEqual(['sending', 'attention']));
      const problem = { status, message, ...(status === 422 ? { details: [{ field: 'region', issue: 'required' }] } : {}) };
      expect(seen.at(-1)).toEqual({ kind: 'attention', problem });
      // Kept, marked with the refusal, so a later visit lists it instead of resending it.
      expect(await outboxFor('bih-police-trust-short')).toEqual([expect.objectContaining({ submission, problem })]);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
      expect(fetch).toHaveBeenCalledTimes(1);
    });
  }

  it('keeps an interview whose session ended (401) queued, unmarked, for after the sign-in, and does not retry it by itself', async () => {
    const { states } = start(true);
    await reply(refusal(401, 'Sign in again to send this interview.'));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'signed-out']));
    expect(await outboxFor('bih-police-trust-short')).toEqual([expect.objectContaining({ submission })]);
    expect((await outboxFor('bih-police-trust-short'))[0]!.problem).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries a 503 and a 429, waiting as long as Retry-After asks, until it is stored', async () => {
    const { states, seen } = start();
    await reply(new Response('{}', { status: 503 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting']));
    await vi.advanceTimersByTimeAsync(1000);
    await reply(new Response('{}', { status: 429, headers: { 'retry-after': '20' } }));
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ kind: 'waiting', retryInSeconds: 20 }));
    await vi.advanceTimersByTimeAsync(19_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting', 'sending', 'waiting', 'sending', 'stored']));
    expect(await outboxFor('bih-police-trust-short')).toEqual([]);
  });

  it('sends a refused submission again when a person asks (delivering it again), clearing the mark once stored', async () => {
    const first = start(true);
    await reply(refusal(403, 'not assigned'));
    await vi.waitFor(() => expect(first.states).toEqual(['sending', 'attention']));
    const again = start(true);
    // While being sent again it is an ordinary queued entry, no longer marked as refused.
    await vi.waitFor(async () => expect((await outboxFor('bih-police-trust-short'))[0]!.problem).toBeUndefined());
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(again.states).toEqual(['sending', 'stored']));
    expect(await outboxFor('bih-police-trust-short')).toEqual([]);
  });
});

describe('reading Retry-After', () => {
  it('takes seconds or an HTTP date, and ignores anything else', () => {
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
