import type { CalibrationStep } from './calibration.ts';

/** Nonzero weight sums of one step by PSU: entries start[p] .. start[p + 1], groups ascending. */
export interface StepPsuWeights { start: Int32Array; group: Int32Array; value: Float64Array }

/** A step's sums from a dense PSU × group table (rows added in row order), its nonzero cells PSU by PSU. */
function denseStepWeights(step: CalibrationStep, psuOfRow: Int32Array, psuCount: number, rowCount: number): StepPsuWeights {
  const { groups, after, groupCount } = step;
  const table = new Float64Array(psuCount * groupCount);
  for (let row = 0; row < rowCount; row++) {
    const cell = (psuOfRow[row] as number) * groupCount + (groups[row] as number);
    table[cell] = (table[cell] as number) + (after[row] as number);
  }
  const start = new Int32Array(psuCount + 1);
  for (let cell = 0; cell < table.length; cell++) {
    const psu = Math.floor(cell / groupCount);
    if (table[cell] !== 0) start[psu + 1] = (start[psu + 1] as number) + 1;
  }
  for (let psu = 0; psu < psuCount; psu++) start[psu + 1] = (start[psu + 1] as number) + (start[psu] as number);
  const group = new Int32Array(start[psuCount] as number);
  const value = new Float64Array(group.length);
  let at = 0;
  for (let cell = 0; cell < table.length; cell++) {
    if (table[cell] === 0) continue;
    group[at] = cell % groupCount;
    value[at++] = table[cell] as number;
  }
  return { start, group, value };
}

/**
 * One step's weight sums by PSU and group. A PSU whose rows all fall in one group (the usual
 * case: PSUs nested in strata that the margins follow) is summed without a PSUs × groups table
 * (3 M cells at a million responses with wave-crossed margins); the few PSUs with rows in several
 * groups are summed by group in a map; when many are (a margin such as sex that cuts across PSUs),
 * the dense table is made. Each sum adds its rows in row order, the same in all three ways.
 */
export function stepPsuWeights(step: CalibrationStep, psuOfRow: Int32Array, psuCount: number, rowCount: number): StepPsuWeights {
  const { groups, after } = step;
  const onlyGroup = new Int32Array(psuCount).fill(-1);
  const sum = new Float64Array(psuCount);
  const several = new Uint8Array(psuCount);
  let mixed = 0;
  for (let row = 0; row < rowCount; row++) {
    const psu = psuOfRow[row] as number;
    const group = groups[row] as number;
    const seen = onlyGroup[psu] as number;
    if (seen === group) sum[psu] = (sum[psu] as number) + (after[row] as number);
    else if (seen < 0 && several[psu] === 0) {
      onlyGroup[psu] = group;
      sum[psu] = (sum[psu] as number) + (after[row] as number);
    } else if (several[psu] === 0) {
      onlyGroup[psu] = -1;
      several[psu] = 1;
      mixed++;
    }
  }
  if (mixed * 16 > psuCount) return denseStepWeights(step, psuOfRow, psuCount, rowCount);
  // The PSUs with rows in several groups: each (PSU, group) summed over its rows in row order.
  const byGroup = new Map<number, Map<number, number>>();
  if (mixed > 0) {
    for (let row = 0; row < rowCount; row++) {
      const psu = psuOfRow[row] as number;
      if (several[psu] === 0) continue;
      let sums = byGroup.get(psu);
      if (sums === undefined) byGroup.set(psu, (sums = new Map()));
      const group = groups[row] as number;
      sums.set(group, (sums.get(group) ?? 0) + (after[row] as number));
    }
  }
  const lists = new Map([...byGroup].map(([psu, sums]) => [psu, [...sums].filter(([, value]) => value !== 0).sort((a, b) => a[0] - b[0])]));
  const start = new Int32Array(psuCount + 1);
  for (let psu = 0; psu < psuCount; psu++) {
    const count = (onlyGroup[psu] as number) >= 0 ? ((sum[psu] as number) !== 0 ? 1 : 0) : (lists.get(psu)?.length ?? 0);
    start[psu + 1] = (start[psu] as number) + count;
  }
  const group = new Int32Array(start[psuCount] as number);
  const value = new Float64Array(group.length);
  let at = 0;
  for (let psu = 0; psu < psuCount; psu++) {
    const only = onlyGroup[psu] as number;
    if (only >= 0) {
      if ((sum[psu] as number) === 0) continue;
      group[at] = only;
      value[at++] = sum[psu] as number;
      continue;
    }
    for (const [found, total] of lists.get(psu) ?? []) {
      group[at] = found;
      value[at++] = total;
    }
  }
  return { start, group, value };
}
