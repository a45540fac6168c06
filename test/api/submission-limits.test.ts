import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/config.ts';
import { forEachDialect } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';
import { storedResponses } from './stored-responses.ts';

forEachDialect('anonymous submissions per client address', (ctx) => {
  it('are limited per minute (429 with Retry-After), and nothing past the limit is stored', async () => {
    const context = await ctx.testApp({ files: [shortSurvey()], limits: { submissionsPerClient: 3 } });
    const { app } = context;
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await post(app, SHORT, submission())).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const blocked = await post(app, SHORT, submission());
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await blocked.json()).error.type).toBe('rate_limited');
    expect(await storedResponses(context)).toHaveLength(3);
  });
});

describe('the anonymous submission limit', () => {
  it('is taken from SUBMISSIONS_PER_MINUTE (default 300), refusing a value that is not a positive whole number', () => {
    expect(readConfig({}).submissionsPerMinute).toBe(300);
    expect(readConfig({ SUBMISSIONS_PER_MINUTE: '5000' }).submissionsPerMinute).toBe(5000);
    expect(() => readConfig({ SUBMISSIONS_PER_MINUTE: 'lots' })).toThrow(/SUBMISSIONS_PER_MINUTE/);
    expect(() => readConfig({ SUBMISSIONS_PER_MINUTE: '0' })).toThrow(/SUBMISSIONS_PER_MINUTE/);
  });
});
