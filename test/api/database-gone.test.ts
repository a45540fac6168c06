import { expect, it } from 'vitest';
import { forEachDialect } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';

/*
 * A database that stops answering (PostgreSQL restarted, its server unreachable, SQLite's file
 * closed) is the server's trouble, not the client's mistake and not a bug: every request that
 * needs it gets 503 with Retry-After, so a tablet keeps the interview and tries again later.
 */
forEachDialect('requests while the database is gone', (ctx) => {
  it('answer 503 with Retry-After, for a submission, a questionnaire and a sign-in', async () => {
    const { app, closeDatabase } = await ctx.testApp({ files: [shortSurvey()] });
    await closeDatabase();
    const originalError = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const replies = [
        await post(app, SHORT, submission()),
        await app.request(`/api/surveys/${SHORT}`),
        await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(12) }) }),
      ];
      for (const reply of replies) {
        expect(reply.status, logged.map(String).join(" | ")).toBe(503);
        expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
        const body = await reply.json();
        expect(body.error.type).toBe('unavailable');
        expect(body.error.message).toMatch(/database/i);
      }
    } finally {
      console.error = originalError;
    }
  });
});
