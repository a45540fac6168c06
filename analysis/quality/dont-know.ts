import type { QualityInterview, QualitySpec } from './types.ts';

/**
 * The share of one interview's answers to questions offering "don't know" that are "don't know";
 * null when it answered none of them.
 */
export function dontKnowShare(interview: QualityInterview, spec: QualitySpec): number | null {
  let offered = 0;
  let dontKnow = 0;
  for (const [question, codes] of Object.entries(spec.dontKnow)) {
    const value = interview.answers[question];
    if (value === undefined || value === null || value === '') continue;
    offered++;
    if (codes.some((code) => String(code) === String(value))) dontKnow++;
  }
  return offered === 0 ? null : dontKnow / offered;
}

export interface DontKnowComparison {
  /** Mean "don't know" share of this enumerator's interviews (0-1), and of all other enumerators'. */
  share: number | null;
  othersShare: number | null;
  /** Difference in standard errors (Welch); null when not compared (too few interviews). */
  z: number | null;
  flagged: boolean;
}

const meanAndVariance = (values: number[]) => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, variance };
};

/**
 * Whether one enumerator's "don't know" share is far from the other enumerators': the mean of
 * its interviews' shares against the mean over all other enumerators' interviews, flagged when
 * they differ by at least `minDifference` and by at least `minZ` standard errors of the
 * difference (Welch, interviews as the units, since answers within one interview go together).
 * Too many "don't know" answers can mean an enumerator who does not probe, or who fills in
 * interviews without asking; too few, one who pushes for answers.
 *
 * @example
 * compareDontKnow([0.5, 0.6, 0.4, 0.5, 0.5], [0, 0.1, 0, 0, 0.1, 0], 0.1, 3).flagged; // true
 */
export function compareDontKnow(own: number[], others: number[], minDifference: number, minZ: number, minInterviews = 5): DontKnowComparison {
  const ownStats = own.length > 0 ? meanAndVariance(own) : null;
  const otherStats = others.length > 0 ? meanAndVariance(others) : null;
  const base = { share: ownStats?.mean ?? null, othersShare: otherStats?.mean ?? null };
  if (!ownStats || !otherStats || own.length < minInterviews || others.length < minInterviews) return { ...base, z: null, flagged: false };
  const difference = ownStats.mean - otherStats.mean;
  const standardError = Math.sqrt(ownStats.variance / own.length + otherStats.variance / others.length);
  // Both sides without any spread: any difference is certain (z infinite), none is none.
  const z = standardError > 0 ? difference / standardError : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return { ...base, z: Number.isFinite(z) ? z : null, flagged: Math.abs(difference) >= minDifference && Math.abs(z) >= minZ };
}
