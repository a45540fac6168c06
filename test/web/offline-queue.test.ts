import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublishedSurvey } from '../../web/src/lib/api.ts';
import { closeDeviceDb, LEGACY_OUTBOX_KEY } from '../../web/src/offline/device-db.ts';
import { completeDraft, discardDraft, loadDraft, saveDraft } from '../../web/src/offline/drafts.ts';
import { addManyToOutbox, addToOutbox, lastConfirmedAt, outboxFor, queuedSubmissions, removeFromOutbox, type OutboxEntry } from '../../web/src/offline/outbox.ts';
import { outboxFileText, readOutboxFile } from '../../web/src/offline/outbox-file.ts';

/** localStorage as the browser has it, for the entries an earlier version of the app queued there. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const slug = 'bih-police-trust';
const entry = (n: number, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  slug,
  interview: true,
  submission: { id: `a3f1c2d4-0000-4000-8000-00000000000${n}`, version: 1, language: 'bs', answers: { trust_police: n }, enumeratorId: 7 },
  ...extra,
});
const survey = { slug, version: 3, status: 'open', definition: { pages: [] }, meta: {} } as unknown as PublishedSurvey;

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('indexedDB', new IDBFactory());
  closeDeviceDb();
});
afterEach(() => vi.unstubAllGlobals());

describe("the device's outbox in IndexedDB", () => {
  it('moves questionnaires an earlier version queued in localStorage, losing none and clearing the old copy', async () => {
    const legacy = [entry(1), entry(2, { problem: { status: 403, message: 'not assigned' } })];
    storage.setItem(LEGACY_OUTBOX_KEY, JSON.stringify(legacy));
    expect(await queuedSubmissions()).toEqual(legacy);
    expect(storage.getItem(LEGACY_OUTBOX_KEY)).toBeNull();
    // Opening again (another page) finds them once, not twice.
    closeDeviceDb();
    expect(await queuedSubmissions()).toHaveLength(2);
  });

  it('leaves an unreadable localStorage outbox where it is rather than throwing it away', async () => {
    storage.setItem(LEGACY_OUTBOX_KEY, '{not json');
    expect(await queuedSubmissions()).toEqual([]);
    expect(storage.getItem(LEGACY_OUTBOX_KEY)).toBe('{not json');
  });

  it('remembers when the server last confirmed one, and forgets the confirmed one', async () => {
    await addToOutbox(entry(1));
    expect(await lastConfirmedAt()).toBeUndefined();
    const before = Date.now();
    await removeFromOutbox(entry(1).submission.id);
    expect(await outboxFor(slug)).toEqual([]);
    expect(Date.parse((await lastConfirmedAt())!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('adds a loaded file once: interviews already on the device are not duplicated', async () => {
    await addToOutbox(entry(1));
    expect(await addManyToOutbox([entry(1), entry(2), entry(3)])).toEqual({ added: 2, alreadyHere: 1 });
    expect((await queuedSubmissions()).map((queued) => queued.submission.id).sort()).toEqual([1, 2, 3].map((n) => entry(n).submission.id));
  });
});

describe('answers in progress', () => {
  it('are kept per survey and per kind of use, with the version (and questionnaire) they were started on', async () => {
    await saveDraft(slug, true, { survey, answers: { consent: 'yes' }, pageNo: 2, language: 'sr-Cyrl', startedAt: '2026-12-01T08:00:00.000Z' });
    expect(await loadDraft(slug, false)).toBeUndefined();
    const draft = await loadDraft(slug, true);
    expect(draft).toMatchObject({ survey: { version: 3 }, answers: { consent: 'yes' }, pageNo: 2, language: 'sr-Cyrl', startedAt: '2026-12-01T08:00:00.000Z' });
    await discardDraft(slug, true);
    expect(await loadDraft(slug, true)).toBeUndefined();
  });

  it('once completed, leave the drafts and join the outbox together', async () => {
    await saveDraft(slug, true, { survey, answers: { consent: 'yes' }, pageNo: 5, language: 'bs', startedAt: '2026-12-01T08:00:00.000Z' });
    await completeDraft(entry(4));
    expect(await loadDraft(slug, true)).toBeUndefined();
    expect(await outboxFor(slug)).toEqual([entry(4)]);
  });
});

describe('the saved-interviews file', () => {
  it('reads back what was saved, without the server refusals (the receiving device asks again)', () => {
    const saved = [entry(1), entry(2, { problem: { status: 403, message: 'not assigned' } })];
    expect(readOutboxFile(outboxFileText(saved))).toEqual([entry(1), entry(2)]);
  });

  it('refuses other files in words', () => {
    expect(readOutboxFile('hello')).toEqual(new Error('This file is not a saved-interviews file (it is not JSON).'));
    expect((readOutboxFile('{"format":"trustlens-unsent-interviews","version":1,"savedAt":"x","entries":[{"slug":"s"}]}') as Error).message)
      .toMatch(/^This file is not a saved-interviews file Trustlens can read \(entries\.0\.submission: /);
  });
});
