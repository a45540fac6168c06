import { z } from 'zod';
import type { OutboxEntry } from './types.ts';

/**
 * "Save unsent interviews to a file" and "Load interviews from a file": a way round a tablet that
 * cannot reach the server (no signal for days, a broken screen). The file holds the queued
 * submissions exactly as the tablet would send them, ids included, so the server stores each
 * once whichever device sends it first, and answers a later copy as a retry.
 */
const FORMAT = 'trustlens-unsent-interviews';

const entrySchema = z.object({
  slug: z.string().min(1),
  interview: z.boolean().optional(),
  submission: z.object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    language: z.string(),
    answers: z.record(z.string(), z.unknown()),
    startedAt: z.string().optional(),
    completedAt: z.string().optional(),
    enumeratorId: z.number().int().positive().optional(),
  }).passthrough(),
});

const fileSchema = z.object({ format: z.literal(FORMAT), version: z.literal(1), savedAt: z.string(), entries: z.array(entrySchema) });

/** The file's text; refusals the server gave are not part of it (the receiving device asks again). */
export function outboxFileText(entries: OutboxEntry[], savedAt = new Date()): string {
  const plain = entries.map(({ slug, interview, submission }) => ({ slug, interview, submission }));
  return JSON.stringify({ format: FORMAT, version: 1, savedAt: savedAt.toISOString(), entries: plain }, null, 2);
}

export function outboxFileName(savedAt = new Date()): string {
  return `trustlens-unsent-${savedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.json`;
}

/** The entries of a saved file, or an Error saying in words what is wrong with it. */
export function readOutboxFile(text: string): OutboxEntry[] | Error {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Error('This file is not a saved-interviews file (it is not JSON).');
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return new Error(`This file is not a saved-interviews file Trustlens can read (${issue.path.join('.') || 'file'}: ${issue.message}).`);
  }
  return result.data.entries as OutboxEntry[];
}
