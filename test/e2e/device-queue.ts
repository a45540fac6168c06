import type { Page } from 'playwright-core';

export interface QueuedOnDevice {
  slug: string;
  submission: { id: string; version: number; enumeratorId?: number };
  problem?: { status: number };
}

/** What the page's device holds in its outbox (IndexedDB "trustlens", store "outbox"), read as the app would. */
export function queuedOnDevice(page: Page): Promise<QueuedOnDevice[]> {
  return page.evaluate(() => new Promise<QueuedOnDevice[]>((resolve, reject) => {
    const open = indexedDB.open('trustlens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('outbox')) {
        db.close();
        resolve([]);
        return;
      }
      const all = db.transaction('outbox').objectStore('outbox').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as QueuedOnDevice[]);
      };
      all.onerror = () => reject(all.error);
    };
  }));
}
