import { estimateTable } from '../../../analysis/index.ts';
import { mb } from '../exports/settings.ts';
import { fieldworkResponses, fieldworkSpec } from './generate-fieldwork.ts';

/**
 * The many-PSU case of the engine benchmark: fieldwork-shaped data (PSUs of 8 interviews, so
 * 125,000 PSUs at a million rows, 24 strata), 25 indicators, raked, by region, channel and
 * region × channel, with alpha for 5 constructs. Prints best of three and peak RSS.
 *
 * @example
 * runFieldworkCase(1_000_000);
 */
export function runFieldworkCase(rows: number): void {
  const generateStart = performance.now();
  const data = fieldworkResponses(rows);
  console.log(`[many PSUs] generated ${rows.toLocaleString('en')} responses in ${((performance.now() - generateStart) / 1000).toFixed(2)} s`);
  const rssBefore = process.memoryUsage().rss;
  const timings: number[] = [];
  let summary = '';
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const table = estimateTable(data, fieldworkSpec, { by: ['region', 'channel'] });
    timings.push((performance.now() - start) / 1000);
    summary = `${table.estimates.length} estimate rows, ${table.design.psus.toLocaleString('en')} PSUs in ${table.design.strata} strata, ` +
      `alpha for ${table.reliability.length} constructs`;
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(`[many PSUs] full table (${summary}): runs ${timings.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')}; ` +
    `best ${Math.min(...timings).toFixed(2)} s`);
  console.log(`[many PSUs] memory: RSS before the table ${mb(rssBefore)}, peak RSS of the whole process ${mb(peakRss)}`);
}
