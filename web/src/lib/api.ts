import type { SurveyDefinition, SurveyMeta } from '../../../surveys/types.ts';
import type { Submission, SubmissionProblem } from '../offline/outbox.ts';
import { paradataAtSending } from './paradata.ts';
import { getCsrfToken, refreshCsrfToken } from './staff-api.ts';

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
  | { kind: 'retry'; reason: string; retryAfterSeconds?: number }
  /** An interview sent after the enumerator's session ended (expired while offline): it waits for a sign-in. */
  | { kind: 'signed-out' }
  | { kind: 'attention'; problem: SubmissionProblem };

/**
 * Sends one submission. 201 and 200 (already stored) mean done. Worth retrying with the same id:
 * no answer at all (network failure, timeout), 5xx, 408 and 429 (after the server's Retry-After).
 * An interview answered 401 (the session expired, perhaps while the tablet was offline) waits
 * for the enumerator to sign in again, and is then sent as it was.
 * Any other answer (403, 404, 409, 413, 422 …) says something a person must sort out
 * (sign in, be assigned, the questionnaire changed, fieldwork closed): sending the same request
 * again would get the same answer, so it comes back as needing attention with the server's message.
 * A resident's submission goes without cookies: it is anonymous even when someone signed in to
 * Trustlens tries a survey in the same browser. An enumerator's interview goes with the session
 * and its CSRF token.
 */
export async function sendSubmission(slug: string, submission: Submission, interview = false): Promise<SendOutcome> {
  let response: Response;
  // A page opened offline never learnt the session's CSRF token: ask for it now that we can.
  const csrfToken = interview ? getCsrfToken() ?? await refreshCsrfToken() : undefined;
  try {
    response = await fetch(`/api/surveys/${encodeURIComponent(slug)}/responses`, {
      method: 'POST',
      credentials: interview ? 'same-origin' : 'omit',
      headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: JSON.stringify(paradataAtSending(submission)),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    return { kind: 'retry', reason: (error as Error).message || 'network error' };
  }
  if (response.status === 201 || response.status === 200) return { kind: 'stored' };
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return { kind: 'retry', reason: `server answered ${response.status}`, retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')) };
  }
  if (response.status === 401 && interview) return { kind: 'signed-out' };
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return { kind: 'attention', problem: { status: response.status, message: body.error?.message ?? `HTTP ${response.status}`, details: body.error?.details } };
}

/** Seconds from a Retry-After header (a number of seconds or an HTTP date), if it gives a usable one. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}
