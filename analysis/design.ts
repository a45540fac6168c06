import type { Columns, DesignSpec, LonelyPsu } from './types.ts';
import { AnalysisError, dataError } from './errors.ts';
import { labelColumn, numericColumn, rowCount } from './columns.ts';
import { stratumFpc } from './design-fpc.ts';
import { replicateDegf, resolveReplicates } from './replicates.ts';
import type { Replicates } from './replicates.ts';
import { roomyArray, roomyCopy, shareableArray } from './growable.ts';

/** A survey design resolved to integer codes, ready for estimation. */
export interface Design {
  rowCount: number;
  /** Final weights (after any calibration). */
  weights: Float64Array;
  /** True when the data carried a weight column. */
  weighted: boolean;
  stratumOfRow: Int32Array;
  psuOfRow: Int32Array;
  stratumCount: number;
  psuCount: number;
  stratumOfPsu: Int32Array;
  /** Number of PSUs in each stratum of the full design (R's fpc$sampsize). */
  psusInStratum: Int32Array;
  /** PSU codes ordered by stratum; stratum h owns psusByStratum[stratumStart[h] .. stratumStart[h+1]). */
  psusByStratum: Int32Array;
  stratumStart: Int32Array;
  stratumLabels: string[];
  degf: number;
  lonelyPsu: LonelyPsu;
  adjustDomainLonely: boolean;
  /** Per stratum the finite population correction (N_h − n_h)/N_h; null without `design.fpc`. */
  fpc: Float64Array | null;
  /** True when some weight is 0 (such rows are left out of every n and of the degrees of freedom). */
  zeroWeights: boolean;
  /** Replicate weights: when present, every variance comes from them (strata and PSUs are not used). */
  replicates: Replicates | null;
}

export function checkWeights(data: Columns, name: string, from = 0): Float64Array {
  const weights = numericColumn(data, name, 'weight');
  // From `from` on: rows before it were checked when an earlier design was built on them (design-append.ts).
  for (let row = from; row < weights.length; row++) {
    const weight = weights[row] as number;
    if (Number.isNaN(weight)) throw dataError(name, row, 'weight is missing');
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw dataError(name, row, `weight must be zero or a positive number, got ${weight}`);
    }
  }
  return weights;
}

// Per design (keyed by its PSU codes, which a calibrated copy of the design shares), each PSU's
// first row: for a design updated for appended rows, which finds the earlier PSUs' labels from
// them (design-append.ts) without a pass over every row.
const firstRowCache = new WeakMap<Int32Array, Int32Array>();

/** Keeps each PSU's first row for the design whose PSU codes are `psuOfRow`. */
export function keepPsuFirstRows(psuOfRow: Int32Array, firstRow: Int32Array): void {
  firstRowCache.set(psuOfRow, firstRow);
}

/**
 * The first row of each PSU of `design` (kept when it was built, else found and kept).
 *
 * @example
 * const firstRow = psuFirstRows(design); // firstRow[psu] is the row where the PSU first appears
 */
export function psuFirstRows(design: Design): Int32Array {
  const { psuOfRow, psuCount, rowCount } = design;
  let firstRow = firstRowCache.get(psuOfRow);
  if (firstRow === undefined) {
    firstRow = roomyArray(Int32Array, psuCount).fill(-1);
    for (let row = 0; row < rowCount; row++) {
      const psu = psuOfRow[row] as number;
      if ((firstRow[psu] as number) < 0) firstRow[psu] = row;
    }
    firstRowCache.set(psuOfRow, firstRow);
  }
  return firstRow;
}

function requireNoMissing(codes: Int32Array, column: string, purpose: string): void {
  const row = codes.indexOf(-1);
  if (row >= 0) throw dataError(column, row, `${purpose} is missing`);
}

/**
 * Resolves the `design` block of a spec against the data: weights (equal when absent), strata
 * (one when absent) and PSUs (each row its own when absent), PSUs nested in strata.
 *
 * Why: everything downstream works on integer codes, and every check on the design (missing or
 * non-positive weights, a PSU in two strata when `nest` is false, a lonely PSU under "fail") is
 * made once, with an error naming the column and the row.
 *
 * Weights of zero are accepted, as R accepts them: such a row stays in its PSU and stratum
 * (they count for the variance's n_h), but not in the degrees of freedom.
 *
 * Reference: R `svydesign(ids = ~cluster, strata = ~strata, weights = ~weight, fpc = ~fpc, nest = TRUE)`;
 * degrees of freedom as `degf()`: PSUs minus strata among rows of nonzero weight.
 *
 * @example
 * const design = buildDesign({ w: new Float64Array([1, 2, 3]) }, { weight: 'w' });
 * design.degf; // => 2
 */
