/** GET /api/surveys/:slug/quality, as api/routes/quality.ts sends it. */
export interface Flag {
  count: number;
  /** The responses behind the flag: only for admins and the survey's researchers. */
  ids?: string[];
}

export interface QualityFigures {
  interviews: number;
  perDay: { day: string; interviews: number }[];
  medianDurationSeconds: number | null;
  short: Flag;
  straightLining: Flag;
  identical: { groups: number; count: number; ids?: string[][] };
}

export interface QualityGroup extends QualityFigures {
  enumerator: { label: string; id?: number } | null;
  dontKnow: Flag & { share: number | null; othersShare: number | null; z: number | null; flagged: boolean };
}

export interface Quality {
  slug: string;
  responsesVisible: boolean;
  /** Synthetic (demo generator) responses among those the flags were computed over. */
  synthetic: number;
  thresholds: { shortFraction: number; minDurations: number; straightMinItems: number; dontKnowMinDifference: number; dontKnowMinZ: number; dontKnowMinInterviews: number; patternMinAnswered: number };
  shortThresholdSeconds: { web: number | null; enumerator: number | null };
  constructs: string[];
  patternItems: number;
  overall: QualityFigures & { dontKnowShare: number | null };
  groups: QualityGroup[];
}

/** What a group is called in the tables: the enumerator, or the web's self-completions. */
export function groupName(group: QualityGroup): string {
  return group.enumerator?.label ?? 'Web (self-completion)';
}

/** Every day with interviews, and each group's count on it (0 when none), for the per-day table. */
export function perDayRows(groups: QualityGroup[]): { day: string; counts: number[]; total: number }[] {
  const days = [...new Set(groups.flatMap((group) => group.perDay.map((entry) => entry.day)))].sort();
  return days.map((day) => {
    const counts = groups.map((group) => group.perDay.find((entry) => entry.day === day)?.interviews ?? 0);
    return { day, counts, total: counts.reduce((sum, count) => sum + count, 0) };
  });
}
