import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { secureHeaders as honoSecureHeaders } from 'hono/secure-headers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT, submission, testApp } from './helpers.ts';

/**
 * Every answer carries the security headers hono's secureHeaders() sets with its defaults, the
 * stored submission's 201 (made with them already in it, api/secure-headers.ts) as much as an
 * error or a read. Through a real HTTP server, since @hono/node-server writes a plain header
 * object differently from a Headers one.
 */
let server: ReturnType<typeof serve>;
let base: string;
let expected: [string, string][];

let names: Set<string>;
/** The reply's headers among those the reference sets (Headers iterates in sorted order). */
const securityPart = (headers: Headers) => [...headers].filter(([name]) => names.has(name));

beforeAll(async () => {
  const reference = new Hono().use(honoSecureHeaders()).get('/', (c) => c.json({}));
  const referenceHeaders = [...(await reference.request('/')).headers].filter(([name]) => name !== 'content-type');
  names = new Set(referenceHeaders.map(([name]) => name));
  expected = securityPart(new Headers(referenceHeaders));
  server = serve({ fetch: testApp().app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const submit = (body: unknown) => fetch(`${base}/api/surveys/${SHORT}/responses`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
});

describe('security headers', () => {
  it('are the eleven hono sets by default (the reference this app is compared with)', () => {
    expect(expected.map(([name]) => name)).toContain('x-frame-options');
    expect(expected).toHaveLength(11);
  });

  it('come with a stored submission (201), with its JSON and length, as with any other answer', async () => {
    const body = submission();
    const response = await submit(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ id: body.id, version: 1 });
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(securityPart(response.headers)).toEqual(expected);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('come with a retry (200), a refused submission (422, 400) and an unknown survey (404)', async () => {
    const body = submission();
    await submit(body);
    const replies = await Promise.all([
      submit(body),
      submit({ ...body, id: crypto.randomUUID(), answers: { trust_police: 'very' } }),
      fetch(`${base}/api/surveys/${SHORT}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      fetch(`${base}/api/surveys/no-such-survey/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission()) }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 422, 400, 404]);
    for (const reply of replies) {
      expect(securityPart(reply.headers)).toEqual(expected);
      expect((await reply.json()).error?.type ?? 'record').toBe({ 200: 'record', 422: 'validation', 400: 'bad_request', 404: 'not_found' }[reply.status]);
    }
  });

  it('come with reads and with the API\'s 404', async () => {
    const replies = await Promise.all([fetch(`${base}/api/surveys/${SHORT}`), fetch(`${base}/api/surveys`), fetch(`${base}/api/no-such-endpoint`), fetch(`${base}/api/health`)]);
    for (const reply of replies) expect(securityPart(reply.headers)).toEqual(expected);
  });
});
