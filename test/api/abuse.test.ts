import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/openapi/operations.ts';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { shortSurvey } from './helpers.ts';

/**
 * Every documented write endpoint, sent what an attacker or a broken client sends: nothing,
 * the wrong types, unknown fields, SQL and script strings in the wrong places, not-JSON, and too
 * much. Each must answer a clear 4xx in our error shape, and leave the database as it was. On both
 * databases (every endpoint listed here is served from PostgreSQL).
 */
// Room for the short questionnaire in five languages (≈ 19 KB) as a draft, and a small limit to exceed.
const LIMIT = 32 * 1024;
const INJECTIONS = ["'; DROP TABLE responses; --", '<script>alert(document.cookie)</script>', '" OR 1=1 --', '../../etc/passwd'];
const WRITES = OPERATIONS.filter((operation) => operation.method !== 'get' && operation.body);
/** Endpoints whose only field is free text: there any string is a valid answer (tested below). */
const FREE_TEXT_ONLY = new Set(['post /api/tokens']);

forEachDialect('hostile write bodies', ({ testApp }) => {
  let context: DialectApp;
  let admin: Awaited<ReturnType<typeof signIn>>;

  /** The application's tables, as the database lists them. */
  async function tableNames(): Promise<string[]> {
    const names = context.dialect === 'sqlite'
      ? (await context.rows('sqlite_master')).filter((row) => row.type === 'table').map((row) => String(row.name))
      : (await context.rows('pg_tables')).filter((row) => row.schemaname === 'public').map((row) => String(row.tablename));
    return names.sort();
  }

  /** Every row of every table but sessions (signing in adds one), in a fixed order. */
  async function snapshot(): Promise<string> {
    const tables = (await tableNames()).filter((name) => name !== 'sessions');
    const contents = [];
    for (const name of tables) contents.push([name, (await context.rows(name)).map((row) => JSON.stringify(row)).sort()]);
    return JSON.stringify(contents);
  }

  beforeAll(async () => {
    context = await testApp({ bodyLimitBytes: LIMIT });
    await createAccount(context.store, 'admin@example.org', 'admin');
    admin = await signIn(context.app, 'admin@example.org');
    const call = (method: string, path: string, body?: unknown) =>
      context.app.request(path, { method, headers: admin.headers(true), body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await call('POST', '/api/surveys', { slug: 'field', content: { definition: shortSurvey().definition, meta: shortSurvey().meta } })).status).toBe(201);
    expect((await call('POST', '/api/surveys/field/publish')).status).toBe(201);
  });

  function send(method: string, path: string, body: string) {
    const url = path.replace('{slug}', 'field').replace(/\{\w+\}/g, '1');
    return context.app.request(url, { method: method.toUpperCase(), headers: admin.headers(true), body });
  }

  async function expectRefusedUnchanged(method: string, path: string, body: string, statuses: number[]) {
    const before = await snapshot();
    const response = await send(method, path, body);
    expect(statuses, `${method} ${path} with ${body.slice(0, 80)} answered ${response.status}`).toContain(response.status);
    const payload = await response.json();
    expect(payload.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    expect(await snapshot()).toBe(before);
  }

  describe.each(WRITES)('$method $path', (operation) => {
    const properties = Object.keys((z.toJSONSchema(operation.body!, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});

    it('refuses a body that is not JSON with 400', async () => {
      await expectRefusedUnchanged(operation.method, operation.path, '{"unterminated": ', [400]);
    });

    it('refuses a body over the limit with 413', async () => {
      await expectRefusedUnchanged(operation.method, operation.path, JSON.stringify({ padding: 'x'.repeat(LIMIT * 2) }), [413]);
    });

    it('refuses an unknown field, naming it', async () => {
      const before = await snapshot();
      const response = await send(operation.method, operation.path, JSON.stringify({ isAdmin: true }));
      expect([404, 409, 422]).toContain(response.status);
      if (response.status === 422) expect(JSON.stringify((await response.json()).error.details)).toContain('isAdmin');
      expect(await snapshot()).toBe(before);
    });

    it('refuses wrong types in every field', async () => {
      for (const property of properties) {
        for (const wrong of [12345, [1, 2], { nested: true }, null]) {
          await expectRefusedUnchanged(operation.method, operation.path, JSON.stringify({ [property]: wrong }), [404, 409, 422]);
        }
      }
    });
  });

  describe.each(WRITES.filter((operation) => !FREE_TEXT_ONLY.has(`${operation.method} ${operation.path}`)))('$method $path', (operation) => {
    const properties = Object.keys((z.toJSONSchema(operation.body!, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});

    it('refuses SQL and script strings where they do not fit', async () => {
      for (const property of properties) {
        for (const injection of INJECTIONS) {
          await expectRefusedUnchanged(operation.method, operation.path, JSON.stringify({ [property]: injection }), [404, 409, 422]);
        }
      }
    });
  });

  describe('text fields that accept any text', () => {
    it('store SQL and script strings as plain text, never executing them', async () => {
      for (const injection of INJECTIONS) {
        const created = await send('post', '/api/tokens', JSON.stringify({ name: injection }));
        expect(created.status).toBe(201);
        expect((await created.json()).name).toBe(injection);
      }
      expect(await tableNames()).toContain('responses');
      expect(await context.rows('responses')).toEqual([]);
    });
  });
});
