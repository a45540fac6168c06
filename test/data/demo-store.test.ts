import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/open.ts';
import { responses } from '../../api/db/schema.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { findVersion } from '../../api/surveys/queries.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { storeDemoRows } from '../../data/demo/store.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';

describe('writing demo data to the database', () => {
  it('stores every row once, marked synthetic with its design columns, and adds nothing when run again', () => {
    const db = openDatabase(':memory:');
    publishSurveyFiles(db, loadSurveyFiles('surveys'));
    const survey = findVersion(db, 'bih-police-trust')!;
    const rows = generateDemo({ responses: 300, seed: 3, regions: readRegions() });
    expect(storeDemoRows(db, survey, rows)).toEqual({ inserted: 300, alreadyThere: 0 });
    expect(storeDemoRows(db, survey, rows)).toEqual({ inserted: 0, alreadyThere: 300 });
    const stored = db.select().from(responses).all();
    expect(stored).toHaveLength(300);
    expect(stored.every((row) => row.isSynthetic && row.version === survey.version)).toBe(true);
    const first = stored.find((row) => row.id === rows[0]!.id)!;
    expect(first).toMatchObject({ stratum: rows[0]!.stratum, psu: rows[0]!.psu, wave: rows[0]!.wave, language: rows[0]!.language, mode: rows[0]!.mode });
    expect(first.weight).toBeCloseTo(rows[0]!.weight, 6);
    expect(first.answers).toEqual(rows[0]!.answers);
    db.$client.close();
  });
});
