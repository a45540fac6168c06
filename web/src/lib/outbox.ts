/**
 * Completed questionnaires not yet confirmed by the server, kept in localStorage so that a
 * closed tab, a dead connection or a server restart never loses them. An entry is removed only
 * after the server has answered 201 or 200 (stored). The id inside makes re-sending safe.
 */
export interface Submission {
  id: string;
  version: number;
  language: string;
  answers: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
}

export interface OutboxEntry {
  slug: string;
  submission: Submission;
  /** An enumerator's interview: sent with the enumerator's session, so it is stored with their id. */
  interview?: boolean;
}

const KEY = 'trustlens.outbox.v1';

function readAll(): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

function writeAll(entries: OutboxEntry[]): void {
  localStorage.setItem(KEY, JSON.stringify(entries));
}

export function addToOutbox(entry: OutboxEntry): void {
  writeAll([...readAll().filter((other) => other.submission.id !== entry.submission.id), entry]);
}

export function removeFromOutbox(id: string): void {
  writeAll(readAll().filter((entry) => entry.submission.id !== id));
}

export function outboxFor(slug: string): OutboxEntry[] {
  return readAll().filter((entry) => entry.slug === slug);
}
