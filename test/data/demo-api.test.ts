import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openDatabase } from '../../api/db/open.ts';
import { publishSurveyFiles } from '../../api/surveys/publish.ts';
import { generateDemo } from '../../data/demo/generate.ts';
import { readRegions } from '../../data/regions.ts';
import { loadSurveyFiles } from '../../surveys/load.ts';

describe('the API and the full instrument', () => {
  it('stores a generated demo interview and refuses the same interview with trust in the police at 11', async () => {
    const db = openDatabase(':memory:');
    publishSurveyFiles(db, loadSurveyFiles('surveys'));
    const app = createApp({ db, config: { bodyLimitBytes: 512 * 1024, webDist: 'web/dist' } });
    const [row, other] = generateDemo({ responses: 200, seed: 5, regions: readRegions() });
    const post = (id: string, answers: Record<string, unknown>) => app.request('/api/surveys/bih-police-trust/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, answers, language: row!.language }),
    });
    expect((await post(row!.id, row!.answers)).status).toBe(201);
    const refused = await post(other!.id, { ...other!.answers, trust_police: 11 });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { details: { field: string; issue: string }[] } };
    expect(body.error.details).toEqual([{ field: 'trust_police', issue: expect.stringContaining('11 is not one of the allowed values') }]);
    db.$client.close();
  });
});
