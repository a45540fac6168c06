import { z } from 'zod';

/** A week, in seconds: longer than any interview or queue the paradata could honestly describe. */
export const MAX_SECONDS = 7 * 24 * 3600;
const seconds = z.number({ message: 'must be a number of seconds' }).finite().min(0, { message: 'must be at least 0' })
  .max(MAX_SECONDS, { message: `must be at most ${MAX_SECONDS} (a week)` });
const name = z.string({ message: 'must be text' }).min(1, { message: 'must not be empty' }).max(100, { message: 'must be at most 100 characters' });

/**
 * How a questionnaire was filled in, sent beside the answers (never part of them): nothing in it
 * identifies the respondent or the device — no address, user agent, screen size or location.
 * Every part is optional, so interviews queued by an older app (no paradata) are still stored.
 * Sizes are capped so that paradata can never grow a submission past what a questionnaire needs.
 */
export const paradataSchema = z.strictObject({
  /** The app build that collected the answers (the web app's package version). */
  appVersion: z.string({ message: 'must be text' }).min(1, { message: 'must not be empty' }).max(64, { message: 'must be at most 64 characters' }).optional(),
  /** Seconds on each page, summed over visits, in the order the pages were first shown. */
  pages: z.array(z.strictObject({ name, seconds }), { message: 'must be a list of { name, seconds }' })
    .max(500, { message: 'must list at most 500 pages' }).optional(),
  /** Each change of language while answering, with seconds since the questionnaire was shown. */
  languageSwitches: z.array(z.strictObject({ from: z.string().min(1).max(20), to: z.string().min(1).max(20), atSeconds: seconds }), { message: 'must be a list of { from, to, atSeconds }' })
    .max(100, { message: 'must list at most 100 switches' }).optional(),
  /** Seconds the page saw the device offline between showing the questionnaire and this send. */
  offlineSeconds: seconds.optional(),
  /** Seconds between completion and this send (the time it waited on the device). */
  queuedSeconds: seconds.optional(),
});

export type Paradata = z.infer<typeof paradataSchema>;
