import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft, OutboxEntry } from './types.ts';

/**
 * This device's own database (IndexedDB, through `idb`): completed questionnaires waiting to be
 * sent (`outbox`), answers in progress (`drafts`) and small facts such as when the server last
 * confirmed one (`facts`). IndexedDB rather than localStorage: it survives as long as the site's
 * storage, is shared by every tab and by the service worker, holds far more than localStorage's
 * few megabytes, and writes transactionally, so a completed interview moves from draft to outbox
 * in one step (docs/decisions: the offline queue).
 */
interface DeviceSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry & { queuedAt: string } };
  drafts: { key: string; value: Draft };
  facts: { key: string; value: string };
}

export type DeviceDb = IDBPDatabase<DeviceSchema>;

/** Where the outbox lived before it moved to IndexedDB; read once, then cleared. */
export const LEGACY_OUTBOX_KEY = 'trustlens.outbox.v1';

let opening: Promise<DeviceDb> | undefined;

export function deviceDb(): Promise<DeviceDb> {
  opening ??= openDB<DeviceSchema>('trustlens', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'submission.id' });
      db.createObjectStore('drafts', { keyPath: 'key' });
      db.createObjectStore('facts');
    },
  }).then(async (db) => {
    await migrateLegacyOutbox(db);
    return db;
  }).catch((error: unknown) => {
    // A failed open (storage busy or refused for a moment) is not remembered: the next caller tries again.
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Forgets the open connection (tests give each case a fresh database). */
export function closeDeviceDb(): void {
  void opening?.then((db) => db.close());
  opening = undefined;
}

/**
 * Moves questionnaires queued by an earlier version of the app (in localStorage) into IndexedDB.
 * The old entries are removed only after the transaction that stores them has committed, so a
 * crash half-way leaves them where they were, to be moved on the next start; an id already in
 * the outbox is kept as it is (the same questionnaire, moved before).
 */
async function migrateLegacyOutbox(db: DeviceDb): Promise<void> {
  if (typeof localStorage === 'undefined') return;
  const raw = localStorage.getItem(LEGACY_OUTBOX_KEY);
  if (raw === null) return;
  let legacy: unknown;
  try {
    legacy = JSON.parse(raw);
  } catch {
    // Unreadable: left in place rather than thrown away, in case a person can recover it.
    return;
  }
  if (!Array.isArray(legacy)) return;
  const transaction = db.transaction('outbox', 'readwrite');
  const queuedAt = new Date().toISOString();
  for (const entry of legacy as OutboxEntry[]) {
    if (!entry?.submission?.id) continue;
    if (!(await transaction.store.get(entry.submission.id))) await transaction.store.put({ ...entry, queuedAt });
  }
  await transaction.done;
  localStorage.removeItem(LEGACY_OUTBOX_KEY);
}
