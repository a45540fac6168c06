/**
 * Trustlens analysis engine: design-based trust indicators (shares, means, scale scores, net
 * scores) by region, channel and wave, with linearised standard errors, intervals, design effects,
 * comparisons, raking and reliability, matching R's survey and psych packages. Pure: no I/O.
 */
export { estimateTable, estimatePreparedTable, breakdownsFor } from './estimate-table.ts';
export { appendPrepared, prepare, prepareDesign, releaseUncarried, withIndicators } from './prepared.ts';
export type { Prepared } from './prepared.ts';
export { buildDesign } from './design.ts';
export type { Design } from './design.ts';
export { stratifiedVariance } from './variance.ts';
export { indicatorValues } from './indicator-values.ts';
export { validValues, reverseScore, rescale, scaleScores } from './recode.ts';
export { tInterval, logitInterval, betaInterval, wilsonInterval } from './intervals.ts';
export { suppressionFlag } from './suppression.ts';
export { cronbachAlpha } from './reliability.ts';
export { calibrate } from './weighting/rake.ts';
export { postStratifyStep } from './weighting/post-stratify.ts';
export { compareGroups } from './comparisons.ts';
export { studentTQuantile, studentTTwoSidedP } from './distributions/student-t.ts';
export { betaQuantile } from './distributions/beta-quantile.ts';
export { normalQuantile } from './distributions/normal-quantile.ts';
export { incompleteBeta } from './distributions/incomplete-beta.ts';
export { logGamma, logBeta } from './distributions/log-gamma.ts';
export { AnalysisError } from './errors.ts';
export { numericColumn, numberColumn, isNumberColumn, fitsFloat32, labelColumn, rowCount } from './columns.ts';
export type * from './types.ts';
