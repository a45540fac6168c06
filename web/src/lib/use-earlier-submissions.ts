import { useEffect, useState } from 'react';
import { deliver } from './deliver.ts';
import { outboxFor } from './outbox.ts';

/**
 * Sends, in the background, questionnaires completed on this device during an earlier visit whose
 * delivery had not been confirmed (the page was closed while offline). Returns how many are still
 * waiting, and whether any were sent during this visit. Tracked by id, so a submission picked up
 * twice (React runs effects twice in development) is still counted once.
 */
export function useEarlierSubmissions(slug: string): { waiting: number; sent: boolean } {
  const [waiting, setWaiting] = useState<ReadonlySet<string>>(new Set());
  const [sent, setSent] = useState(false);
  useEffect(() => {
    const entries = outboxFor(slug);
    setWaiting(new Set(entries.map((entry) => entry.submission.id)));
    const deliveries = entries.map((entry) =>
      deliver(slug, entry.submission, (state) => {
        if (state.kind !== 'stored' && state.kind !== 'rejected') return;
        setWaiting((ids) => new Set([...ids].filter((id) => id !== entry.submission.id)));
        if (state.kind === 'stored') setSent(true);
      }, entry.interview ?? false),
    );
    return () => deliveries.forEach((delivery) => delivery.stop());
  }, [slug]);
  return { waiting: waiting.size, sent };
}
