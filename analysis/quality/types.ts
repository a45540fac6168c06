/** One response as the fieldwork-quality flags see it: who collected it, when, how long, what was answered. */
export interface QualityInterview {
  id: string;
  /** The enumerator's key (an account id as text), or null for self-completion on the web. */
  enumerator: string | null;
  /** UTC day the response was completed (YYYY-MM-DD). */
  day: string;
  /** Seconds from first page to completion; null when the client sent no times. */
  durationSeconds: number | null;
  /** The answers the flags read (construct items, pattern items, questions with "don't know"). */
  answers: Record<string, unknown>;
}

/** What the questionnaire says about its questions, taken from its meta and item bank by the caller. */
export interface QualitySpec {
  /** Multi-item constructs (meta.reliability, scale indicators): id and item question names. */
  constructs: { id: string; items: string[] }[];
  /** Question name → the answer values that mean "don't know" (only questions offering one). */
  dontKnow: Record<string, (string | number)[]>;
  /** Questions compared for identical answer patterns, in a fixed order. */
  patternItems: string[];
}

/** The thresholds of the flags; docs/methods.md ("Fieldwork quality") explains each choice. */
export interface QualityThresholds {
  /** An interview is "much shorter" below this fraction of the median duration of its mode. */
  shortFraction: number;
  /** Fewest durations of a mode before its median is trusted for the short flag. */
  minDurations: number;
  /** Fewest items for a construct to count in straight-lining. */
  straightMinItems: number;
  /** Fewest interviews of an enumerator, and of the others together, to compare "don't know" shares. */
  dontKnowMinInterviews: number;
  /** Smallest difference of mean "don't know" shares (0-1) that is flagged ... */
  dontKnowMinDifference: number;
  /** ... when also at least this many standard errors away. */
  dontKnowMinZ: number;
  /** Fewest answered pattern items for two interviews to count as one identical pattern. */
  patternMinAnswered: number;
}

export const DEFAULT_THRESHOLDS: QualityThresholds = {
  shortFraction: 0.5,
  minDurations: 5,
  straightMinItems: 3,
  dontKnowMinInterviews: 5,
  dontKnowMinDifference: 0.1,
  dontKnowMinZ: 3,
  patternMinAnswered: 5,
};
