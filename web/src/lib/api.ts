import type { SurveyDefinition, SurveyMeta } from '../../../surveys/types.ts';
import type { Submission } from './outbox.ts';
import { getCsrfToken } from './staff-api.ts';

export interface PublishedSurvey {
  slug: string;
  version: number;
  status: 'open' | 'closed';
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

export interface SurveySummary {
  slug: string;
  version: number;
  languages: string[];
  title: Record<string, string>;
}

interface ErrorBody {
  error?: { type?: string; message?: string; details?: { field: string; issue: string }[] };
}

export class RequestError extends Error {
  constructor(message: string, readonly status: number, readonly details?: { field: string; issue: string }[]) {
    super(message);
  }
}

/** The JSON body of an API answer, or a RequestError with the server's message and field details. */
export async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) throw new RequestError(body.error?.message ?? `HTTP ${response.status}`, response.status, body.error?.details);
  return body;
}

export async function fetchSurvey(slug: string): Promise<PublishedSurvey> {
  return readJson(await fetch(`/api/surveys/${encodeURIComponent(slug)}`));
}

export async function fetchSurveyList(): Promise<SurveySummary[]> {
  return (await readJson<{ surveys: SurveySummary[] }>(await fetch('/api/surveys'))).surveys;
}

/** What became of one attempt to send a submission. */
export type SendOutcome =
  | { kind: 'stored' }
  | { kind: 'retry'; reason: string }
  | { kind: 'rejected'; message: string; details?: { field: string; issue: string }[] };

/**
 * Sends one submission. Network failures, timeouts, 5xx, 408 and 429 are worth retrying with the
 * same id; 201 and 200 (already stored) mean done; any other answer is a refusal to show.
 * A resident's submission goes without cookies: it is anonymous even when someone signed in to
 * Trustlens tries a survey in the same browser. An enumerator's interview goes with the session
 * and its CSRF token; when the session has ended (401/403) it waits for them to sign in again.
 */
export async function sendSubmission(slug: string, submission: Submission, interview = false): Promise<SendOutcome> {
  let response: Response;
  const csrfToken = interview ? getCsrfToken() : undefined;
  try {
    response = await fetch(`/api/surveys/${encodeURIComponent(slug)}/responses`, {
      method: 'POST',
      credentials: interview ? 'same-origin' : 'omit',
      headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify(submission),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    return { kind: 'retry', reason: (error as Error).message || 'network error' };
  }
  if (response.status === 201 || response.status === 200) return { kind: 'stored' };
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: 'retry', reason: `server answered ${response.status}` };
  }
  if (interview && (response.status === 401 || response.status === 403)) return { kind: 'retry', reason: 'signed out' };
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return { kind: 'rejected', message: body.error?.message ?? `HTTP ${response.status}`, details: body.error?.details };
}
