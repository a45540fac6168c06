import type { CompareRequest, ComparisonRow } from './types.ts';
import type { Prepared } from './prepared.ts';
import type { ResolvedDimension } from './domains.ts';
import { crossDimensions, domainGroups } from './domains.ts';
import { AnalysisError } from './errors.ts';
import { domainSumsOfBreakdowns } from './domain-sums.ts';
import { rowEntries } from './row-entries.ts';
import { domainCells } from './domain-cells.ts';
import { estimateDomain, influenceVariance } from './domain-estimate.ts';
import type { Influence } from './domain-estimate.ts';
import { studentTQuantile, studentTTwoSidedP } from './distributions/student-t.ts';
import { finiteOrNull } from './estimate-row.ts';
import { suppressionFlag } from './suppression.ts';
import { rowEstimatedTypes } from './row-estimates.ts';

/**
 * The two sides of a comparison as a two-group dimension: group 0 is `a`, group 1 is `b` (or,
 * without `b`, everyone with a value of the dimension other than `a`; for a multiple-response
 * dimension, everyone who is not a member of `a`).
 *
 * @example
 * comparisonDimension(prepared, { dimension: 'wave', a: '2', b: '1' }).labels; // => ['2', '1']
 */
export function comparisonDimension(prepared: Prepared, request: CompareRequest): ResolvedDimension {
  const source = prepared.dimension(request.dimension);
  const indexA = source.labels.indexOf(request.a);
  const indexB = request.b === undefined ? -1 : source.labels.indexOf(request.b);
  if (indexA < 0) throw new AnalysisError(`compare: "${request.dimension}" has no group "${request.a}"`);
  if (request.b !== undefined && indexB < 0) throw new AnalysisError(`compare: "${request.dimension}" has no group "${request.b}"`);
  const labels = [request.a, request.b ?? `not ${request.a}`];
  const rows = prepared.design.rowCount;
  if (source.layers.length === 1) {
    const codes = source.layers[0] as Int32Array;
    const layer = new Int32Array(rows);
    for (let row = 0; row < rows; row++) {
      const code = codes[row] as number;
      layer[row] = code === indexA ? 0 : code < 0 ? -1 : indexB < 0 || code === indexB ? 1 : -1;
    }
    return { name: request.dimension, labels, layers: [layer] };
  }
  const layerA = source.layers[indexA] as Int32Array;
  const sideA = new Int32Array(rows);
  const sideB = new Int32Array(rows);
  const layerB = indexB >= 0 ? (source.layers[indexB] as Int32Array) : null;
  for (let row = 0; row < rows; row++) {
    sideA[row] = (layerA[row] as number) >= 0 ? 0 : -1;
    sideB[row] = layerB === null ? ((layerA[row] as number) >= 0 ? -1 : 1) : (layerB[row] as number) >= 0 ? 1 : -1;
  }
  return { name: request.dimension, labels, layers: [sideA, sideB] };
}

/**
 * The influence of a − b: PSU totals over the PSUs either reaches, and group sums.
 * `position` is scratch of one entry per PSU, all −1, and is left so.
 *
 * @example
 * influenceDifference(a.influence, b.influence, new Int32Array(design.psuCount).fill(-1));
 */
export function influenceDifference(a: Influence, b: Influence, position: Int32Array): Influence {
  const psus: number[] = Array.from(a.psus);
  const totals: number[] = Array.from(a.psuTotals);
  a.psus.forEach((psu, i) => (position[psu] = i));
  b.psus.forEach((psu, i) => {
    const at = position[psu] as number;
    const value = b.psuTotals[i] as number;
    if (at >= 0) totals[at] = (totals[at] as number) - value;
    else {
      psus.push(psu);
      totals.push(-value);
    }
  });
  for (const psu of a.psus) position[psu] = -1;
  const stepSums = a.stepSums.map((sumsA, s) => sumsA.map((value, g) => value - (b.stepSums[s] as Float64Array)[g]!));
  return { psus: Int32Array.from(psus), psuTotals: Float64Array.from(totals), stepSums };
}

