import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliver, type DeliveryState } from '../../web/src/lib/deliver.ts';
import { addToOutbox, outboxFor, type Submission } from '../../web/src/lib/outbox.ts';

// The browser pieces deliver() touches, in their smallest honest form: a window to listen for
// 'online' on, a localStorage for the outbox, and a fetch whose replies each test hands out.
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const submission: Submission = { id: 'a3f1c2d4-0000-4000-8000-000000000001', version: 1, language: 'bs', answers: { trust_police: 7 } };
let replies: ((response: Response | Error) => void)[];

/** Answers the oldest request still waiting, as the server (or a dead connection) would. */
async function reply(response: Response | Error): Promise<void> {
  await vi.waitFor(() => expect(replies.length).toBeGreaterThan(0));
  replies.shift()!(response);
}

beforeEach(() => {
  vi.useFakeTimers();
  replies = [];
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('fetch', vi.fn(() => new Promise((resolve, reject) => {
    replies.push((response) => (response instanceof Error ? reject(response) : resolve(response)));
  })));
  addToOutbox({ slug: 'bih-police-trust-short', submission });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function start() {
  const states: DeliveryState['kind'][] = [];
  const delivery = deliver('bih-police-trust-short', submission, (state) => states.push(state.kind));
  return { states, delivery };
}

describe('delivering a completed questionnaire', () => {
  it('tries again after a dropped connection, then reports it stored and clears it from the outbox', async () => {
    const { states } = start();
    await reply(new TypeError('Failed to fetch'));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting']));
    await vi.advanceTimersByTimeAsync(1000);
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(states).toEqual(['sending', 'waiting', 'sending', 'stored']));
    expect(outboxFor('bih-police-trust-short')).toEqual([]);
  });

  it('once stopped mid-send, reports nothing more, yet still clears the outbox when the server stored it', async () => {
    const { states, delivery } = start();
    delivery.stop();
    await reply(new Response('{}', { status: 201 }));
    await vi.waitFor(() => expect(outboxFor('bih-police-trust-short')).toEqual([]));
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
    expect(outboxFor('bih-police-trust-short').map((entry) => entry.submission.id)).toEqual([submission.id]);
  });
});
