import type { ContrastRow, ContrastSpec, DidCells } from './types.ts';
import type { Prepared } from './prepared.ts';
import type { Replicates } from './replicates.ts';
import { AnalysisError } from './errors.ts';
import { crossDimensions } from './domains.ts';
import { comparisonDimension, influenceDifference } from './comparisons.ts';
import { domainCells } from './domain-cells.ts';
import { rowEntries } from './row-entries.ts';
import { domainSumsOfBreakdowns } from './domain-sums.ts';
import { estimateDomain, influenceVariance } from './domain-estimate.ts';
import { domainRows, validRows } from './domain-rows.ts';
import { replicateVariance } from './replicates.ts';
import { rowEstimatedTypes } from './row-estimates.ts';
import { studentTQuantile, studentTTwoSidedP } from './distributions/student-t.ts';
import { finiteOrNull } from './estimate-row.ts';

/**
 * (treated after − treated before) − (control after − control before), in the order of the
 * crossed breakdown's domains: (treated, control) × (after, before).
 */
const contrastWeights = [1, -1, -1, 1] as const;

interface CellNumbers {
  means: number[];
  n: number[];
  variance: number;
}

const label = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/** The contrast's two sides, each as a two-group dimension, after checking the spec names what exists. */
function sides(prepared: Prepared, contrast: ContrastSpec, index: number) {
  const where = `contrasts[${index}]`;
  const parts = [
    ['group', contrast.group, 'treated', 'control'],
    ['time', contrast.time, 'after', 'before'],
  ] as const;
  return parts.map(([key, part, first, second]) => {
    if (part === null || typeof part !== 'object' || typeof part.dimension !== 'string') {
      throw new AnalysisError(`${where}.${key} must be { "dimension", "${first}", "${second}" }`);
    }
    const source = prepared.dimension(part.dimension);
    const values = [label((part as Record<string, unknown>)[first]), label((part as Record<string, unknown>)[second])];
    values.forEach((value, k) => {
      const name = k === 0 ? first : second;
      if (value === null) throw new AnalysisError(`${where}.${key}.${name} must name a group of "${part.dimension}"`);
      if (!source.labels.includes(value)) {
        throw new AnalysisError(`${where}.${key}.${name}: dimension "${part.dimension}" has no group "${value}" (it has ${source.labels.join(', ')})`);
      }
    });
    if (values[0] === values[1]) throw new AnalysisError(`${where}.${key}: "${first}" and "${second}" are the same group`);
    return comparisonDimension(prepared, { dimension: part.dimension, a: values[0] as string, b: values[1] as string });
  });
}

/** Linearised: the four domain means and the variance of the influence of their contrast over the one design. */
function linearised(prepared: Prepared, breakdown: ReturnType<typeof crossDimensions>, values: Float64Array, share: boolean): CellNumbers {
  const { design, calibration } = prepared;
  const summed = [{ breakdown, cells: domainCells(design, breakdown) }];
  const sums = domainSumsOfBreakdowns(design, calibration, [values], summed, rowEntries(design.rowCount, summed), undefined, [share])[0]![0]!;
  const cells = [0, 1, 2, 3].map((domain) => estimateDomain(design, calibration, sums, domain));
  const position = new Int32Array(design.psuCount).fill(-1);
  // As svyby(covmat = TRUE) stacks the domains' influence functions over the full design.
  const treated = influenceDifference(cells[0]!.influence, cells[1]!.influence, position);
  const control = influenceDifference(cells[2]!.influence, cells[3]!.influence, position);
  const variance = influenceVariance(design, calibration, influenceDifference(treated, control, position), null);
  return { means: cells.map((cell) => cell.estimate), n: cells.map((cell) => cell.n), variance };
}

/** Replicate weights: the contrast of the four means re-estimated with each replicate weight, as svrVar does. */
function replicated(prepared: Prepared, replicates: Replicates, breakdown: ReturnType<typeof crossDimensions>, values: Float64Array): CellNumbers {
  const lists = domainRows(breakdown, prepared.design.rowCount).map((rows) => validRows(rows, values));
  const meansWith = (weights: Float64Array): number[] =>
    lists.map((rows) => {
      let top = 0;
      let bottom = 0;
      for (const row of rows) {
        top += (weights[row] as number) * (values[row] as number);
        bottom += weights[row] as number;
      }
      return top / bottom;
    });
  const contrastOf = (means: number[]): number => means.reduce((sum, mean, k) => sum + (contrastWeights[k] as number) * mean, 0);
  const means = meansWith(prepared.design.weights);
  const thetas = Float64Array.from(replicates.weights, (weights) => contrastOf(meansWith(weights)));
  return { means, n: lists.map((rows) => rows.length), variance: replicateVariance(replicates, thetas, contrastOf(means)) };
}

