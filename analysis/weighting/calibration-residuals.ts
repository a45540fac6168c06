import type { Design } from '../design.ts';
import type { Calibration } from './calibration.ts';
import { stepPsuWeights, type StepPsuWeights } from './step-psu-weights.ts';

/**
 * What a calibration's variance needs, computed once per design. Groups of all steps are
 * numbered together: group h of step t is `groupOffset[t] + h`.
 */
export interface CalibrationProducts {
  /** cross[s][t][g * G_t + h] = Σ over rows in group g of step s and h of step t of factor_s · after_t. */
  cross: Float64Array[][];
  /**
   * The nonzero entries of `cross`, by group of all steps (g of step s is groupOffset[s] + g):
   * entries crossStart[i] .. crossStart[i + 1], with the other group crossGroup[e] (numbered
   * across steps, steps and groups in order) and value crossValue[e].
   */
  crossStart: Int32Array;
  crossGroup: Int32Array;
  crossValue: Float64Array;
  /** Every step's denominators, numbered as the groups. */
  denominators: Float64Array;
  groupOffset: Int32Array;
  groupTotal: number;
  /** Σ of weights after each step by PSU and group, sparse by PSU: entries psuStart[p] .. psuStart[p + 1]. */
  psuStart: Int32Array;
  psuGroup: Int32Array;
  psuGroupWeight: Float64Array;
  /** Per stratum, Σ over its PSUs of those weights, by group: [stratum · groupTotal + group]. */
  stratumGroupWeight: Float64Array;
  /** Per stratum, Σ over its PSUs of products of two groups' weights (g ≤ h, off-diagonal doubled). */
  stratumPairStart: Int32Array;
  pairFirst: Int32Array;
  pairSecond: Int32Array;
  pairValue: Float64Array;
}

const cache = new WeakMap<Calibration, CalibrationProducts>();

function crossProducts(calibration: Calibration, rowCount: number): Float64Array[][] {
  const { steps } = calibration;
  return steps.map((stepS) =>
    steps.map((stepT) => {
      const table = new Float64Array(stepS.groupCount * stepT.groupCount);
      for (let row = 0; row < rowCount; row++) {
        const cell = (stepS.groups[row] as number) * stepT.groupCount + (stepT.groups[row] as number);
        table[cell] = (table[cell] as number) + (stepS.factor[row] as number) * (stepT.after[row] as number);
      }
      return table;
    }),
  );
}

/**
 * The nonzero cross sums of every group, in the order the corrections' loop reads them (steps,
 * then groups): groups of one step never share a row, so most of the table is zero (and with
 * margins crossed by wave, most pairs of steps too).
 */
function sparseCross(calibration: Calibration, cross: Float64Array[][], groupOffset: Int32Array) {
  const { steps } = calibration;
  const start = new Int32Array((groupOffset[steps.length] as number) + 1);
  const group: number[] = [];
  const value: number[] = [];
  steps.forEach((step, s) => {
    for (let g = 0; g < step.groupCount; g++) {
      steps.forEach((other, t) => {
        const table = (cross[s] as Float64Array[])[t] as Float64Array;
        for (let h = 0; h < other.groupCount; h++) {
          const entry = table[g * other.groupCount + h] as number;
          if (entry === 0) continue;
          group.push((groupOffset[t] as number) + h);
          value.push(entry);
        }
      });
      start[(groupOffset[s] as number) + g + 1] = group.length;
    }
  });
  return { crossStart: start, crossGroup: Int32Array.from(group), crossValue: Float64Array.from(value) };
}

/** PSU × group weight sums of every step, kept only where a PSU has rows in the group (and they do not sum to 0). */
function psuGroupWeights(calibration: Calibration, design: Design, groupOffset: Int32Array) {
  const { psuCount, psuOfRow, rowCount } = design;
  const steps = calibration.steps.map((step) => stepPsuWeights(step, psuOfRow, psuCount, rowCount));
  // A PSU's entries: step by step, each step's groups ascending.
  const psuStart = new Int32Array(psuCount + 1);
  for (let psu = 0; psu < psuCount; psu++) {
    let count = 0;
    for (const { start } of steps) count += (start[psu + 1] as number) - (start[psu] as number);
    psuStart[psu + 1] = (psuStart[psu] as number) + count;
  }
  const psuGroup = new Int32Array(psuStart[psuCount] as number);
  const psuGroupWeight = new Float64Array(psuGroup.length);
  let at = 0;
  for (let psu = 0; psu < psuCount; psu++) {
    for (let t = 0; t < steps.length; t++) {
      const { start, group, value } = steps[t] as StepPsuWeights;
      const offset = groupOffset[t] as number;
      for (let entry = start[psu] as number; entry < (start[psu + 1] as number); entry++) {
        psuGroup[at] = offset + (group[entry] as number);
        psuGroupWeight[at++] = value[entry] as number;
      }
    }
  }
  return { psuStart, psuGroup, psuGroupWeight };
}

/**
 * Precomputes the cross sums between calibration steps and the PSU and stratum weight sums the
 * residual variance needs (once per design).
 *
 * @example
 * const products = calibrationProducts(calibration, design);
 */
