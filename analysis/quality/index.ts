/** Fieldwork-quality flags (pure): see report.ts and docs/methods.md, "Fieldwork quality". */
export { fieldworkQuality } from './report.ts';
export type { GroupQuality, QualityFigures, QualityReport } from './report.ts';
export { shortInterviews } from './short-interviews.ts';
export { straightLiners, straightLinedConstructs } from './straight-lining.ts';
export { compareDontKnow, dontKnowShare } from './dont-know.ts';
export { identicalPatterns } from './identical-patterns.ts';
export { median } from './median.ts';
export { DEFAULT_THRESHOLDS } from './types.ts';
export type { QualityInterview, QualitySpec, QualityThresholds } from './types.ts';
