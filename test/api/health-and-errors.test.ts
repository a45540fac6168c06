import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/config.ts';
import { forEachDialect } from './dialects.ts';
import { post, SHORT, submission, testApp } from './helpers.ts';

forEachDialect('the health check', (ctx) => {
  it('reports that the database is reachable', async () => {
    const { app } = await ctx.testApp();
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'reachable' });
  });

  it('answers 404 in the common shape for an unknown API path, on either database', async () => {
    const { app } = await ctx.testApp();
    const response = await app.request('/api/surveys/x/nope', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No API endpoint POST /api/surveys/x/nope.' } });
  });

  it('answers 503 when the database is gone', async () => {
    const { app, closeDatabase } = await ctx.testApp();
    await closeDatabase();
    const response = await app.request('/api/health');
    expect(response.status).toBe(503);
    expect((await response.json()).error.type).toBe('unavailable');
  });
});

describe('health and failures', () => {
  it('answers an unexpected failure with a plain 500 that shows no stack trace or SQL', async () => {
    const { app, db } = testApp();
    db.$client.exec('DROP TABLE responses');
    const originalError = console.error;
    console.error = () => {};
    const response = await post(app, SHORT, submission());
    console.error = originalError;
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.type).toBe('internal');
    expect(text).not.toMatch(/responses|SqliteError|at .*\.ts|stack/i);
  });

  it('answers 404 in the common shape for an unknown API path', async () => {
    const { app } = testApp();
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { type: 'not_found', message: 'No API endpoint GET /api/nope.' } });
  });
});

describe('configuration from the environment', () => {
  it('defaults to port 8787 and data/trustlens.db', () => {
    expect(readConfig({})).toMatchObject({ port: 8787, databasePath: 'data/trustlens.db' });
  });

  it('accepts PORT and DATABASE_URL overrides, with or without a file: prefix', () => {
    expect(readConfig({ PORT: '9000', DATABASE_URL: 'file:/var/lib/trustlens.db' })).toMatchObject({ port: 9000, databasePath: '/var/lib/trustlens.db' });
  });

  it('fails fast naming the variable at fault', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL as a PostgreSQL database, not a file', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://tl:secret@db:5432/trustlens' })).toMatchObject({ postgresUrl: 'postgres://tl:secret@db:5432/trustlens', databasePath: '' });
    expect(readConfig({ DATABASE_URL: 'postgresql://db/trustlens' })).toMatchObject({ postgresUrl: 'postgresql://db/trustlens' });
    expect(readConfig({})).toMatchObject({ postgresUrl: null });
  });
});
