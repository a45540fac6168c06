import type { Page } from 'playwright-core';

export interface QueuedOnDevice {
  slug: string;
  submission: { id: string; version: number; enumeratorId?: number };
  problem?: { status: number };
}

export interface DraftOnDevice {
  slug: string;
  interview: boolean;
  version: number;
  pageNo: number;
  answers: Record<string, unknown>;
}

/** Every record of one store of the page's device database (IndexedDB "trustlens"), read as the app would. */
function readStore<T>(page: Page, store: 'outbox' | 'drafts'): Promise<T[]> {
  return page.evaluate((name) => new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('trustlens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction(name).objectStore(name).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as T[]);
      };
      all.onerror = () => reject(all.error);
    };
  }), store);
}

/** What the page's device holds in its outbox: completed, not yet confirmed by the server. */
export function queuedOnDevice(page: Page): Promise<QueuedOnDevice[]> {
  return readStore<QueuedOnDevice>(page, 'outbox');
}

/** The answers in progress the page's device keeps, one per survey and kind of use. */
export function draftsOnDevice(page: Page): Promise<DraftOnDevice[]> {
  return readStore<DraftOnDevice>(page, 'drafts');
}
