/** What GET /api/surveys/:slug/indicators answers (rows as in shared/INDICATORS.md). */
export interface EstimateRow {
  indicator: string;
  groups: Record<string, string>;
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  nEffective: number | null;
  deff: number | null;
  flag: 'suppressed' | 'unreliable' | null;
}

export interface IndicatorTable {
  survey: string;
  version: number;
  waves: number[];
  indicators: { id: string; label: string; type: 'share' | 'mean' | 'scale' | 'net' }[];
  filters: { by: string[]; wave: number[] | null; weighting: string };
  suppression: { minN: number; flagBelowN: number; flagRse: number } | null;
  design: { n: number; strata: number; psus: number; degf: number };
  estimates: EstimateRow[];
  notes: string[];
  /** Responses estimated from that have no design weight of their own (weight 1 before raking). */
  withoutDesignWeight: number;
  /** Screened-out contacts: kept as records, in no estimate. */
  screenedOut: number;
  /** Interviews left out of raked estimates (no census category of a margin variable). */
  notRaked: number;
  /** Synthetic (invented) records among the waves of the table. */
  synthetic: number;
}

/** What the evaluator has chosen. */
export interface Selection {
  slug: string;
  indicator: string;
  /** '' for the whole sample, else one dimension or 'region,channel'. */
  by: string;
  /** '' for every wave. */
  wave: string;
  weighting: 'raked' | 'design' | 'none';
}

/** The query string shared by the table, the chart and the downloads. */
export function selectionQuery(selection: Selection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ indicators: selection.indicator, weighting: selection.weighting, ...extra });
  if (selection.by) params.set('by', selection.by);
  if (selection.wave) params.set('wave', selection.wave);
  return params.toString();
}

/** Shares and net scores in percent, means and scale scores as they are. */
export function formatValue(value: number | null, type: IndicatorTable['indicators'][number]['type']): string {
  if (value === null) return '–';
  return type === 'share' || type === 'net' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
}
