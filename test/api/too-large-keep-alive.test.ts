import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT, submission, testApp } from './helpers.ts';

/**
 * A body over the limit is answered 413 before it is read to the end. The connection then cannot
 * carry another request; if the reply said keep-alive, the client's pool reused it and its next
 * request failed with a reset. Through a real HTTP server and Node's keep-alive agent.
 */
const LIMIT = 64 * 1024;
let server: ReturnType<typeof serve>;
let port: number;
let connections = 0;
let stored: () => unknown[];

beforeAll(async () => {
  const context = testApp(undefined, LIMIT);
  stored = context.storedRows;
  server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' });
  server.on('connection', () => connections++);
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Reply { status: number; connection: string | undefined; body: string }

/** One request on `agent`; resolves with the reply (a write error after the reply, from the unread body, is the client's to ignore). */
function request(agent: http.Agent, method: string, path: string, body?: string, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let replied = false;
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (body !== undefined && !chunked) headers['content-length'] = Buffer.byteLength(body);
    const outgoing = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (response) => {
      replied = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection, body: text }));
    });
    outgoing.on('error', (error) => {
      if (!replied) reject(error);
    });
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}

describe('a 413 reply on a keep-alive connection', () => {
  it.each([
    ['just over the limit, with Content-Length', LIMIT + 1, false],
    ['16 times the limit, with Content-Length', LIMIT * 16, false],
    ['16 times the limit, chunked (no Content-Length)', LIMIT * 16, true],
  ])('%s: says Connection: close, and the next requests on the same agent succeed', async (_name, size, chunked) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await request(agent, 'GET', '/api/health')).status).toBe(200);
      const before = connections;
      const tooLarge = await request(agent, 'POST', `/api/surveys/${SHORT}/responses`, JSON.stringify({ padding: 'x'.repeat(size) }), chunked);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.connection).toBe('close');
      expect(JSON.parse(tooLarge.body).error).toEqual({ type: 'payload_too_large', message: `The request body is larger than ${LIMIT} bytes.` });

      const rows = stored().length;
      const next = await request(agent, 'POST', `/api/surveys/${SHORT}/responses`, JSON.stringify(submission()));
      expect(next.status).toBe(201);
      expect(stored()).toHaveLength(rows + 1);
      expect((await request(agent, 'GET', '/api/health')).status).toBe(200);
      // The pool opened one fresh connection after the closed one, and kept that one alive.
      expect(connections).toBe(before + 1);
    } finally {
      agent.destroy();
    }
  });

  it('is not sent for requests within the limit: their connection stays open', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = connections;
      for (let index = 0; index < 3; index++) {
        const reply = await request(agent, 'POST', `/api/surveys/${SHORT}/responses`, JSON.stringify(submission()));
        expect(reply.status).toBe(201);
        expect(reply.connection).toBe('keep-alive');
      }
      expect(connections).toBe(before + 1);
    } finally {
      agent.destroy();
    }
  });
});
