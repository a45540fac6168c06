import { createApp } from '../../../api/app.ts';
import type { Db } from '../../../api/db/open.ts';
import { users } from '../../../api/db/schema.ts';
import { hashPassword } from '../../../api/auth/passwords.ts';

export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
export const BENCH_DB = process.env.BENCH_DB ?? `/tmp/trustlens-bench-${BENCH_ROWS}.db`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The real app on the benchmark database, and headers of a signed-in admin. */
export async function benchApp(db: Db) {
  const app = createApp({ db, config: { bodyLimitBytes: 65536, webDist: 'test/fixtures/no-web-build' } });
  db.insert(users).values({ email: 'bench@example.org', role: 'admin', passwordHash: hashPassword('bench password 1') }).onConflictDoNothing().run();
  const response = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 1' }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { app, headers: { cookie } };
}
