/**
 * The shape of a questionnaire file in `surveys/`: a SurveyJS definition plus the
 * Trustlens `meta` block (languages, design, dimensions, indicators; see shared/INDICATORS.md).
 * Question `name`s are permanent keys: answers are stored under them across versions.
 */

/** A SurveyJS JSON object. Kept loose on purpose: survey-core is the authority on its shape. */
export type SurveyDefinition = Record<string, unknown>;

/** Languages a respondent can answer in. `en` is SurveyJS's "default" locale. */
export const SUPPORTED_LANGUAGES = ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Response-level fields stored beside the answers (not questions): the sample design columns,
 * the survey wave, the interview mode and the language answered in. Meta may name them as columns.
 */
export const RESPONSE_COLUMNS = ['weight', 'stratum', 'psu', 'wave', 'mode', 'language'] as const;

export interface DesignSpec {
  weight?: string;
  strata?: string;
  cluster?: string;
  lonelyPsu?: 'fail' | 'remove' | 'adjust' | 'average' | 'certainty';
  /** First-stage finite population correction (shared/INDICATORS.md, second edition): a question or response column. */
  fpc?: string;
  /** Replicate weights stored as columns (R `svrepdesign`); every variance then comes from them. */
  replicates?: {
    columns: string[];
    type: 'BRR' | 'Fay' | 'JK1' | 'JKn' | 'bootstrap' | 'other';
    scale?: number | null;
    rscales?: number[] | number | null;
    rho?: number | null;
    mse?: boolean | null;
  };
}

export type DimensionSpec =
  | { column: string }
  | { multiple: Record<string, string> };

export interface IndicatorSpec {
  id: string;
  label?: string | Record<string, string>;
  type: 'share' | 'mean' | 'scale' | 'net' | 'total' | 'ratio' | 'quantile';
  item?: string;
  /** Ratio: the question whose total is the denominator. */
  denominator?: string;
  /** Quantile: the probability, strictly between 0 and 1. */
  quantile?: number;
  items?: string[];
  favourable?: number[];
  unfavourable?: number[];
  missing?: number[];
  reverse?: string[];
  minValid?: number;
  rescale?: { from: [number, number]; to: [number, number] };
  ci?: 'logit' | 'beta' | 'wilson' | 't';
}

/** A design-based regression (R `svyglm`): outcome and predictors name indicators or questions. */
export interface ModelSpec {
  id: string;
  label?: string | Record<string, string>;
  family: 'gaussian' | 'binomial';
  outcome: string;
  predictors: string[];
  categorical?: string[];
}

/** A programme effect as a difference in differences of one indicator. */
export interface ContrastSpec {
  id: string;
  label?: string | Record<string, string>;
  indicator: string;
  type: 'did';
  group: { dimension: string; treated: string; control: string };
  time: { dimension: string; before: string; after: string };
}

/**
 * A programme target (a logframe row): an indicator's baseline wave, the value it should reach and
 * the year by which. `direction` "decrease" marks an indicator where lower is better.
 */
export interface TargetSpec {
  indicator: string;
  baseline: string;
  target: number;
  year: number;
  direction?: 'increase' | 'decrease';
}

export interface SurveyMeta {
  /** Languages this questionnaire is fully translated into; the first is the default. */
  languages: LanguageCode[];
  design?: DesignSpec;
  dimensions?: Record<string, DimensionSpec>;
  indicators?: IndicatorSpec[];
  reliability?: { id: string; items: string[] }[];
  weighting?: { rake?: Record<string, Record<string, number>> };
  /** Stricter than the default rule (surveys/suppression.ts), or lower with `lowered: "why"`. */
  suppression?: { minN: number; flagBelowN: number; flagRse: number; lowered?: string };
  models?: ModelSpec[];
  contrasts?: ContrastSpec[];
  targets?: TargetSpec[];
  [key: string]: unknown;
}

export interface SurveyFile {
  /** URL key of the survey: `/s/<slug>`. Lower-case letters, digits and hyphens. */
  slug: string;
  definition: SurveyDefinition;
  meta: SurveyMeta;
}

/** One thing wrong with a definition, located by a JSON path such as `definition.pages[1].elements[0].name`. */
export interface Problem {
  path: string;
  message: string;
}
