import type { Column, DesignSpec as EngineDesign } from '../../analysis/index.ts';
import type { SurveyMeta } from '../../surveys/types.ts';
import { ApiError } from '../errors.ts';
import type { Weighting } from './analysis-input.ts';
import { roomyColumn } from '../../analysis/growable.ts';

const missing = (value: unknown) => value === null || value === undefined || (typeof value === 'number' && value !== value);

/** The engine's design weights for stored responses, and the design columns a table adds beside them. */
export interface DesignColumns {
  weights: Float64Array;
  /** Extra columns for the engine's data (the fpc with the gaps filled). */
  columns: Record<string, Column>;
  /** `design.fpc` and `design.replicates` of the engine's spec. */
  design: Pick<EngineDesign, 'fpc' | 'replicates'>;
  notes: string[];
}

/**
 * Weights, finite population correction and replicate weights of the meta's design, for the
 * engine (shared/INDICATORS.md, second edition).
 *
 * - A weight of 0 stays 0 (a row that counts for nothing, as R accepts); a response without a
 *   design weight (a self-completed web response) counts 1; a negative one is refused (422).
 * - fpc: a response without an fpc value in a stratum where no response has one (the web
 *   responses' "self-completion" stratum) gets "no correction" (an infinite population, or a
 *   fraction of 0, whichever way the column is read); one missing beside others that have it is
 *   left missing, so the engine refuses it rather than guessing.
 * - Replicate weights are used as stored. Unweighted tables (`weighting=none`) leave them out, since
 *   they carry the design weights; the variance then comes from strata and PSUs, and a note says so.
 *   Raking a replicate design is refused (its replicates would have to be raked too).
 */
export function designColumns(meta: SurveyMeta, weighting: Weighting, raking: boolean, field: (name: string) => Column | undefined, strata: Float64Array, rows: number): DesignColumns {
  const design = meta.design ?? {};
  const weights = roomyColumn(rows).fill(1); // room to grow: an updated design's rows are written after these
  const stored = weighting !== 'none' && design.weight ? field(design.weight) : undefined;
  if (stored) {
    for (let row = 0; row < rows; row++) {
      const value = stored[row];
      if (missing(value)) continue;
      const weight = Number(value);
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new ApiError(422, `A stored design weight is not zero or a positive number (${String(value)}).`, [{ field: `meta.design.weight`, issue: `"${design.weight}" holds ${String(value)}; weights must be zero or positive` }]);
      }
      weights[row] = weight;
    }
  }
  const columns: Record<string, Column> = {};
  const notes: string[] = [];
  const spec: DesignColumns['design'] = {};
  if (design.fpc) {
    const source = field(design.fpc);
    if (!source) throw new ApiError(422, 'The design\'s fpc column is not among the stored responses.', [{ field: 'meta.design.fpc', issue: `no column "${design.fpc}"` }]);
    const values = Float64Array.from({ length: rows }, (_, row) => (missing(source[row]) ? NaN : Number(source[row])));
    const stratumHasFpc = new Set<number>();
    let populations = false;
    for (let row = 0; row < rows; row++) {
      if (Number.isNaN(values[row] as number)) continue;
      stratumHasFpc.add(strata[row] as number);
      if ((values[row] as number) > 1) populations = true;
    }
    for (let row = 0; row < rows; row++) {
      if (Number.isNaN(values[row] as number) && !stratumHasFpc.has(strata[row] as number)) values[row] = populations ? Infinity : 0;
    }
    columns.__fpc = values;
    spec.fpc = '__fpc';
  }
  if (design.replicates) {
    if (raking) {
      throw new ApiError(422, 'A design with replicate weights cannot be raked here.', [{ field: 'weighting', issue: 'the replicate weights would have to be raked too; use weighting=design' }]);
    }
    if (weighting === 'none') {
      notes.push('Unweighted: the replicate weights (which carry the design weights) are not used; variances come from strata and PSUs.');
    } else {
      for (const name of design.replicates.columns) {
        if (!field(name)) throw new ApiError(422, 'A replicate weight column is not among the stored responses.', [{ field: 'meta.design.replicates.columns', issue: `no column "${name}"` }]);
      }
      // Under their own names, so the engine's messages name the stored columns.
      for (const name of design.replicates.columns) columns[name] = field(name)!;
      spec.replicates = { ...design.replicates, columns: [...design.replicates.columns] };
    }
  }
  return { weights, columns, design: spec, notes };
}
