import { describe, expect, it } from 'vitest';
import { TrieRouter } from 'hono/router/trie-router';
import { MemoRouter } from '../../api/memo-router.ts';
import { post, SHORT, submission, testApp } from './helpers.ts';

const ROUTES: [string, string][] = [
  ['ALL', '/*'], ['ALL', '/api/*'], ['POST', '/api/surveys/:slug/responses'], ['GET', '/api/surveys/:slug'],
  ['GET', '/api/surveys/:slug/responses/:id'], ['DELETE', '/api/surveys/:slug/responses/:id'], ['GET', '/api/surveys/check'], ['ALL', '/api/*'],
];

describe('the memo router', () => {
  it('answers every (method, path) as the trie router does, first time and again, past the memo\'s size and after a route is added', () => {
    const memo = new MemoRouter<string>();
    const trie = new TrieRouter<string>();
    for (const [method, path] of ROUTES) {
      memo.add(method, path, `${method} ${path}`);
      trie.add(method, path, `${method} ${path}`);
    }
    const asked = Array.from({ length: 600 }, (_, index) => [
      ['POST', 'GET', 'DELETE'][index % 3]!,
      [`/api/surveys/s${index % 7}/responses`, `/api/surveys/s${index}/responses/r${index % 5}`, '/api/surveys/check', `/x/${index % 300}`][index % 4]!,
    ] as const);
    for (const [method, path] of [...asked, ...asked]) expect(memo.match(method, path), `${method} ${path}`).toEqual(trie.match(method, path));
    memo.add('GET', '/api/surveys/:slug/responses', 'list');
    trie.add('GET', '/api/surveys/:slug/responses', 'list');
    for (const [method, path] of asked) expect(memo.match(method, path)).toEqual(trie.match(method, path));
    expect(memo.match('GET', '/api/surveys/s1/responses')[0].map(([handler]) => handler)).toContain('list');
  });

  it('gives each survey its own slug when submissions to two surveys alternate', async () => {
    const { app, storedRows } = testApp();
    expect((await post(app, SHORT, submission())).status).toBe(201);
    const unknown = await post(app, 'no-such-survey', submission());
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('No published survey "no-such-survey".');
    expect((await post(app, SHORT, submission())).status).toBe(201);
    expect(storedRows()).toHaveLength(2);
  });
});
