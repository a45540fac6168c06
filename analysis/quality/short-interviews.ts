import { median } from './median.ts';
import type { QualityInterview } from './types.ts';

export interface ShortInterviews {
  medianSeconds: number | null;
  /** Interviews under this many seconds are flagged; null when too few durations to judge. */
  thresholdSeconds: number | null;
  ids: string[];
}

/**
 * Interviews much shorter than the median: under `fraction` of the median duration of the same
 * mode (web self-completion and face-to-face interviews take different times), once at least
 * `minDurations` durations of that mode are known. Speeding is the most common sign of an
 * interview not really conducted (or a questionnaire clicked through); half the median is the
 * usual rule of thumb for "speeders" (e.g. Greszki, Meyer & Schoen 2015, Public Opinion Quarterly 79).
 *
 * @example
 * shortInterviews(fiveOfTenMinutesAndOneOfTwo, 0.5, 5).ids; // the two-minute one
 */
export function shortInterviews(interviews: readonly QualityInterview[], fraction: number, minDurations: number): ShortInterviews {
  const durations = interviews.flatMap((interview) => (interview.durationSeconds === null ? [] : [interview.durationSeconds]));
  const middle = median(durations);
  if (middle === null || durations.length < minDurations) return { medianSeconds: middle, thresholdSeconds: null, ids: [] };
  const threshold = fraction * middle;
  return {
    medianSeconds: middle,
    thresholdSeconds: threshold,
    ids: interviews.filter((interview) => interview.durationSeconds !== null && interview.durationSeconds < threshold).map((interview) => interview.id),
  };
}
