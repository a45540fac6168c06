import { useEffect, useState } from 'react';
import { deliver } from './deliver.ts';
import { outboxFor } from './outbox.ts';

/**
 * Sends, in the background, questionnaires completed on this device during an earlier visit whose
 * delivery had not been confirmed (the page was closed while offline). Returns how many are still
 * waiting, and whether any were sent during this visit. A plain count is enough: each delivery
 * reports its end once, and the ones stopped by the cleanup (React runs effects twice in
 * development) report nothing more.
 */
export function useEarlierSubmissions(slug: string): { waiting: number; sent: boolean } {
  const [waiting, setWaiting] = useState(0);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    const entries = outboxFor(slug);
    setWaiting(entries.length);
    const deliveries = entries.map((entry) =>
      deliver(slug, entry.submission, (state) => {
        if (state.kind !== 'stored' && state.kind !== 'rejected') return;
        setWaiting((count) => count - 1);
        if (state.kind === 'stored') setSent(true);
      }, entry.interview ?? false),
    );
    return () => deliveries.forEach((delivery) => delivery.stop());
  }, [slug]);
  return { waiting, sent };
}
