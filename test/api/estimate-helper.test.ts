import { afterAll, describe, expect, it } from 'vitest';
import { estimatePreparedTable, prepare } from '../../analysis/index.ts';
import { EstimateHelper, estimateOnTwoThreads } from '../../api/compute/estimate-helper.ts';
import { readCsvColumns, readJson, readSpec } from '../analysis/fixtures.ts';

const helper = new EstimateHelper();
afterAll(() => helper.close());

// The compute thread makes half of a table's estimates on a second thread: the table must be the
// one a single thread makes, number for number and row for row, asked again and again.
describe('a table estimated on two threads', () => {
  for (const name of ['raked', 'second-estimators-raked', 'second-zero-weights']) {
    it(`${name}: is the table of one thread`, async () => {
      const fixture = readJson<{ data: string; spec: string }>(`${name}.expected.json`);
      const data = readCsvColumns(fixture.data);
      const spec = readSpec(fixture.spec);
      const by = ['region', 'channel'];
      const one = estimatePreparedTable(prepare(data, spec), { by });
      const prepared = prepare(data, spec);
      const answered = helper.answered;
      for (const round of [1, 2]) expect(await estimateOnTwoThreads(prepared, { by }, helper), `round ${round}`).toEqual(one);
      // Made in part by the helper, not by the fallback to one thread.
      expect(helper.answered).toBe(answered + 2);
      expect(await estimateOnTwoThreads(prepared, { by: ['channel'] }, helper)).toEqual(estimatePreparedTable(prepare(data, spec), { by: ['channel'] }));
    }, 60_000);
  }
});
