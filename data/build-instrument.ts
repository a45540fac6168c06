import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBihPoliceTrust } from '../surveys/instruments/bih-police-trust.ts';
import { readRegionSource, readRegions } from './regions.ts';

export const INSTRUMENT_PATH = fileURLToPath(new URL('../surveys/bih-police-trust.json', import.meta.url));

/**
 * The text of surveys/bih-police-trust.json: the full instrument composed from the item bank and
 * the regions table. Run `npx tsx data/build-instrument.ts` after changing either; a test in
 * test/data/regions.test.ts fails while the committed file differs from this.
 */
export function instrumentJson(): string {
  return `${JSON.stringify(buildBihPoliceTrust(readRegions(), readRegionSource()), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(INSTRUMENT_PATH, instrumentJson());
  console.log(`wrote ${INSTRUMENT_PATH}`);
}