/**
 * Differences between two groups' estimates (a − b) of every indicator, within every domain of a
 * breakdown, with the linearised standard error of the difference over the one design (so the
 * covariance of overlapping or clustered groups is accounted for), a t interval and a two-sided
 * p-value with the design's degrees of freedom.
 *
 * Why: "did trust rise between waves?", "do Facebook users trust more than non-users?", "is
 * Sarajevo different from the rest?" all need the SE of a difference, not two separate SEs.
 *
 * Reference: R `svycontrast(svyby(~y, ~wave, design, svymean, covmat = TRUE), c(-1, 1))`;
 * p-value `2 * pt(-abs(diff / se), degf(design))`.
 *
 * @example
 * compareGroups(prepared, { dimension: 'wave', a: '2', b: '1' }, ['region']);
 */
export function compareGroups(prepared: Prepared, request: CompareRequest, within: readonly string[]): ComparisonRow[] {
  const { spec, design, calibration } = prepared;
  if (design.replicates !== null) throw new AnalysisError('compare: comparisons on a replicate-weight design are not supported yet');
  // The same two sides for every breakdown a table compares within.
  const sides = prepared.derived(`compare:${JSON.stringify(request)}`, () => comparisonDimension(prepared, request));
  const breakdown = crossDimensions([...within.map((name) => prepared.dimension(name)), sides]);
  const level = spec.level ?? 0.95;
  const rows: ComparisonRow[] = [];
  const summed = [{ breakdown, cells: domainCells(design, breakdown) }];
  // Which cells each row adds to: the same for every indicator, so made once.
  const entries = rowEntries(design.rowCount, summed);
  const position = new Int32Array(design.psuCount).fill(-1);
  // Totals, ratios and quantiles are not means of cell sums: not compared here (docs/methods.md).
  for (const indicator of (spec.indicators ?? []).filter((entry) => !rowEstimatedTypes.has(entry.type))) {
    const values = prepared.values.get(indicator.id) as Float64Array;
    const sums = domainSumsOfBreakdowns(design, calibration, [values], summed, entries, undefined, [indicator.type === 'share'])[0]![0]!;
    for (let cell = 0; cell < breakdown.domainCount / 2; cell++) {
      const a = estimateDomain(design, calibration, sums, 2 * cell);
      const b = estimateDomain(design, calibration, sums, 2 * cell + 1);
      if (a.n === 0 && b.n === 0) continue;
      const groups = domainGroups(breakdown, 2 * cell);
      delete groups[request.dimension];
      const base = { indicator: indicator.id, groups, dimension: request.dimension, groupA: sides.labels[0] as string,
        groupB: sides.labels[1] as string, df: design.degf, nA: a.n, nB: b.n };
      const flagA = suppressionFlag(a.n, a.estimate, Math.sqrt(a.variance), spec.suppression);
      const flagB = suppressionFlag(b.n, b.estimate, Math.sqrt(b.variance), spec.suppression);
      if (a.n === 0 || b.n === 0 || flagA === 'suppressed' || flagB === 'suppressed') {
        rows.push({ ...base, estimateA: null, estimateB: null, difference: null, se: null, ciLow: null, ciHigh: null,
          pValue: null, flag: spec.suppression ? 'suppressed' : null });
        continue;
      }
      // Over the full design, as svyby(covmat = TRUE) stacks the influence functions.
      const variance = influenceVariance(design, calibration, influenceDifference(a.influence, b.influence, position), null);
      const difference = a.estimate - b.estimate;
      const se = Math.sqrt(variance);
      const t = studentTQuantile(1 - (1 - level) / 2, design.degf);
      rows.push({
        ...base,
        estimateA: finiteOrNull(a.estimate),
        estimateB: finiteOrNull(b.estimate),
        difference: finiteOrNull(difference),
        se: finiteOrNull(se),
        ciLow: finiteOrNull(difference - t * se),
        ciHigh: finiteOrNull(difference + t * se),
        pValue: finiteOrNull(studentTTwoSidedP(difference / se, design.degf)),
        flag: flagA ?? flagB,
      });
    }
  }
  return rows;
}
