import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instrumentJson, INSTRUMENT_PATH, SHORT_INSTRUMENT_PATH, shortInstrumentJson } from '../../data/build-instrument.ts';
import { readRegionSource, readRegions } from '../../data/regions.ts';

describe('the regions table', () => {
  const regions = readRegions();
  const total = (entity?: string) => regions.filter((region) => !entity || region.entity === entity).reduce((sum, region) => sum + region.population, 0);

  it('carries the 2013 census populations of DOMAIN.md (BHAS 2016), adding up to the entity and state totals', () => {
    expect(regions).toHaveLength(12);
    expect(total('fbih')).toBe(2_219_220);
    expect(total('republika_srpska')).toBe(1_228_423);
    expect(total('brcko')).toBe(83_516);
    expect(total()).toBe(3_531_159);
    expect(regions.find((region) => region.id === 'sarajevo')?.population).toBe(413_593);
  });

  it('says where the numbers come from and which Republika Srpska figure it uses', () => {
    const source = readRegionSource();
    expect(source.source).toMatch(/BHAS.*2013.*2016/);
    expect(source.note).toContain('1,228,423');
    expect(source.note).toContain('1,170,342');
  });

  it('gives a region outside the Federation its entity\'s id, as the region expression requires', () => {
    for (const region of regions.filter((row) => row.entity !== 'fbih')) expect(region.id).toBe(region.entity);
  });
});

describe('surveys/bih-police-trust.json', () => {
  it('is exactly what data/build-instrument.ts makes from the item bank and the regions table (run it after changing either)', () => {
    expect(readFileSync(INSTRUMENT_PATH, 'utf8')).toBe(instrumentJson());
  });

  it('offers every region of the table, and rakes to its populations', () => {
    const instrument = JSON.parse(instrumentJson());
    const regionQuestion = instrument.definition.pages[1].elements.find((element: { name: string }) => element.name === 'region');
    expect(regionQuestion.choices.map((choice: { value: string }) => choice.value)).toEqual(readRegions().map((region) => region.id));
    expect(instrument.meta.weighting.rake.region.brcko).toBe(83_516);
  });
});

describe('surveys/bih-police-trust-short.json', () => {
  it('is exactly what data/build-instrument.ts makes (run it after changing the item bank or the regions table)', () => {
    expect(readFileSync(SHORT_INSTRUMENT_PATH, 'utf8')).toBe(shortInstrumentJson());
  });

  it('opens, like the full instrument, with the information and consent page, and is offered in all five languages', () => {
    const short = JSON.parse(shortInstrumentJson());
    const full = JSON.parse(instrumentJson());
    expect(short.definition.pages[0].elements.map((element: { name: string }) => element.name)).toEqual(['consent_text', 'consent', 'age_18_plus', 'lives_in_bih']);
    expect(short.definition.completedHtmlOnCondition).toEqual(full.definition.completedHtmlOnCondition);
    expect(short.meta.languages).toEqual(['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl']);
    expect(short.definition.pages[1].elements[0].choices.map((choice: { value: string }) => choice.value)).toEqual(readRegions().map((region) => region.id));
  });
});
