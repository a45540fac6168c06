import type { EstimateRow } from './types.ts';
import type { Prepared } from './prepared.ts';
import { crossDimensions, domainGroups } from './domains.ts';
import { domainSums } from './domain-sums.ts';
import { estimateDomain } from './domain-estimate.ts';
import { estimateRow } from './estimate-row.ts';

/**
 * Estimate rows of every indicator for every domain of one breakdown (the crossing of the named
 * dimensions; none = whole sample). Domains with no respondent at all are left out, as
 * `svyby(drop.empty.groups = TRUE)` does.
 *
 * Reference: R `svyby(~y, ~region + channel, design, svymean, deff = TRUE)` and
 * `svyby(~fav, ~region, design, svyciprop, vartype = "ci")`.
 *
 * @example
 * breakdownEstimates(prepared, ['region', 'channel']);
 */
export function breakdownEstimates(prepared: Prepared, dimensionNames: readonly string[]): EstimateRow[] {
  const { spec, design, calibration } = prepared;
  const breakdown = crossDimensions(dimensionNames.map((name) => prepared.dimension(name)));
  const present = new Uint8Array(breakdown.domainCount);
  for (const layer of breakdown.layers) {
    if (layer === null) present[0] = 1;
    else for (const code of layer.codes) present[code] = 1;
  }
  const rows: EstimateRow[] = [];
  for (const indicator of spec.indicators ?? []) {
    const values = prepared.values.get(indicator.id) as Float64Array;
    const sums = domainSums(design, calibration, values, breakdown);
    for (let domain = 0; domain < breakdown.domainCount; domain++) {
      if (present[domain] === 0) continue;
      const result = estimateDomain(design, calibration, sums, domain);
      rows.push(estimateRow(indicator, domainGroups(breakdown, domain), result, design, spec, calibration !== null));
    }
  }
  return rows;
}
