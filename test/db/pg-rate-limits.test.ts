import { expect, it } from 'vitest';
import { openPostgres } from '../../api/db/pg/open.ts';
import { postgresStore } from '../../api/db/store/index.ts';
import { describePostgres, usePostgres } from './postgres.ts';

describePostgres('rate limits shared by every instance on one PostgreSQL database', () => {
  const postgres = usePostgres();
  /** A second instance: its own pool and store on the same database. */
  const secondInstance = async () => openPostgres(postgres.url, { maxConnections: 4 });

  it('counts attempts on two instances against one limit, exactly, even when they come at once', async () => {
    const other = await secondInstance();
    try {
      const first = postgresStore(postgres.db).rateLimits.limiter('test-shared', 10, 60_000);
      const second = postgresStore(other).rateLimits.limiter('test-shared', 10, 60_000);
      const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).hit('203.0.113.7')));
      expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
      // The refused ones are told to wait at most the window.
      for (const wait of waits.filter((wait) => wait > 0)) expect(wait).toBeLessThanOrEqual(60);
      // Another key has its own count; a reset on one instance frees the key on the other.
      expect(await first.hit('198.51.100.1')).toBe(0);
      await second.reset('203.0.113.7');
      expect(await first.hit('203.0.113.7')).toBe(0);
    } finally {
      await other.$client.end();
    }
  });

  it('starts a new window once the old one has passed', async () => {
    const limiter = postgresStore(postgres.db).rateLimits.limiter('test-window', 1, 100);
    expect(await limiter.hit('someone@example.org')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await limiter.hit('someone@example.org')).toBe(0);
  });

  it('keeps neither the e-mail nor the address as such, only a hash under the limit\'s name', async () => {
    await postgresStore(postgres.db).rateLimits.limiter('test-privacy', 5, 60_000).hit('private@example.org');
    const { rows } = await postgres.db.$client.query<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE 'test-privacy:%'");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toMatch(/^test-privacy:[0-9a-f]{64}$/);
    expect(JSON.stringify((await postgres.db.$client.query('SELECT * FROM rate_limits')).rows)).not.toContain('private@example.org');
  });
});
