import { expect, it } from 'vitest';
import type { SurveyFile } from '../../surveys/types.ts';
import { forEachDialect } from './dialects.ts';
import { post, submission } from './helpers.ts';

/**
 * A household roster: one row shown from the start, whose age cell is required. A resident who
 * leaves the roster untouched has not answered a required cell, whatever anyone submitted before.
 */
const roster: SurveyFile = {
  slug: 'household-roster',
  definition: {
    pages: [{
      name: 'household',
      elements: [
        { type: 'text', name: 'town' },
        {
          type: 'matrixdynamic', name: 'members', rowCount: 1,
          columns: [{ name: 'age', cellType: 'text', inputType: 'number', isRequired: true }],
        },
      ],
    }],
  },
  meta: { languages: ['en'] },
};

forEachDialect('a verdict never depends on earlier submissions', (ctx) => {
  it('refuses the same answers on a fresh server and after another submission alike', async () => {
    const untouched = { town: 'Bihać' };
    const fresh = await ctx.testApp({ files: [roster] });
    const first = await post(fresh.app, roster.slug, submission({ answers: untouched }));
    expect(first.status).toBe(422);
    const firstIssues = (await first.json()).error.details;

    const used = await ctx.testApp({ files: [roster] });
    expect((await post(used.app, roster.slug, submission({ answers: { town: 'Tuzla', members: [{ age: 41 }, { age: 12 }] } }))).status).toBe(201);
    const second = await post(used.app, roster.slug, submission({ answers: untouched }));
    expect(second.status).toBe(422);
    expect((await second.json()).error.details).toEqual(firstIssues);
  });
});
