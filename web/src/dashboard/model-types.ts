/** What GET /api/surveys/:slug/models answers (api/indicators/model-table.ts), as the dashboard reads it. */
export interface Coefficient {
  term: string;
  label: string;
  shortLabel: string;
  estimate: number | null;
  se: number | null;
  pValue: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface FittedModel {
  id: string;
  label: string;
  family: 'gaussian' | 'binomial';
  outcome: { name: string; label: string };
  n: number;
  dfResidual: number | null;
  flag: 'suppressed' | 'unreliable' | null;
  references: string[];
  error: string | null;
  coefficients: Coefficient[];
}

export interface ModelTable {
  filters: { wave: number[] | null; weighting: string; models: string[] };
  models: FittedModel[];
  suppression: { minN: number; flagBelowN: number };
  synthetic: number;
  notes: string[];
}

/** A coefficient to three decimals (they are per point of a 0-100 scale, so small); p below 0.001 as such. */
export function formatCoefficient(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

export function formatP(value: number | null): string {
  if (value === null) return '–';
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}
