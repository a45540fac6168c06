import { describe, expect, it } from 'vitest';
import { createUser, signIn } from './accounts.ts';
import { post, SHORT, submission, testApp } from './helpers.ts';

// A submission is matched ahead of the API's middlewares and runs their checks itself (api/app.ts):
// these are the refusals a caller gets from those checks on exactly that route, with the security
// headers every other answer has, and nothing stored by a refused request.
describe('a submission passes the same checks as every other request', () => {
  const refusal = async (response: Response) => ({
    status: response.status,
    ...((await response.json()) as { error: { type: string; message: string } }).error,
    frameOptions: response.headers.get('x-frame-options'),
    contentEncoding: response.headers.get('content-encoding'),
  });

  it('a NUL character in the survey name is 404, not looked up or stored', async () => {
    const { app, storedRows } = testApp();
    for (const path of [`/api/surveys/${SHORT}%00/responses`, '/api/surveys/%00/responses']) {
      const response = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission()) });
      expect(await refusal(response), path).toEqual({ status: 404, type: 'not_found', message: 'Nothing is found at a path with a NUL character (%00) in it.', frameOptions: 'SAMEORIGIN', contentEncoding: null });
    }
    expect(storedRows()).toHaveLength(0);
  });

  it('a signed-in enumerator’s cookie without the CSRF token is 403; with it the interview is stored as theirs', async () => {
    const { app, db, storedRows } = testApp();
    const enumerator = createUser(db, 'ana@example.org', 'enumerator');
    db.$client.prepare('INSERT INTO survey_members (survey_id, user_id) SELECT id, ? FROM surveys WHERE slug = ?').run(enumerator.id, SHORT);
    const ana = await signIn(app, 'ana@example.org');
    const body = submission();
    expect(await refusal(await post(app, SHORT, body, ana.headers(false)))).toEqual({ status: 403, type: 'forbidden', message: expect.stringMatching(/X-CSRF-Token/), frameOptions: 'SAMEORIGIN', contentEncoding: null });
    expect(storedRows()).toHaveLength(0);
    expect((await post(app, SHORT, body, ana.headers(true))).status).toBe(201);
    expect(storedRows().map((row) => row.mode)).toEqual(['enumerator']);
  });

  it('an API token that is not valid is 401, whatever the client accepts; a cookie that names no session counts as anonymous', async () => {
    const { app, storedRows } = testApp();
    const refused = await post(app, SHORT, submission(), { authorization: 'Bearer not-a-token', 'accept-encoding': 'gzip' });
    expect(await refusal(refused)).toEqual({ status: 401, type: 'unauthorized', message: expect.stringMatching(/API token/), frameOptions: 'SAMEORIGIN', contentEncoding: null });
    expect(storedRows()).toHaveLength(0);
    const anonymous = await post(app, SHORT, submission(), { cookie: 'trustlens_session=gone' });
    expect(anonymous.status).toBe(201);
    expect(storedRows().map((row) => row.mode)).toEqual(['web']);
  });
});
