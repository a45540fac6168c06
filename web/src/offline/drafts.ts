import type { PublishedSurvey } from '../lib/api.ts';
import { deviceDb } from './device-db.ts';
import { notifyOutboxChanged } from './outbox-events.ts';
import type { Draft, OutboxEntry } from './types.ts';

/**
 * Answers in progress, saved on this device after every page so that a reload, a crash or a
 * browser restart does not lose them: one draft per survey for residents and one for interviews.
 * A draft keeps the questionnaire version it was started on, so an interview begun on version N
 * continues (and is sent) as N even if N+1 was published meanwhile.
 */
export interface SavedDraft {
  survey: PublishedSurvey;
  answers: Record<string, unknown>;
  pageNo: number;
  language: string;
  startedAt: string;
  savedAt: string;
}

const keyOf = (slug: string, interview: boolean) => `${slug}|${interview ? 'interview' : 'resident'}`;

export async function saveDraft(slug: string, interview: boolean, draft: Omit<SavedDraft, 'savedAt'>): Promise<void> {
  const record: Draft = {
    key: keyOf(slug, interview), slug, interview, version: draft.survey.version, survey: draft.survey,
    answers: draft.answers, pageNo: draft.pageNo, language: draft.language, startedAt: draft.startedAt,
    savedAt: new Date().toISOString(),
  };
  await (await deviceDb()).put('drafts', record);
}

export async function loadDraft(slug: string, interview: boolean): Promise<SavedDraft | undefined> {
  const record = await (await deviceDb()).get('drafts', keyOf(slug, interview));
  if (!record) return undefined;
  return {
    survey: record.survey as PublishedSurvey, answers: record.answers, pageNo: record.pageNo,
    language: record.language, startedAt: record.startedAt, savedAt: record.savedAt,
  };
}

export async function discardDraft(slug: string, interview: boolean): Promise<void> {
  await (await deviceDb()).delete('drafts', keyOf(slug, interview));
}

/**
 * A completed questionnaire leaves its draft and joins the outbox in one transaction: it is never
 * both (sent twice from a resumed draft) nor neither (lost between the two).
 */
export async function completeDraft(entry: OutboxEntry): Promise<void> {
  const db = await deviceDb();
  const transaction = db.transaction(['drafts', 'outbox'], 'readwrite');
  await transaction.objectStore('outbox').put({ ...entry, queuedAt: new Date().toISOString() });
  await transaction.objectStore('drafts').delete(keyOf(entry.slug, entry.interview ?? false));
  await transaction.done;
  notifyOutboxChanged();
}
