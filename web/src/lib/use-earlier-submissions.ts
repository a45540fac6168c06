import { useCallback, useEffect, useRef, useState } from 'react';
import { deliver } from './deliver.ts';
import { outboxFor, type OutboxEntry } from '../offline/outbox.ts';

export interface EarlierSubmissions {
  /** Queued earlier and still being sent in the background. */
  waiting: number;
  /** At least one was stored during this visit. */
  sent: boolean;
  /** Refused by the server (403, 409, 422 …): kept on the device, not resent until asked. */
  needingAttention: OutboxEntry[];
  /** Sends one of those again, because a person has dealt with the cause. */
  sendAgain: (id: string) => void;
  /** Reads the outbox again (a delivery of this visit has just been refused). */
  refresh: () => void;
}

/**
 * Sends, in the background, questionnaires completed on this device during an earlier visit whose
 * delivery had not been confirmed (the page was closed while offline). Ones the server refused
 * are not sent blindly again: they are listed as needing attention until someone presses "Send
 * again". A plain count is enough for the rest: each delivery reports its end once, and the ones
 * stopped by the cleanup (React runs effects twice in development) report nothing more.
 * `shownId` is the submission the page is showing itself, left out of the list.
 */
export function useEarlierSubmissions(slug: string, shownId?: string): EarlierSubmissions {
  const [waiting, setWaiting] = useState(0);
  const [sent, setSent] = useState(false);
  const [refused, setRefused] = useState<OutboxEntry[]>([]);
  const deliveries = useRef<{ stop: () => void }[]>([]);
  const readAttention = useCallback(() => {
    void outboxFor(slug).then((entries) => setRefused(entries.filter((entry) => entry.problem)));
  }, [slug]);

  const start = useCallback((entry: OutboxEntry) => {
    setWaiting((count) => count + 1);
    deliveries.current.push(deliver(slug, entry.submission, (state) => {
      if (state.kind !== 'stored' && state.kind !== 'attention' && state.kind !== 'signed-out') return;
      setWaiting((count) => count - 1);
      if (state.kind === 'stored') setSent(true);
      readAttention();
    }, entry.interview ?? false));
  }, [slug, readAttention]);

  useEffect(() => {
    let current = true;
    setWaiting(0);
    readAttention();
    void outboxFor(slug).then((entries) => {
      // Ids the page itself is sending are left to it (the one shown, drafts just completed).
      if (current) for (const entry of entries) if (!entry.problem && entry.submission.id !== shownId) start(entry);
    });
    return () => {
      current = false;
      deliveries.current.forEach((delivery) => delivery.stop());
      deliveries.current = [];
    };
    // Read once per survey: `shownId` changing later is the page's own submission, not an earlier one.
  }, [slug, start, readAttention]);

  const sendAgain = useCallback((id: string) => {
    void outboxFor(slug).then((entries) => {
      const entry = entries.find((candidate) => candidate.submission.id === id);
      if (!entry) return;
      start(entry);
      readAttention();
    });
  }, [slug, start, readAttention]);

  const needingAttention = refused.filter((entry) => entry.submission.id !== shownId);
  return { waiting, sent, needingAttention, sendAgain, refresh: readAttention };
}
