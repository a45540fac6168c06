import { createApp } from '../../../api/app.ts';
import type { Db } from '../../../api/db/open.ts';
import { users } from '../../../api/db/schema.ts';
import { hashPassword } from '../../../api/auth/passwords.ts';

export { BENCH_DB, BENCH_ROWS, mb } from './settings.ts';

/** The real app on the benchmark database, and headers of a signed-in admin. */
export async function benchApp(db: Db) {
  const app = createApp({ db, config: { bodyLimitBytes: 65536, webDist: 'test/fixtures/no-web-build' } });
  db.insert(users).values({ email: 'bench@example.org', role: 'admin', passwordHash: hashPassword('bench password 1') }).onConflictDoNothing().run();
  const response = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 1' }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { app, headers: { cookie } };
}