export function buildDesign(data: Columns, spec: DesignSpec = {}): Design {
  const count = rowCount(data);
  const weighted = spec.weight !== undefined;
  const weights = weighted ? checkWeights(data, spec.weight as string) : new Float64Array(count).fill(1);
  let stratumOfRow: Int32Array = new Int32Array(count);
  let stratumLabels = ['1'];
  if (spec.strata !== undefined) {
    const strata = labelColumn(data, spec.strata, 'strata');
    requireNoMissing(strata.codes, spec.strata, 'stratum');
    stratumOfRow = strata.codes;
    stratumLabels = strata.labels;
  }
  const stratumCount = stratumLabels.length;
  const psuOfRow = shareableArray(Int32Array, count);
  const stratumOfPsuList: number[] = [];
  const firstRowList: number[] = [];
  if (spec.cluster === undefined) {
    for (let row = 0; row < count; row++) {
      psuOfRow[row] = row;
      stratumOfPsuList.push(stratumOfRow[row] as number);
    }
  } else {
    const clusterName = spec.cluster;
    const nest = spec.nest ?? true;
    const { codes: clusterCodes, labels: clusterLabels } = labelColumn(data, clusterName, 'cluster');
    const firstStratum = new Int32Array(clusterLabels.length).fill(-1);
    // PSU code per (stratum, cluster label): one small map per stratum, no string keys per row.
    const codeOf: Map<number, number>[] = Array.from({ length: stratumCount }, () => new Map<number, number>());
    for (let row = 0; row < count; row++) {
      const label = clusterCodes[row] as number;
      if (label < 0) throw dataError(clusterName, row, 'PSU is missing');
      const stratum = stratumOfRow[row] as number;
      const seenIn = firstStratum[label] as number;
      if (seenIn < 0) firstStratum[label] = stratum;
      else if (!nest && seenIn !== stratum) {
        throw dataError(clusterName, row,
          `PSU "${clusterLabels[label]}" appears in strata "${stratumLabels[seenIn]}" and "${stratumLabels[stratum]}" with nest off`);
      }
      const codes = codeOf[stratum] as Map<number, number>;
      let code = codes.get(label);
      if (code === undefined) {
        code = stratumOfPsuList.length;
        codes.set(label, code);
        stratumOfPsuList.push(stratum);
        firstRowList.push(row);
      }
      psuOfRow[row] = code;
    }
    keepPsuFirstRows(psuOfRow, roomyCopy(Int32Array.from(firstRowList)));
  }
  return completeDesign(data, spec, { weights, weighted, stratumOfRow, stratumLabels, psuOfRow, stratumOfPsu: Int32Array.from(stratumOfPsuList) });
}

/** What `buildDesign` reads row by row: weights and the codes of every row's stratum and PSU. */
export interface DesignCodes {
  weights: Float64Array;
  weighted: boolean;
  stratumOfRow: Int32Array;
  stratumLabels: string[];
  psuOfRow: Int32Array;
  /** Stratum of each PSU, PSUs numbered in order of first appearance. */
  stratumOfPsu: Int32Array;
}

/** The rest of `buildDesign` from the rows' codes (also for a design updated for appended rows: design-append.ts). */
export function completeDesign(data: Columns, spec: DesignSpec, codes: DesignCodes): Design {
  const { weights, weighted, stratumOfRow, stratumLabels, psuOfRow, stratumOfPsu } = codes;
  const count = weights.length;
  const stratumCount = stratumLabels.length;
  const psusInStratum = new Int32Array(stratumCount);
  for (const stratum of stratumOfPsu) psusInStratum[stratum] = (psusInStratum[stratum] ?? 0) + 1;
  const stratumStart = new Int32Array(stratumCount + 1);
  for (let stratum = 0; stratum < stratumCount; stratum++) {
    stratumStart[stratum + 1] = (stratumStart[stratum] as number) + (psusInStratum[stratum] as number);
  }
  const psusByStratum = new Int32Array(stratumOfPsu.length);
  const fill = stratumStart.slice(0, stratumCount);
  stratumOfPsu.forEach((stratum, psu) => {
    psusByStratum[fill[stratum] as number] = psu;
    fill[stratum] = (fill[stratum] as number) + 1;
  });
  const lonelyPsu = spec.lonelyPsu ?? 'fail';
  if (lonelyPsu === 'fail') {
    const lonely = psusInStratum.indexOf(1);
    if (lonely >= 0) {
      const row = stratumOfRow.indexOf(lonely);
      throw new AnalysisError(
        `column "${spec.strata ?? '(strata)'}", row ${row + 1}: stratum "${stratumLabels[lonely]}" has only one PSU ` +
          '(set design.lonelyPsu to "adjust", "remove", "certainty" or "average")',
        { column: spec.strata, row: row + 1 },
      );
    }
  }
  const fpc = spec.fpc === undefined ? null : stratumFpc(data, spec.fpc, stratumOfRow, psusInStratum, stratumLabels);
  const replicates = spec.replicates === undefined ? null : resolveReplicates(data, spec.replicates);
  return {
    rowCount: count,
    weights,
    weighted,
    stratumOfRow,
    psuOfRow,
    stratumCount,
    psuCount: stratumOfPsu.length,
    stratumOfPsu,
    psusInStratum,
    psusByStratum,
    stratumStart,
    stratumLabels,
    degf: replicates !== null ? replicateDegf(replicates, null) : weightedDegf(weights, psuOfRow, stratumOfRow, stratumOfPsu.length, stratumCount),
    lonelyPsu,
    adjustDomainLonely: spec.adjustDomainLonely ?? false,
    fpc,
    zeroWeights: weights.includes(0),
    replicates,
  };
}

/** R's `degf()` of a design: PSUs minus strata, counting only those with a row of nonzero weight. */
function weightedDegf(weights: Float64Array, psuOfRow: Int32Array, stratumOfRow: Int32Array, psuCount: number, stratumCount: number): number {
  const psuSeen = new Uint8Array(psuCount);
  const stratumSeen = new Uint8Array(stratumCount);
  let degf = 0;
  for (let row = 0; row < weights.length; row++) {
    if (weights[row] === 0) continue;
    const psu = psuOfRow[row] as number;
    const stratum = stratumOfRow[row] as number;
    if (psuSeen[psu] === 0) { psuSeen[psu] = 1; degf++; }
    if (stratumSeen[stratum] === 0) { stratumSeen[stratum] = 1; degf--; }
  }
  return degf;
}
