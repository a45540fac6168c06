import type { PageMessages } from '../lib/messages.ts';
import { useQueueStatus } from './use-queue-status.ts';

/** One line on every interview page: how many interviews wait on this device, and when one last went through. */
export function QueueLine({ messages, language }: { messages: PageMessages; language: string }) {
  const status = useQueueStatus();
  if (!status) return null;
  const lastConfirmed = status.lastConfirmed ? new Date(status.lastConfirmed).toLocaleString(language) : undefined;
  return <p className="queue-line hint" role="status">{messages.queueLine(status.waiting + status.needingAttention, lastConfirmed)}</p>;
}
