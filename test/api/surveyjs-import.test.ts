import { describe, expect, it } from 'vitest';
import { createUser, signIn } from './accounts.ts';
import { post, testApp } from './helpers.ts';

const SLOW = { timeout: 60_000 };

/** SurveyJS JSON as another tool writes it: questions in top-level elements, camelCase and spaced names. */
const fromOtherTool = {
  title: 'Car survey',
  elements: [
    { type: 'text', name: 'fullName', title: 'Your name' },
    { type: 'radiogroup', name: 'Hot hatch', title: 'Favourite, {fullName}?', choices: ['golf', 'fiesta'], visibleIf: '{fullName} notempty' },
    { type: 'dropdown', name: 'birthYear', title: 'Born in', choicesMin: 1940, choicesMax: 2008 },
  ],
};

describe('POST /api/surveys with SurveyJS JSON from another tool', SLOW, () => {
  it('creates a draft that passes the checker, lists old → new names, and the codebook keeps the originals', async () => {
    const context = testApp([]);
    createUser(context.db, 'res@example.org', 'researcher');
    const session = await signIn(context.app, 'res@example.org');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await context.app.request(path, { method, headers: session.headers(method !== 'GET'), body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    };

    const created = await call('POST', '/api/surveys', { slug: 'cars', content: { definition: fromOtherTool, meta: { languages: ['en'] } } });
    expect(created.status).toBe(201);
    expect(created.body.renames).toEqual([
      { from: 'fullName', to: 'full_name', path: 'definition.pages[0].elements[0]' },
      { from: 'Hot hatch', to: 'hot_hatch', path: 'definition.pages[0].elements[1]' },
      { from: 'birthYear', to: 'birth_year', path: 'definition.pages[0].elements[2]' },
    ]);
    expect(created.body.draft.problems).toEqual([]);
    expect(created.body.draft.definition.pages[0].elements[1]).toMatchObject({ name: 'hot_hatch', title: 'Favourite, {full_name}?', visibleIf: '{full_name} notempty' });

    expect((await call('POST', '/api/surveys/cars/publish')).status).toBe(201);
    const answered = await post(context.app, 'cars', { id: crypto.randomUUID(), language: 'en', answers: { full_name: 'Ana', hot_hatch: 'golf', birth_year: 1990 } });
    expect(answered.status).toBe(201);

    const codebook = await call('GET', '/api/surveys/cars/exports/codebook.json');
    const entries = (codebook.body.variables ?? codebook.body) as { variable: string; originalName: string | null }[];
    expect(entries.filter((entry) => ['full_name', 'hot_hatch', 'birth_year'].includes(entry.variable)).map((entry) => [entry.variable, entry.originalName]))
      .toEqual([['full_name', 'fullName'], ['hot_hatch', 'Hot hatch'], ['birth_year', 'birthYear']]);
    const csv = await context.app.request('/api/surveys/cars/exports/codebook.csv', { headers: session.headers() });
    const lines = (await csv.text()).split(/\r?\n/);
    expect(lines[0]).toMatch(/,original_name$/);
    expect(lines.find((line) => line.startsWith('hot_hatch,'))).toMatch(/,Hot hatch$/);
  });
});
