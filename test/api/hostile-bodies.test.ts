import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../api/json-limits.ts';
import { createUser, signIn } from './accounts.ts';
import { post, SHORT, shortSurvey, submission, testApp, VALID_ANSWERS } from './helpers.ts';

/**
 * Bodies a hostile or broken client sends that once crashed the server or were stored wrongly:
 * JSON nested thousands of levels deep (a stack overflow, answered 500 after the draft was
 * written), `__proto__` among the answers (silently dropped, then stored), and a response id
 * re-sent in upper case (stored as a second row).
 */
let context: ReturnType<typeof testApp>;
let admin: Awaited<ReturnType<typeof signIn>>;

/** JSON text of a value nested `levels` deep in lists or objects, written by hand (JSON.stringify would overflow itself). */
const nestedList = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const nestedObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

function table(name: string): string {
  return JSON.stringify(context.db.$client.prepare(`select * from "${name}"`).all());
}
const DATA_TABLES = ['responses', 'response_values', 'survey_drafts', 'survey_versions', 'surveys', 'audit_log'];
const snapshot = () => DATA_TABLES.map(table).join('\n');

function putDraft(body: string) {
  return context.app.request('/api/surveys/field/draft', { method: 'PUT', headers: admin.headers(true), body });
}

beforeAll(async () => {
  context = testApp(undefined, 512 * 1024);
  createUser(context.db, 'admin@example.org', 'admin');
  admin = await signIn(context.app, 'admin@example.org');
  const created = await context.app.request('/api/surveys', {
    method: 'POST', headers: admin.headers(true), body: JSON.stringify({ slug: 'field', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } }),
  });
  expect(created.status).toBe(201);
});

describe('deeply nested JSON', () => {
  it.each([JSON_LIMITS.depth + 1, 5_000, 50_000])('in answers (%i levels) is refused with 422 naming where, and nothing is stored', async (levels) => {
    const before = snapshot();
    for (const nested of [nestedList(levels), nestedObject(levels)]) {
      const response = await post(context.app, SHORT, `{"id":"${crypto.randomUUID()}","language":"en","answers":{"consent":1,"trust_police":${nested}}}`);
      expect(response.status).toBe(422);
      const { error } = await response.json();
      expect(error.type).toBe('validation');
      expect(error.details[0].field).toMatch(/^answers\.trust_police(\[0\]|\.a)/);
      expect(error.details[0].issue).toContain(`more than ${JSON_LIMITS.depth} levels deep`);
    }
    expect(snapshot()).toBe(before);
  });

  it.each([JSON_LIMITS.depth + 1, 5_000, 50_000])('in a draft (%i levels) is refused with 422; the draft stays as it was and still reads', async (levels) => {
    const before = snapshot();
    for (const nested of [nestedList(levels), nestedObject(levels)]) {
      const response = await putDraft(`{"definition":{"pages":${nested}},"meta":{"languages":["en"]}}`);
      expect(response.status).toBe(422);
      expect((await response.json()).error.details[0].field).toMatch(/^definition\.pages/);
    }
    expect(snapshot()).toBe(before);
    const draft = await context.app.request('/api/surveys/field/draft', { headers: admin.headers() });
    expect(draft.status).toBe(200);
    expect((await draft.json()).problems).toEqual([]);
  });

  it('is accepted up to the limit where the questionnaire allows it (a draft is free-form JSON)', async () => {
    const deepest = nestedList(JSON_LIMITS.depth - 3); // body → definition → extra → the lists
    const response = await putDraft(`{"definition":{"pages":${JSON.stringify(shortSurvey().definition.pages)},"extra":${deepest}},"meta":${JSON.stringify(shortSurvey().meta)}}`);
    expect(response.status).toBe(200);
    expect((await response.json()).problems).toEqual([]);
  });
});

