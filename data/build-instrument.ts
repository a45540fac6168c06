import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBihPoliceTrust } from '../surveys/instruments/bih-police-trust.ts';
import { buildBihPoliceTrustShort } from '../surveys/instruments/bih-police-trust-short.ts';
import { readRegionSource, readRegions } from './regions.ts';

export const INSTRUMENT_PATH = fileURLToPath(new URL('../surveys/bih-police-trust.json', import.meta.url));
export const SHORT_INSTRUMENT_PATH = fileURLToPath(new URL('../surveys/bih-police-trust-short.json', import.meta.url));

/**
 * The text of surveys/bih-police-trust.json: the full instrument composed from the item bank and
 * the regions table. Run `npx tsx data/build-instrument.ts` after changing either (it writes the
 * short questionnaire too); a test in test/data/regions.test.ts fails while a committed file differs.
 */
export function instrumentJson(): string {
  return `${JSON.stringify(buildBihPoliceTrust(readRegions(), readRegionSource()), null, 2)}\n`;
}

/** The text of surveys/bih-police-trust-short.json: the two-minute questionnaire, likewise composed. */
export function shortInstrumentJson(): string {
  return `${JSON.stringify(buildBihPoliceTrustShort(readRegions()), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(INSTRUMENT_PATH, instrumentJson());
  writeFileSync(SHORT_INSTRUMENT_PATH, shortInstrumentJson());
  console.log(`wrote ${INSTRUMENT_PATH} and ${SHORT_INSTRUMENT_PATH}`);
}
