/** What GET /api/surveys/:slug/progress answers. */
export interface Progress {
  slug: string;
  status: 'open' | 'closed';
  total: number;
  byRegion: { region: string; responses: number; target: number | null }[];
  byDay: { day: string; responses: number }[];
  byLanguage: { language: string; responses: number }[];
  byMode: { mode: string; responses: number }[];
  medianDurationSeconds: number | null;
  /** Synthetic (invented) records of the survey. */
  synthetic: number;
  /** Contacts by outcome: screened-out contacts are records, never interviews. */
  outcomes: { contacts: number; interviews: number; declined: number; notEligible: number; responseRate: number | null };
  completion: { started: number; completed: number; rate: number | null; notMeasured: string | null } | null;
  /** null for evaluators, who see aggregates only. */
  latest: { receivedAt: string; region: string | null; language: string; mode: string; version: number }[] | null;
}

/**
 * A duration in minutes and seconds.
 * @example formatDuration(125) // → '2 min 5 s'
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`;
}

/** A share as a whole percentage, or a dash. @example percent(0.756) // → '76%' */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
}

/** How far a region is towards its quota target (0…1 and beyond), or null without a target. */
export function quotaShare(row: { responses: number; target: number | null }): number | null {
  return row.target ? row.responses / row.target : null;
}

/** Totals over the regions that have targets: responses counted up to each target, and the targets. */
export function quotaTotals(rows: { responses: number; target: number | null }[]): { reached: number; target: number } | null {
  const withTargets = rows.filter((row) => row.target);
  if (withTargets.length === 0) return null;
  return {
    reached: withTargets.reduce((sum, row) => sum + Math.min(row.responses, row.target!), 0),
    target: withTargets.reduce((sum, row) => sum + row.target!, 0),
  };
}

/** Choice labels (English) of a question in a SurveyJS definition, by value: region codes → names. */
export function choiceLabels(definition: unknown, question: string): Map<string, string> {
  const labels = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.name === question && Array.isArray(element.choices)) {
        for (const choice of element.choices as { value?: unknown; text?: unknown }[]) {
          const text = typeof choice.text === 'string' ? choice.text : (choice.text as Record<string, string> | undefined)?.default;
          labels.set(String(choice.value ?? choice), text ?? String(choice.value ?? choice));
        }
      }
      for (const key of ['pages', 'elements']) visit(element[key]);
    }
  };
  visit(definition);
  return labels;
}