export function calibrationProducts(calibration: Calibration, design: Design): CalibrationProducts {
  const cached = cache.get(calibration);
  if (cached) return cached;
  const { steps } = calibration;
  const groupOffset = new Int32Array(steps.length + 1);
  steps.forEach((step, t) => (groupOffset[t + 1] = (groupOffset[t] as number) + step.groupCount));
  const groupTotal = groupOffset[steps.length] as number;
  const { psuStart, psuGroup, psuGroupWeight } = psuGroupWeights(calibration, design, groupOffset);
  const { stratumCount, psusByStratum, stratumStart } = design;
  const stratumGroupWeight = new Float64Array(stratumCount * groupTotal);
  const square = new Float64Array(groupTotal * groupTotal);
  const stratumPairStart = new Int32Array(stratumCount + 1);
  const first: number[] = [];
  const second: number[] = [];
  const values: number[] = [];
  for (let stratum = 0; stratum < stratumCount; stratum++) {
    for (let k = stratumStart[stratum] as number; k < (stratumStart[stratum + 1] as number); k++) {
      const psu = psusByStratum[k] as number;
      for (let a = psuStart[psu] as number; a < (psuStart[psu + 1] as number); a++) {
        const g = psuGroup[a] as number;
        const wa = psuGroupWeight[a] as number;
        stratumGroupWeight[stratum * groupTotal + g] = (stratumGroupWeight[stratum * groupTotal + g] as number) + wa;
        for (let b = psuStart[psu] as number; b < (psuStart[psu + 1] as number); b++) {
          const h = psuGroup[b] as number;
          if (h < g) continue;
          const cell = g * groupTotal + h;
          square[cell] = (square[cell] as number) + (h === g ? wa * wa : 2 * wa * (psuGroupWeight[b] as number));
        }
      }
    }
    for (let cell = 0; cell < square.length; cell++) {
      if (square[cell] === 0) continue;
      first.push(Math.floor(cell / groupTotal));
      second.push(cell % groupTotal);
      values.push(square[cell] as number);
      square[cell] = 0;
    }
    stratumPairStart[stratum + 1] = first.length;
  }
  const cross = crossProducts(calibration, design.rowCount);
  const denominators = new Float64Array(groupTotal);
  steps.forEach((step, t) => denominators.set(step.denominator.subarray(0, step.groupCount), groupOffset[t] as number));
  const products = {
    cross, ...sparseCross(calibration, cross, groupOffset), denominators, groupOffset, groupTotal, psuStart, psuGroup, psuGroupWeight,
    stratumGroupWeight, stratumPairStart, pairFirst: Int32Array.from(first), pairSecond: Int32Array.from(second),
    pairValue: Float64Array.from(values),
  };
  cache.set(calibration, products);
  return products;
}

/**
 * The per-group corrections m of R's `svyrecvar` loop `x <- x - psw * m[group]` for an influence
 * variable with group sums Σ_g factor·x per step (`stepSums`), after the calibration's passes
 * (ten for raking, one for post-stratification), all steps' groups in one vector.
 *
 * @example
 * const corrections = calibrationCorrections(calibration, products, influence.stepSums);
 */
export function calibrationCorrections(calibration: Calibration, products: CalibrationProducts, stepSums: readonly Float64Array[]): Float64Array {
  const { groupOffset, groupTotal, crossStart, crossGroup, crossValue, denominators } = products;
  const all = new Float64Array(groupTotal);
  stepSums.forEach((groupSums, t) => all.set(groupSums.subarray(0, (groupOffset[t + 1] as number) - (groupOffset[t] as number)), groupOffset[t] as number));
  const sums = all.slice();
  all.fill(0);
  // Updated in place, step by step and group by group, as R's loop does. A zero cross sum
  // subtracts nothing while the corrections are finite, so only the nonzero ones are read;
  // should one not be (an empty group), the dense loop gives R's NaNs everywhere.
  for (let pass = 0; pass < calibration.passes; pass++) {
    for (let group = 0; group < groupTotal; group++) {
      let current = sums[group] as number;
      for (let entry = crossStart[group] as number; entry < (crossStart[group + 1] as number); entry++) {
        current -= (crossValue[entry] as number) * (all[crossGroup[entry] as number] as number);
      }
      all[group] = (all[group] as number) + current / (denominators[group] as number);
    }
  }
  for (let group = 0; group < groupTotal; group++) if (!Number.isFinite(all[group] as number)) return denseCorrections(calibration, products, stepSums);
  return all;
}

/** `calibrationCorrections` reading every cross sum, zeros too (0 · NaN is NaN, as in R). */
function denseCorrections(calibration: Calibration, products: CalibrationProducts, stepSums: readonly Float64Array[]): Float64Array {
  const { steps } = calibration;
  const corrections = steps.map((step) => new Float64Array(step.groupCount));
  for (let pass = 0; pass < calibration.passes; pass++) {
    steps.forEach((step, s) => {
      const sums = stepSums[s] as Float64Array;
      const correction = corrections[s] as Float64Array;
      for (let group = 0; group < step.groupCount; group++) {
        let current = sums[group] as number;
        steps.forEach((other, t) => {
          const cross = (products.cross[s] as Float64Array[])[t] as Float64Array;
          const otherCorrection = corrections[t] as Float64Array;
          const base = group * other.groupCount;
          for (let h = 0; h < other.groupCount; h++) current -= (cross[base + h] as number) * (otherCorrection[h] as number);
        });
        correction[group] = (correction[group] as number) + current / (step.denominator[group] as number);
      }
    });
  }
  const all = new Float64Array(products.groupTotal);
  corrections.forEach((correction, t) => all.set(correction, products.groupOffset[t] as number));
  return all;
}
