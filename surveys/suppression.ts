import type { SurveyMeta } from './types.ts';

/** The small-cell rule of public statistics that every survey gets (shared/DOMAIN.md). */
export const DEFAULT_SUPPRESSION = { minN: 30, flagBelowN: 60, flagRse: 0.3 } as const;

export interface SuppressionRule {
  minN: number;
  flagBelowN: number;
  flagRse: number;
  /** Set when the researcher lowered the defaults on purpose (`meta.suppression.lowered`): why. */
  lowered?: string;
}

/**
 * The suppression rule a survey's tables use: the default (n < 30 withheld, n < 60 or RSE ≥ 30%
 * flagged) unless the meta is stricter. Each threshold is the stricter of the two, so a meta that
 * says nothing, or a laxer number by mistake, still gets the default. Only a meta that says
 * `"lowered": "<why>"` beside its numbers is taken as it is: a researcher lowering the rule must
 * say why, and every table and report repeats it.
 * @example effectiveSuppression({ languages: ['en'] }) // → { minN: 30, flagBelowN: 60, flagRse: 0.3 }
 * @example effectiveSuppression({ languages: ['en'], suppression: { minN: 50, flagBelowN: 100, flagRse: 0.2 } }) // → the meta's
 */
export function effectiveSuppression(meta: Pick<SurveyMeta, 'suppression'>): SuppressionRule {
  const rule = meta.suppression as (SurveyMeta['suppression'] & { lowered?: unknown }) | undefined;
  if (!rule) return { ...DEFAULT_SUPPRESSION };
  if (typeof rule.lowered === 'string' && rule.lowered.trim() !== '') {
    return { minN: rule.minN, flagBelowN: rule.flagBelowN, flagRse: rule.flagRse, lowered: rule.lowered.trim() };
  }
  return {
    minN: Math.max(rule.minN, DEFAULT_SUPPRESSION.minN),
    flagBelowN: Math.max(rule.flagBelowN, DEFAULT_SUPPRESSION.flagBelowN),
    flagRse: Math.min(rule.flagRse, DEFAULT_SUPPRESSION.flagRse),
  };
}
