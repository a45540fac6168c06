import type { RegionRow } from '../../surveys/items/index.ts';

/** One sampling point (primary sampling unit) with the number of interviews done there. */
export interface SamplingPoint {
  stratum: string;
  psu: string;
  interviews: number;
  /** Design weight of each interview: stratum population / interviews in the stratum. */
  weight: number;
}

/** Interviews per sampling point, as in a typical face-to-face random-route design. */
const CLUSTER_SIZE = 8;

/**
 * A stratified cluster sample for one wave: strata are the regions; each gets a minimum number of
 * interviews (so small cantons can be reported) and the rest in proportion to its 2013 population
 * (largest remainders); interviews are spread over sampling points of about eight. Design weights
 * are stratum population / interviews in the stratum, so they add up to the population.
 */
export function drawSample(regions: RegionRow[], interviews: number, wave: number): SamplingPoint[] {
  const minimum = Math.max(2, Math.min(60, Math.floor((interviews * 0.3) / regions.length)));
  if (minimum * regions.length > interviews) throw new Error(`at least ${minimum * regions.length} interviews per wave are needed for ${regions.length} regions`);
  const allocation = allocate(regions, interviews, minimum);
  return regions.flatMap((region, index) => {
    const stratumInterviews = allocation[index]!;
    const points = Math.max(2, Math.min(stratumInterviews, Math.round(stratumInterviews / CLUSTER_SIZE)));
    const weight = region.population / stratumInterviews;
    return Array.from({ length: points }, (_, point) => ({
      stratum: region.id,
      psu: `${region.id}-${wave}-${String(point + 1).padStart(3, '0')}`,
      interviews: Math.floor(stratumInterviews / points) + (point < stratumInterviews % points ? 1 : 0),
      weight,
    }));
  });
}

function allocate(regions: RegionRow[], interviews: number, minimum: number): number[] {
  const total = regions.reduce((sum, region) => sum + region.population, 0);
  const rest = interviews - minimum * regions.length;
  const shares = regions.map((region) => (rest * region.population) / total);
  const allocation = shares.map((share) => minimum + Math.floor(share));
  let left = interviews - allocation.reduce((sum, count) => sum + count, 0);
  const order = shares.map((share, index) => [share - Math.floor(share), index] as const).sort((x, y) => y[0] - x[0]);
  for (const [, index] of order) {
    if (left === 0) break;
    allocation[index]! += 1;
    left -= 1;
  }
  return allocation;
}
