/**
 * Completed questionnaires not yet confirmed by the server, kept in localStorage so that a
 * closed tab, a dead connection or a server restart never loses them. An entry is removed only
 * after the server has answered 201 or 200 (stored). The id inside makes re-sending safe.
 */
import type { Paradata } from './paradata.ts';

export interface Submission {
  id: string;
  version: number;
  language: string;
  answers: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
  /** How it was filled in (lib/paradata.ts); completed with the send times as it is sent. */
  paradata?: Paradata;
}

/** A reply that sending again unchanged cannot fix (403, 409, 422 …): the entry waits for a person. */
export interface SubmissionProblem {
  status: number;
  message: string;
  details?: { field: string; issue: string }[];
}

export interface OutboxEntry {
  slug: string;
  submission: Submission;
  /** An enumerator's interview: sent with the enumerator's session, so it is stored with their id. */
  interview?: boolean;
  /** Set when the server refused it: kept, shown as needing attention, and sent again only on request. */
  problem?: SubmissionProblem;
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

/** Records (or, with `undefined`, clears) the server's refusal of a queued submission. */
export function setProblem(id: string, problem: SubmissionProblem | undefined): void {
  writeAll(readAll().map((entry) => {
    if (entry.submission.id !== id) return entry;
    const { problem: _previous, ...rest } = entry;
    return problem ? { ...rest, problem } : rest;
  }));
}

export function outboxFor(slug: string): OutboxEntry[] {
  return readAll().filter((entry) => entry.slug === slug);
}
