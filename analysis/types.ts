/**
 * Shapes shared by the analysis engine: the indicator specification (shared/INDICATORS.md), the
 * columnar input data and the rows the engine returns. Kept structurally compatible with the
 * `meta` block types in surveys/types.ts, with a few optional additions real use needed.
 */

/**
 * One column of input data: numbers as a Float64Array (NaN = missing) or labels (null = missing).
 * Numbers that are all exactly float32s (answer codes, 0/1 choices) may come as a Float32Array:
 * half the memory, and each read gives the very same double (api/indicators/scan-decoder.ts).
 */
export type Column = Float64Array | Float32Array | readonly (string | number | null)[];

/** A column of numbers as stored (see Column). */
export type NumberColumn = Float64Array | Float32Array;

/** Input data: columns by name, all of the same length. */
export type Columns = Readonly<Record<string, Column>>;

export type LonelyPsu = 'fail' | 'remove' | 'adjust' | 'average' | 'certainty';

export interface DesignSpec {
  weight?: string;
  strata?: string;
  cluster?: string;
  lonelyPsu?: LonelyPsu;
  /** PSU labels are unique only within strata (R's nest=TRUE). Default true. */
  nest?: boolean;
  /** R's options(survey.adjust.domain.lonely). Default false, as in R. */
  adjustDomainLonely?: boolean;
  /** First-stage finite population correction: population PSUs per stratum (> 1) or sampling fractions (≤ 1). */
  fpc?: string;
  /** Replicate weights: all variances come from them (R `svrepdesign`). */
  replicates?: ReplicatesSpec;
}

export type ReplicateType = 'BRR' | 'Fay' | 'JK1' | 'JKn' | 'bootstrap' | 'other';

export interface ReplicatesSpec {
  /** Columns of full replicate weights (R's combined.weights = TRUE). */
  columns: string[];
  type: ReplicateType;
  scale?: number | null;
  rscales?: number[] | number | null;
  rho?: number | null;
  mse?: boolean | null;
}

export type DimensionSpec = { column: string } | { multiple: Record<string, string> };

export type IntervalMethod = 'logit' | 'beta' | 'wilson' | 't';

export interface IndicatorSpec {
  id: string;
  label?: string | Record<string, string>;
  type: 'share' | 'mean' | 'scale' | 'net' | 'total' | 'ratio' | 'quantile';
  item?: string;
  /** Ratio: the column of the denominator (R `svyratio(~item, ~denominator)`). */
  denominator?: string;
  /** Quantile: the probability, strictly between 0 and 1 (R `svyquantile(quantiles = )`). */
  quantile?: number;
  items?: string[];
  favourable?: number[];
  unfavourable?: number[];
  missing?: number[];
  reverse?: string[];
  minValid?: number;
  rescale?: { from: [number, number]; to: [number, number] };
  /** Item range [min, max] used to mirror reversed items when `rescale` is absent. */
  scale?: [number, number];
  ci?: IntervalMethod;
}

export interface ReliabilitySpec {
  id: string;
  items: string[];
  reverse?: string[];
  missing?: number[];
  /** Item range [min, max] for reversing. */
  scale?: [number, number];
  /** Dimensions to repeat alpha in (e.g. ["language", "region"]). */
  by?: string[];
}

/** Population totals by category, per margin column. */
export type Margins = Record<string, Record<string, number>>;

export interface WeightingSpec {
  rake?: Margins;
  postStratify?: Margins;
}

export interface SuppressionSpec {
  minN: number;
  flagBelowN: number;
  flagRse: number;
}

/** A design-based regression: R `svyglm(outcome ~ predictors, design, family = gaussian() | quasibinomial())`. */
export interface ModelSpec {
  id: string;
  label?: string | Record<string, string>;
  family: 'gaussian' | 'binomial';
  /** An indicator id (its per-respondent value) or a column. */
  outcome: string;
  predictors: string[];
  /** Predictors entered as treatment contrasts against their first level. */
  categorical?: string[];
}

