import { deviceDb } from './device-db.ts';
import { notifyOutboxChanged } from './outbox-events.ts';
import type { OutboxEntry, SubmissionProblem } from './types.ts';

/**
 * Completed questionnaires not yet confirmed by the server, kept in this device's IndexedDB so
 * that a closed tab, a dead connection, a browser restart or a server restart never loses them.
 * An entry is removed only after the server has answered 201 or 200 (stored). The id inside
 * makes re-sending safe.
 */
export type { OutboxEntry, Submission, SubmissionProblem } from './types.ts';

const LAST_CONFIRMED = 'lastConfirmedAt';

export async function addToOutbox(entry: OutboxEntry): Promise<void> {
  const db = await deviceDb();
  await db.put('outbox', { ...entry, queuedAt: new Date().toISOString() });
  notifyOutboxChanged();
}

/** Adds entries brought from another device (a saved file), keeping any this device already holds. */
export async function addManyToOutbox(entries: OutboxEntry[]): Promise<{ added: number; alreadyHere: number }> {
  const db = await deviceDb();
  const transaction = db.transaction('outbox', 'readwrite');
  let added = 0;
  const queuedAt = new Date().toISOString();
  for (const entry of entries) {
    if (await transaction.store.get(entry.submission.id)) continue;
    await transaction.store.put({ ...entry, queuedAt });
    added += 1;
  }
  await transaction.done;
  notifyOutboxChanged();
  return { added, alreadyHere: entries.length - added };
}

/** Forgets a submission the server has confirmed, and remembers when that happened. */
export async function removeFromOutbox(id: string): Promise<void> {
  const db = await deviceDb();
  const transaction = db.transaction(['outbox', 'facts'], 'readwrite');
  await transaction.objectStore('outbox').delete(id);
  await transaction.objectStore('facts').put(new Date().toISOString(), LAST_CONFIRMED);
  await transaction.done;
  notifyOutboxChanged();
}

/** Records (or, with `undefined`, clears) the server's refusal of a queued submission. */
export async function setProblem(id: string, problem: SubmissionProblem | undefined): Promise<void> {
  const db = await deviceDb();
  const transaction = db.transaction('outbox', 'readwrite');
  const entry = await transaction.store.get(id);
  if (entry) {
    const { problem: _previous, ...rest } = entry;
    await transaction.store.put(problem ? { ...rest, problem } : rest);
  }
  await transaction.done;
  notifyOutboxChanged();
}

/** Every queued submission on this device, oldest first. */
export async function queuedSubmissions(): Promise<OutboxEntry[]> {
  const entries = await (await deviceDb()).getAll('outbox');
  return entries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).map(({ queuedAt: _queuedAt, ...entry }) => entry);
}

export async function outboxFor(slug: string): Promise<OutboxEntry[]> {
  return (await queuedSubmissions()).filter((entry) => entry.slug === slug);
}

/** When the server last confirmed a submission sent from this device, if it ever did. */
export async function lastConfirmedAt(): Promise<string | undefined> {
  return (await deviceDb()).get('facts', LAST_CONFIRMED);
}
