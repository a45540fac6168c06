import type { Paradata } from '../lib/paradata.ts';

/** What a completed questionnaire sends to the server (POST /api/surveys/:slug/responses). */
export interface Submission {
  id: string;
  version: number;
  language: string;
  answers: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
  /**
   * Who conducted an interview, recorded when it was completed, so that it keeps its enumerator
   * when someone else's device sends it (a supervisor loading a saved file).
   */
  enumeratorId?: number;
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

/** Answers in progress on this device for one survey, saved after every page. */
export interface Draft {
  /** `<slug>|interview` or `<slug>|resident`: one draft per survey and kind of use on a device. */
  key: string;
  slug: string;
  interview: boolean;
  /** The published version the answers belong to, with its questionnaire, so a draft continues on it. */
  version: number;
  survey: unknown;
  answers: Record<string, unknown>;
  pageNo: number;
  language: string;
  startedAt: string;
  savedAt: string;
}