/** Difference in differences of one indicator: (treated after − before) − (control after − before). */
export interface ContrastSpec {
  id: string;
  label?: string | Record<string, string>;
  indicator: string;
  type: 'did';
  group: { dimension: string; treated: string; control: string };
  time: { dimension: string; before: string; after: string };
}

export interface CoefficientRow {
  term: string;
  estimate: number | null;
  se: number | null;
  t: number | null;
  pValue: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ModelResult {
  id: string;
  family: ModelSpec['family'];
  n: number;
  dfResidual: number;
  coefficients: CoefficientRow[];
}

/** One number per cell of a `did` contrast. */
export interface DidCells<T> {
  treatedBefore: T;
  treatedAfter: T;
  controlBefore: T;
  controlAfter: T;
}

/**
 * A `did` contrast's row (shared/INDICATORS.md, second edition; analysis/did.ts): the difference
 * in differences with its SE, t interval and p on the design's `df`, the four domain means it
 * combines, their unweighted n, and the small-cell flag of the smallest cell. The command line
 * prints these rows among `comparisons`.
 */
export interface ContrastRow {
  id: string;
  indicator: string;
  type: 'did';
  estimate: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pValue: number | null;
  df: number;
  means: DidCells<number | null>;
  n: DidCells<number>;
  flag: 'suppressed' | 'unreliable' | null;
}

export interface AnalysisSpec {
  design?: DesignSpec;
  dimensions?: Record<string, DimensionSpec>;
  indicators?: IndicatorSpec[];
  reliability?: ReliabilitySpec[];
  weighting?: WeightingSpec;
  suppression?: SuppressionSpec;
  /** Confidence level of every interval. Default 0.95. */
  level?: number;
  /** Degrees of freedom for intervals: of the domain (svyby default, default here) or of the whole design. */
  df?: 'domain' | 'design';
  contrasts?: ContrastSpec[];
  models?: ModelSpec[];
  [key: string]: unknown;
}

/** One estimate row, exactly as shared/INDICATORS.md defines it. */
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
  /** How the interval of a share was made: its `ci`, or `beta` where a logit interval cannot exist (p = 0 or 1). */
  ciMethod?: IntervalMethod;
}

/** The difference between two groups' estimates of one indicator. */
export interface ComparisonRow {
  indicator: string;
  /** The breakdown cell the comparison is made within ({} = whole sample). */
  groups: Record<string, string>;
  dimension: string;
  groupA: string;
  groupB: string;
  estimateA: number | null;
  estimateB: number | null;
  difference: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  df: number;
  pValue: number | null;
  nA: number;
  nB: number;
  flag: 'suppressed' | 'unreliable' | null;
}

export interface ReliabilityItemRow {
  item: string;
  itemRestCorrelation: number | null;
  alphaIfDeleted: number | null;
}

export interface ReliabilityRow {
  construct: string;
  groups: Record<string, string>;
  n: number;
  alpha: number | null;
  items: ReliabilityItemRow[];
}

export interface DesignSummary {
  n: number;
  strata: number;
  psus: number;
  degf: number;
}

export interface TableResult {
  design: DesignSummary;
  estimates: EstimateRow[];
  reliability: ReliabilityRow[];
  comparisons: ComparisonRow[];
  /** `did` contrasts of the spec (the command line prints them among `comparisons`). */
  contrasts: ContrastRow[];
  models: ModelResult[];
}

/** A comparison request: `a` against `b`, or against everyone outside `a` when `b` is absent. */
export interface CompareRequest {
  dimension: string;
  a: string;
  b?: string;
}

export interface TableOptions {
  /** Dimensions to break down by; two dimensions are also crossed. */
  by?: readonly string[];
  /** Explicit breakdowns (each a list of dimensions to cross); overrides `by`. */
  breakdowns?: readonly (readonly string[])[];
  compare?: CompareRequest | readonly CompareRequest[];
}
