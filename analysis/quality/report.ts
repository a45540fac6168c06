import { compareDontKnow, dontKnowShare, type DontKnowComparison } from './dont-know.ts';
import { identicalPatterns } from './identical-patterns.ts';
import { median } from './median.ts';
import { shortInterviews } from './short-interviews.ts';
import { straightLiners } from './straight-lining.ts';
import { DEFAULT_THRESHOLDS, type QualityInterview, type QualitySpec, type QualityThresholds } from './types.ts';

/** The figures and flags of one set of interviews: one enumerator's, the web's, or all of them. */
export interface QualityFigures {
  interviews: number;
  perDay: { day: string; interviews: number }[];
  medianDurationSeconds: number | null;
  /** Ids of the responses behind each flag. */
  short: string[];
  straightLining: string[];
  /** Groups of ids with one identical answer pattern (within one enumerator). */
  identical: string[][];
}

export interface GroupQuality extends QualityFigures {
  /** The enumerator's key, or null for web self-completion. */
  enumerator: string | null;
  dontKnow: DontKnowComparison & { ids: string[] };
}

export interface QualityReport {
  thresholds: QualityThresholds;
  /** "Much shorter" limits in seconds, per mode (null: too few durations to judge). */
  shortThresholdSeconds: { web: number | null; enumerator: number | null };
  overall: QualityFigures & { dontKnowShare: number | null };
  groups: GroupQuality[];
}

function perDay(interviews: readonly QualityInterview[]): QualityFigures['perDay'] {
  const counts = new Map<string, number>();
  for (const interview of interviews) counts.set(interview.day, (counts.get(interview.day) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, interviews: count }));
}

const durations = (interviews: readonly QualityInterview[]) => interviews.flatMap((interview) => (interview.durationSeconds === null ? [] : [interview.durationSeconds]));
const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

/**
 * The fieldwork-quality view of a survey, overall and per enumerator (web self-completion as a
 * group of its own): interviews per day, median duration, interviews much shorter than the
 * median, straight-lining on multi-item constructs, a "don't know" share far from the other
 * enumerators', and identical answer patterns within one enumerator. Each flag lists the ids of
 * the responses behind it. Pure: the caller loads the interviews and says what the questions are.
 *
 * @example
 * fieldworkQuality(interviews, { constructs, dontKnow, patternItems }).groups[0].short; // ['id-…']
 */
export function fieldworkQuality(interviews: readonly QualityInterview[], spec: QualitySpec, thresholds: QualityThresholds = DEFAULT_THRESHOLDS): QualityReport {
  const byMode = { web: interviews.filter((interview) => interview.enumerator === null), enumerator: interviews.filter((interview) => interview.enumerator !== null) };
  const shortWeb = shortInterviews(byMode.web, thresholds.shortFraction, thresholds.minDurations);
  const shortInterviewer = shortInterviews(byMode.enumerator, thresholds.shortFraction, thresholds.minDurations);
  const short = new Set([...shortWeb.ids, ...shortInterviewer.ids]);
  const straight = new Set(straightLiners(interviews, spec, thresholds.straightMinItems));
  const identical = identicalPatterns(interviews, spec.patternItems, thresholds.patternMinAnswered);
  const shares = new Map(interviews.map((interview) => [interview.id, dontKnowShare(interview, spec)]));

  const groups = new Map<string | null, QualityInterview[]>();
  for (const interview of interviews) groups.set(interview.enumerator, [...(groups.get(interview.enumerator) ?? []), interview]);
  const sharesOf = (list: readonly QualityInterview[]) => list.flatMap((interview) => {
    const share = shares.get(interview.id);
    return share === null || share === undefined ? [] : [share];
  });

  const figures = (list: readonly QualityInterview[]): QualityFigures => {
    const ids = new Set(list.map((interview) => interview.id));
    return {
      interviews: list.length,
      perDay: perDay(list),
      medianDurationSeconds: median(durations(list)),
      short: list.filter((interview) => short.has(interview.id)).map((interview) => interview.id),
      straightLining: list.filter((interview) => straight.has(interview.id)).map((interview) => interview.id),
      identical: identical.filter((group) => ids.has(group[0]!)),
    };
  };

  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, undefined, { numeric: true })));
  return {
    thresholds,
    shortThresholdSeconds: { web: shortWeb.thresholdSeconds, enumerator: shortInterviewer.thresholdSeconds },
    overall: { ...figures(interviews), dontKnowShare: mean(sharesOf(interviews)) },
    groups: keys.map((enumerator): GroupQuality => {
      const list = groups.get(enumerator)!;
      const own = sharesOf(list);
      // Enumerators are compared with the other enumerators; the web is described, not compared.
      const comparison = enumerator === null
        ? { share: mean(own), othersShare: null, z: null, flagged: false }
        : compareDontKnow(own, sharesOf(byMode.enumerator.filter((interview) => interview.enumerator !== enumerator)),
          thresholds.dontKnowMinDifference, thresholds.dontKnowMinZ, thresholds.dontKnowMinInterviews);
      const higher = (comparison.share ?? 0) >= (comparison.othersShare ?? 0);
      // Behind a high share: the interviews with a "don't know"; behind a low one: every interview compared.
      const ids = comparison.flagged
        ? list.filter((interview) => { const share = shares.get(interview.id); return share !== null && share !== undefined && (!higher || share > 0); }).map((interview) => interview.id)
        : [];
      return { enumerator, ...figures(list), dontKnow: { ...comparison, ids } };
    }),
  };
}
