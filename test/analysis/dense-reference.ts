import type { Prepared } from '../../analysis/prepared.ts';
import { stratifiedVariance } from '../../analysis/variance.ts';

/**
 * The straightforward dense computation the sparse engine must equal: influence values row by
 * row (zero outside the domain), R's `svyrecvar` calibration loop x ← x − w_after · m[group]
 * on rows, PSU totals over every PSU of the design, then `stratifiedVariance`.
 */
export function denseVariance(prepared: Prepared, influence: Float64Array, inDomain: Uint8Array | null): number {
  const { design, calibration } = prepared;
  const x = Float64Array.from(influence);
  if (calibration !== null) {
    for (let pass = 0; pass < calibration.passes; pass++) {
      for (const step of calibration.steps) {
        const means = new Float64Array(step.groupCount);
        for (let row = 0; row < x.length; row++) {
          const group = step.groups[row] as number;
          means[group] = (means[group] as number) + (x[row] as number) * (step.factor[row] as number);
        }
        for (let group = 0; group < step.groupCount; group++) means[group] = (means[group] as number) / (step.denominator[group] as number);
        for (let row = 0; row < x.length; row++) x[row] = (x[row] as number) - (step.after[row] as number) * (means[step.groups[row] as number] as number);
      }
    }
  }
  const totals = new Float64Array(design.psuCount);
  const presence = new Float64Array(design.psuCount);
  for (let row = 0; row < x.length; row++) {
    const psu = design.psuOfRow[row] as number;
    totals[psu] = (totals[psu] as number) + (x[row] as number);
    if (inDomain !== null && inDomain[row] === 1) presence[psu] = (presence[psu] as number) + 1;
  }
  return stratifiedVariance(design, totals, 0, inDomain === null || calibration !== null ? null : presence);
}

/** Influence values w(y − ȳ)/Σw of a domain mean (rows outside the domain or missing: zero), with the domain's rows. */
export function denseInfluence(prepared: Prepared, values: Float64Array, member: (row: number) => boolean): { influence: Float64Array; inDomain: Uint8Array } {
  const { weights } = prepared.design;
  const inDomain = new Uint8Array(values.length);
  let sumWeights = 0;
  let sumValues = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (Number.isNaN(value) || !member(row)) continue;
    inDomain[row] = 1;
    sumWeights += weights[row] as number;
    sumValues += (weights[row] as number) * value;
  }
  const estimate = sumValues / sumWeights;
  const influence = new Float64Array(values.length);
  for (let row = 0; row < values.length; row++) {
    if (inDomain[row] === 1) influence[row] = ((weights[row] as number) * ((values[row] as number) - estimate)) / sumWeights;
  }
  return { influence, inDomain };
}