describe('long strings', () => {
  it(`over ${JSON_LIMITS.stringLength} characters, as a value or a key, are refused with 422 and nothing is stored`, async () => {
    const before = snapshot();
    const long = 'x'.repeat(JSON_LIMITS.stringLength + 1);
    for (const answers of [{ ...VALID_ANSWERS, comment: long }, { ...VALID_ANSWERS, [long]: 1 }]) {
      const response = await post(context.app, SHORT, submission({ answers }));
      expect(response.status).toBe(422);
      expect((await response.json()).error.details[0].issue).toContain(`longer than ${JSON_LIMITS.stringLength} characters`);
    }
    expect((await putDraft(JSON.stringify({ definition: { title: long, pages: [] }, meta: { languages: ['en'] } }))).status).toBe(422);
    expect(snapshot()).toBe(before);
  });
});

describe('a draft save', () => {
  it('writes the draft and its audit entry together or not at all', async () => {
    const draftBefore = table('survey_drafts');
    // The audit entry cannot be written (as on a full disk): the draft must not be written either.
    context.db.$client.exec("create temp trigger no_draft_audit before insert on audit_log when new.action = 'draft.save' begin select raise(abort, 'disk full'); end");
    try {
      const content = { definition: { ...shortSurvey().definition, title: 'Changed' }, meta: shortSurvey().meta };
      const response = await putDraft(JSON.stringify(content));
      expect(response.status).toBe(500);
      expect(Object.keys((await response.json()).error)).toEqual(['type', 'message']);
    } finally {
      context.db.$client.exec('drop trigger no_draft_audit');
    }
    expect(table('survey_drafts')).toBe(draftBefore);
  });
});

describe('reserved and unknown keys in answers', () => {
  it.each([
    ['__proto__ at the top', '{"__proto__":{"polluted":true}}', 'answers.__proto__'],
    ['__proto__ in a nested answer', '{"channels_used":{"__proto__":["phone_122"]}}', 'answers.channels_used.__proto__'],
  ])('%s is refused with 422 naming it (never dropped and stored)', async (_name, extra, field) => {
    const before = snapshot();
    const answers = JSON.stringify(VALID_ANSWERS).slice(0, -1) + ',' + extra.slice(1);
    const response = await post(context.app, SHORT, `{"id":"${crypto.randomUUID()}","language":"en","answers":${answers}}`);
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toContainEqual({ field, issue: expect.stringContaining('reserved') });
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'])('"%s" is an unknown question (422), like any other', async (key) => {
    const before = snapshot();
    const response = await post(context.app, SHORT, submission({ answers: { ...VALID_ANSWERS, [key]: 'x' } }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toEqual([{ field: key, issue: 'unknown question' }]);
    expect(snapshot()).toBe(before);
  });
});

describe('response ids', () => {
  it('are case-insensitive: the same submission re-sent with its id in upper case is a retry (200), not a second row', async () => {
    const first = submission();
    expect((await post(context.app, SHORT, first)).status).toBe(201);
    const rows = context.storedRows().length;
    const retry = await post(context.app, SHORT, { ...first, id: first.id.toUpperCase() });
    expect(retry.status).toBe(200);
    expect((await retry.json()).id).toBe(first.id);
    expect(context.storedRows()).toHaveLength(rows);
    const clash = await post(context.app, SHORT, { ...first, id: first.id.toUpperCase(), answers: { ...VALID_ANSWERS, trust_police: 3 } });
    expect(clash.status).toBe(409);
  });

  it('are stored in lower case, and found and erased in any case', async () => {
    const upper = crypto.randomUUID().toUpperCase();
    const created = await post(context.app, SHORT, submission({ id: upper }));
    expect(created.status).toBe(201);
    expect((await created.json()).id).toBe(upper.toLowerCase());
    expect(context.storedRows().map((row) => row.id)).toContain(upper.toLowerCase());
    const found = await context.app.request(`/api/surveys/${SHORT}/responses/${upper}`, { headers: admin.headers() });
    expect(found.status).toBe(200);
    expect((await found.json()).id).toBe(upper.toLowerCase());
    const erased = await context.app.request(`/api/surveys/${SHORT}/responses/${upper}`, { method: 'DELETE', headers: admin.headers(true) });
    expect(erased.status).toBe(204);
    expect(context.storedRows().map((row) => row.id)).not.toContain(upper.toLowerCase());
  });
});
