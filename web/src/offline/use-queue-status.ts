import { useEffect, useState } from 'react';
import { onOutboxChanged } from './outbox-events.ts';
import { lastConfirmedAt, queuedSubmissions } from './outbox.ts';
import type { OutboxEntry } from './types.ts';

export interface QueueStatus {
  /** Queued and still to be sent (the server has not refused them). */
  waiting: number;
  /** Refused by the server; they wait for a person. */
  needingAttention: number;
  /** When the server last confirmed a submission from this device (ISO time), if ever. */
  lastConfirmed?: string;
  entries: OutboxEntry[];
}

/** What this device's queue holds, kept current as submissions are queued, sent or refused. */
export function useQueueStatus(): QueueStatus | undefined {
  const [status, setStatus] = useState<QueueStatus | undefined>();
  useEffect(() => {
    let current = true;
    const read = () => {
      void Promise.all([queuedSubmissions(), lastConfirmedAt()]).then(([entries, lastConfirmed]) => {
        if (!current) return;
        const needingAttention = entries.filter((entry) => entry.problem).length;
        setStatus({ waiting: entries.length - needingAttention, needingAttention, lastConfirmed, entries });
      });
    };
    read();
    const stop = onOutboxChanged(read);
    return () => {
      current = false;
      stop();
    };
  }, []);
  return status;
}
