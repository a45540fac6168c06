import { beforeAll, describe, expect, it } from 'vitest';
import { surveyMembers } from '../../api/db/schema.ts';
import { createUser, signIn } from './accounts.ts';
import { post, SHORT, submission, testApp } from './helpers.ts';

// An interview records its enumerator on the tablet (enumeratorId), so that it keeps them when
// another device sends it (a supervisor loading a saved file) and is never stored as a resident's
// answers when the enumerator's session has expired.
let context: ReturnType<typeof testApp>;
let ids: Record<'ana' | 'boris' | 'outsider' | 'researcher' | 'other', number>;
let sessions: Record<'ana' | 'boris' | 'researcher' | 'other', Awaited<ReturnType<typeof signIn>>>;

beforeAll(async () => {
  context = testApp();
  const user = (email: string, role: 'enumerator' | 'researcher') => createUser(context.db, email, role).id;
  ids = {
    ana: user('ana@example.org', 'enumerator'), boris: user('boris@example.org', 'enumerator'),
    outsider: user('outsider@example.org', 'enumerator'), researcher: user('researcher@example.org', 'researcher'),
    other: user('other@example.org', 'researcher'),
  };
  const surveyId = context.db.query.surveys.findFirst({ where: (surveys, { eq }) => eq(surveys.slug, SHORT) }).sync()!.id;
  for (const userId of [ids.ana, ids.boris, ids.researcher]) context.db.insert(surveyMembers).values({ surveyId, userId }).run();
  sessions = {
    ana: await signIn(context.app, 'ana@example.org'), boris: await signIn(context.app, 'boris@example.org'),
    researcher: await signIn(context.app, 'researcher@example.org'), other: await signIn(context.app, 'other@example.org'),
  };
});

const stored = (id: string) => context.storedRows().filter((row) => row.id === id);

describe('an interview that names its enumerator', () => {
  it('sent with no session (it expired offline) is refused with 401 and not stored as a resident’s', async () => {
    const body = submission({ enumeratorId: ids.ana });
    const response = await post(context.app, SHORT, body);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/Sign in again/);
    expect(stored(body.id)).toEqual([]);
  });

  it('is stored with its enumerator when they send it themselves', async () => {
    const body = submission({ enumeratorId: ids.ana });
    expect((await post(context.app, SHORT, body, sessions.ana.headers(true))).status).toBe(201);
    expect(stored(body.id)).toEqual([expect.objectContaining({ mode: 'enumerator', enumeratorId: ids.ana })]);
  });

  it('sent by a researcher of the survey from a saved file keeps its enumerator; the tablet sending it later is a retry', async () => {
    const body = submission({ enumeratorId: ids.boris });
    expect((await post(context.app, SHORT, body, sessions.researcher.headers(true))).status).toBe(201);
    expect((await post(context.app, SHORT, body, sessions.boris.headers(true))).status).toBe(200);
    expect(stored(body.id)).toEqual([expect.objectContaining({ mode: 'enumerator', enumeratorId: ids.boris })]);
  });

  it('is refused from another enumerator (403), from a researcher not on the survey (403), and for someone not assigned (422)', async () => {
    const byOther = submission({ enumeratorId: ids.ana });
    expect((await post(context.app, SHORT, byOther, sessions.boris.headers(true))).status).toBe(403);
    expect((await post(context.app, SHORT, byOther, sessions.other.headers(true))).status).toBe(403);
    const unassigned = submission({ enumeratorId: ids.outsider });
    const response = await post(context.app, SHORT, unassigned, sessions.researcher.headers(true));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toEqual([{ field: 'enumeratorId', issue: `user ${ids.outsider} is not an enumerator assigned to survey "${SHORT}"` }]);
    expect(stored(byOther.id)).toEqual([]);
    expect(stored(unassigned.id)).toEqual([]);
  });
});
