import type { EstimateRow } from './types.ts';
import type { Prepared } from './prepared.ts';
import { crossDimensions, domainGroups } from './domains.ts';
import { domainSumsOfMany } from './domain-sums.ts';
import { domainCells } from './domain-cells.ts';
import { estimateDomain } from './domain-estimate.ts';
import { estimateRow } from './estimate-row.ts';

/** Indicators summed in one pass over the rows: shares the row lookups, bounds the memory of the sums. */
const indicatorsPerPass = 6;

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
  const cells = domainCells(design, breakdown);
  const present: number[] = [];
  for (let domain = 0; domain < breakdown.domainCount; domain++) {
    if ((cells.domainStart[domain + 1] as number) > (cells.domainStart[domain] as number)) present.push(domain);
  }
  const groups = present.map((domain) => domainGroups(breakdown, domain));
  const rows: EstimateRow[] = [];
  const indicators = spec.indicators ?? [];
  for (let first = 0; first < indicators.length; first += indicatorsPerPass) {
    const chunk = indicators.slice(first, first + indicatorsPerPass);
    const values = chunk.map((indicator) => prepared.values.get(indicator.id) as Float64Array);
    const allSums = domainSumsOfMany(design, calibration, values, breakdown, cells);
    chunk.forEach((indicator, position) => {
      const sums = allSums[position]!;
      present.forEach((domain, index) => {
        const result = estimateDomain(design, calibration, sums, domain);
        rows.push(estimateRow(indicator, { ...groups[index] }, result, design, spec, calibration !== null));
      });
    });
  }
  return rows;
}
