import type { EstimateRow } from './types.ts';
import type { Prepared } from './prepared.ts';
import { crossDimensions, domainGroups } from './domains.ts';
import { domainSumsOfMany } from './domain-sums.ts';
import type { DomainSums } from './domain-sums.ts';
import { isCompletePartition, marginalSums } from './marginal-sums.ts';
import { estimateDomain } from './domain-estimate.ts';
import { estimateRow } from './estimate-row.ts';

/** Sums read off an already computed crossing with one more (complete partition) dimension in front. */
function cachedSums(prepared: Prepared, dimensionNames: readonly string[], cache: Map<string, DomainSums[]>): DomainSums[] | undefined {
  for (const [key, sums] of cache) {
    const names = key === '' ? [] : key.split('\u0000');
    if (names.length !== dimensionNames.length + 1 || names.slice(1).join('\u0000') !== dimensionNames.join('\u0000')) continue;
    const first = prepared.dimension(names[0] as string);
    if (isCompletePartition(first)) return sums.map((crossed) => marginalSums(crossed, first.labels.length));
  }
  return undefined;
}

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
export function breakdownEstimates(
  prepared: Prepared,
  dimensionNames: readonly string[],
  cache: Map<string, DomainSums[]> = new Map(),
): EstimateRow[] {
  const { spec, design, calibration } = prepared;
  const breakdown = crossDimensions(dimensionNames.map((name) => prepared.dimension(name)));
  const present = new Uint8Array(breakdown.domainCount);
  for (const layer of breakdown.layers) {
    if (layer === null) present[0] = 1;
    else for (const code of layer.codes) present[code] = 1;
  }
  const rows: EstimateRow[] = [];
  const indicators = spec.indicators ?? [];
  const allSums = cachedSums(prepared, dimensionNames, cache) ??
    domainSumsOfMany(design, calibration, indicators.map((indicator) => prepared.values.get(indicator.id) as Float64Array), breakdown);
  cache.set(dimensionNames.join('\u0000'), allSums);
  for (const [position, indicator] of indicators.entries()) {
    const sums = allSums[position] as DomainSums;
    for (let domain = 0; domain < breakdown.domainCount; domain++) {
      if (present[domain] === 0) continue;
      const result = estimateDomain(design, calibration, sums, domain);
      rows.push(estimateRow(indicator, domainGroups(breakdown, domain), result, design, spec, calibration !== null));
    }
  }
  return rows;
}
