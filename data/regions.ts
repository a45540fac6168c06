import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ENTITIES, type Entity, type RegionRow } from '../surveys/items/index.ts';

const TABLE = new URL('./regions.csv', import.meta.url);
const SOURCE = new URL('./regions.source.json', import.meta.url);

export interface RegionSource {
  source: string;
  note: string;
}

/** The regions of BiH used as strata and the region dimension, with their 2013 census population. */
export function readRegions(): RegionRow[] {
  const records = parse(readFileSync(TABLE, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((record, index) => {
    const entity = record.entity as Entity;
    const population = Number(record.population_2013);
    if (!ENTITIES.includes(entity)) throw new Error(`data/regions.csv row ${index + 2}: unknown entity "${record.entity}"`);
    if (!Number.isInteger(population) || population <= 0) throw new Error(`data/regions.csv row ${index + 2}: population must be a positive whole number`);
    return {
      id: record.id!,
      entity,
      name: { en: record.name_en!, bs: record.name_bs!, hr: record.name_hr!, 'sr-Latn': record.name_sr_latn! },
      population,
    };
  });
}

/** Where the populations in the regions table come from, and which RS figure is used. */
export function readRegionSource(): RegionSource {
  const file = JSON.parse(readFileSync(SOURCE, 'utf8')) as { population_2013: RegionSource };
  return file.population_2013;
}
