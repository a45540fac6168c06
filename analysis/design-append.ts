import type { Columns, DesignSpec, Margins } from './types.ts';
import { checkWeights, completeDesign, keepPsuFirstRows, psuFirstRows, type Design } from './design.ts';
import { dataError } from './errors.ts';
import { requireColumn, rowCount } from './columns.ts';
import { appendRows } from './growable.ts';
import { appendLabelCodes, labelOf, labelsOfCodes } from './label-append.ts';
import type { Calibration } from './weighting/calibration.ts';
import { marginCodes } from './weighting/post-stratify.ts';

/**
 * `buildDesign(data, spec)` for data whose first rows are those `previous` was built from: the
 * earlier rows' stratum and PSU codes are carried over (renumbered only if a new stratum label
 * sorts before an earlier one) and only the appended rows are looked up, instead of every row's
 * strata and cluster labels again. Equal to `buildDesign` field for field. Undefined where this
 * is not done (made afresh then): replicate weights, an fpc (a stratum's correction reads all its
 * rows), PSUs not nested (the check compares every row's stratum).
 *
 * An error in the appended rows is thrown as `buildDesign` would, or the caller builds afresh to
 * get it (prepared.ts does).
 */
export function appendDesign(previous: Design, data: Columns, spec: DesignSpec = {}): Design | undefined {
  if (previous.replicates !== null || spec.replicates !== undefined || spec.fpc !== undefined || spec.nest === false) return undefined;
  const count = rowCount(data);
  const from = previous.rowCount;
  if (count < from) return undefined;
  const weighted = spec.weight !== undefined;
  // The earlier rows' weights are theirs (the caller's promise), checked when `previous` was built.
  const weights = weighted ? checkWeights(data, spec.weight as string, previous.weighted ? from : 0) : new Float64Array(count).fill(1);
  let stratumOfRow: Int32Array;
  let stratumLabels = ['1'];
  let remap: Int32Array | null = null;
  if (spec.strata === undefined) stratumOfRow = appendRows(previous.stratumOfRow, new Int32Array(count - from));
  else {
    const strata = appendLabelCodes(previous.stratumOfRow, previous.stratumLabels, requireColumn(data, spec.strata, 'strata'));
    const missing = strata.codes.indexOf(-1, from);
    if (missing >= 0) throw dataError(spec.strata, missing, 'stratum is missing');
    ({ codes: stratumOfRow, labels: stratumLabels, remap } = strata);
  }
  const stratumOfPsuList: number[] = Array.from(previous.stratumOfPsu, remap === null ? (stratum) => stratum : (stratum) => remap![stratum] as number);
  const tail = new Int32Array(count - from);
  if (spec.cluster === undefined) {
    for (let row = from; row < count; row++) {
      tail[row - from] = row;
      stratumOfPsuList.push(stratumOfRow[row] as number);
    }
  } else {
    const cluster = requireColumn(data, spec.cluster, 'cluster');
    // The earlier PSUs of a stratum an appended row falls in, by cluster label (as buildDesign
    // tells PSUs apart), found from each PSU's first row: only those strata are looked at.
    const firstRow = psuFirstRows(previous);
    const oldStratum = new Map<number, number>();
    previous.stratumLabels.forEach((_, old) => oldStratum.set(remap === null ? old : (remap[old] as number), old));
    const byStratum = new Map<number, Map<string, number>>();
    for (let row = from; row < count; row++) {
      const label = labelOf(cluster, row);
      if (label === '') throw dataError(spec.cluster, row, 'PSU is missing');
      const stratum = stratumOfRow[row] as number;
      let codes = byStratum.get(stratum);
      if (codes === undefined) {
        byStratum.set(stratum, (codes = new Map()));
        const old = oldStratum.get(stratum);
        if (old !== undefined) {
          for (let at = previous.stratumStart[old] as number; at < (previous.stratumStart[old + 1] as number); at++) {
            const psu = previous.psusByStratum[at] as number;
            codes.set(labelOf(cluster, firstRow[psu] as number), psu);
          }
        }
      }
      let code = codes.get(label);
      if (code === undefined) {
        code = stratumOfPsuList.length;
        codes.set(label, code);
        stratumOfPsuList.push(stratum);
      }
      tail[row - from] = code;
    }
  }
  const psuOfRow = appendRows(previous.psuOfRow, tail);
  if (spec.cluster !== undefined) {
    // The first row of each new PSU (its codes follow the earlier ones, in order of first appearance).
    const added = new Int32Array(stratumOfPsuList.length - previous.psuCount);
    for (let row = count - 1; row >= from; row--) {
      const psu = psuOfRow[row] as number;
      if (psu >= previous.psuCount) added[psu - previous.psuCount] = row;
    }
    keepPsuFirstRows(psuOfRow, appendRows(psuFirstRows(previous), added));
  }
  return completeDesign(data, spec, { weights, weighted, stratumOfRow, stratumLabels, psuOfRow, stratumOfPsu: Int32Array.from(stratumOfPsuList) });
}

/**
 * Codes of each calibration margin (in the order of `margins`) for data whose first rows are
 * those `previous` was calibrated on: a margin the earlier calibration had keeps its rows' codes
 * (its steps' groups) and looks up the appended rows alone; another is coded afresh. Equal to
 * `marginCodes` of every margin.
 */
export function appendMarginCodes(previous: Calibration | null, data: Columns, margins: Margins): { codes: Int32Array; labels: string[] }[] {
  return Object.keys(margins).map((column) => {
    const step = previous?.steps.find((found) => found.column === column);
    const values = data[column];
    if (step === undefined || values === undefined || values.length < step.groups.length) return marginCodes(data, column);
    const appended = appendLabelCodes(step.groups, labelsOfCodes(step.groups, step.groupCount, values), values);
    const missing = appended.codes.indexOf(-1, step.groups.length);
    if (missing >= 0) throw dataError(column, missing, 'weighting margin value is missing');
    return { codes: appended.codes, labels: appended.labels };
  });
}