/**
 * A difference-in-differences contrast of one indicator between programme (treated) and
 * comparison (control) areas across two waves: (treated after − treated before) − (control
 * after − control before) of the indicator's domain means, with its SE from the one design
 * (linearised, with the covariance of the four domains; or from the replicate weights), a t
 * interval and two-sided p-value on the design's degrees of freedom. Whole sample only, as
 * shared/INDICATORS.md's second edition defines it (a `--by` breakdown does not split it).
 *
 * Output (`comparisons` of the command line, `contrasts` of `estimateTable`):
 *   { id, indicator, type: "did", estimate, se, ciLow, ciHigh, pValue, df,
 *     means: { treatedBefore, treatedAfter, controlBefore, controlAfter },
 *     n:     { treatedBefore, … }   (rows with a valid value and a weight above 0),
 *     flag:  "suppressed" | "unreliable" | null }
 * The small-cell rule applies to the smallest of the four cells' n; a cell with no rows, or one
 * below `suppression.minN`, makes every number null.
 *
 * Why: evaluators must say whether a programme worked; the change in programme areas alone mixes
 * the programme with whatever changed everywhere, which the comparison areas' change removes.
 *
 * Reference: R `svycontrast(svyby(~y, ~interaction(group, time), design, svymean, covmat = TRUE),
 * c(1, -1, -1, 1))`, p `2 * pt(-abs(est / se), degf(design))`; equals the interaction
 * coefficient of a saturated `svyglm(y ~ group * time)` (test/fixtures/analysis/make-did.R).
 *
 * @example
 * didContrast(prepared, { id: 'programme_did', indicator: 'trust_fav', type: 'did',
 *   group: { dimension: 'programme', treated: 'yes', control: 'no' },
 *   time: { dimension: 'year', before: '2024', after: '2025' } }, 0).estimate;
 */
export function didContrast(prepared: Prepared, contrast: ContrastSpec, index: number): ContrastRow {
  const where = `contrasts[${index}]`;
  if (contrast === null || typeof contrast !== 'object') throw new AnalysisError(`${where} must be an object`);
  if (typeof contrast.id !== 'string' || contrast.id === '') throw new AnalysisError(`${where}.id must be a non-empty string`);
  if (contrast.type !== 'did') throw new AnalysisError(`${where}.type must be "did", got ${JSON.stringify(contrast.type)}`);
  const { spec, design } = prepared;
  const indicator = (spec.indicators ?? []).find((entry) => entry.id === contrast.indicator);
  if (indicator === undefined) throw new AnalysisError(`${where}.indicator: no indicator "${String(contrast.indicator)}" in the spec`);
  if (rowEstimatedTypes.has(indicator.type)) {
    throw new AnalysisError(`${where}.indicator: a did contrasts means (share, mean, scale, net), not a ${indicator.type}`);
  }
  if (contrast.group?.dimension === contrast.time?.dimension) {
    throw new AnalysisError(`${where}: group and time must be different dimensions`);
  }
  const breakdown = crossDimensions(sides(prepared, contrast, index));
  const values = prepared.values.get(indicator.id) as Float64Array;
  const numbers = design.replicates === null
    ? linearised(prepared, breakdown, values, indicator.type === 'share')
    : replicated(prepared, design.replicates, breakdown, values);
  // Before, then after, as a reader of the row expects.
  const pick = <T>(list: readonly T[]): DidCells<T> =>
    ({ treatedBefore: list[1] as T, treatedAfter: list[0] as T, controlBefore: list[3] as T, controlAfter: list[2] as T });
  const n = pick(numbers.n);
  // The small-cell rule on the smallest cell's n (a relative SE means nothing for a change near
  // 0); R's svyby would give NaN for an empty cell; a hidden cell must not leak through the contrast.
  const smallest = Math.min(...numbers.n);
  const rule = spec.suppression;
  const flag = rule === undefined ? null : smallest < rule.minN ? 'suppressed' : smallest < rule.flagBelowN ? 'unreliable' : null;
  const hidden = smallest === 0 || flag === 'suppressed';
  const estimate = numbers.means.reduce((sum, mean, k) => sum + (contrastWeights[k] as number) * mean, 0);
  const se = Math.sqrt(numbers.variance);
  const t = studentTQuantile(1 - (1 - (spec.level ?? 0.95)) / 2, design.degf);
  const shown = (value: number): number | null => (hidden ? null : finiteOrNull(value));
  // Keys in the order docs/methods.md §18 shows them.
  return {
    id: contrast.id,
    indicator: indicator.id,
    type: 'did',
    estimate: shown(estimate),
    se: shown(se),
    ciLow: shown(estimate - t * se),
    ciHigh: shown(estimate + t * se),
    pValue: shown(studentTTwoSidedP(estimate / se, design.degf)),
    df: design.degf,
    means: pick(numbers.means.map(shown)),
    n,
    flag: hidden && rule !== undefined ? 'suppressed' : flag,
  };
}
