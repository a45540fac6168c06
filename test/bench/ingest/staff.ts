import Database from 'better-sqlite3';
import { hashPassword } from '../../../api/auth/passwords.ts';

const EMAIL = 'bench-ingest@example.org';
const PASSWORD = 'bench password 1';

/** Adds the benchmarks' admin to a SQLite file (kept if already there), so a server on it (or on a copy of it) lets it sign in. */
export function addBenchAdmin(databasePath: string): void {
  const db = new Database(databasePath);
  try {
    db.prepare("INSERT INTO users (email, role, password_hash) VALUES (?, 'admin', ?) ON CONFLICT DO NOTHING").run(EMAIL, hashPassword(PASSWORD));
  } finally {
    db.close();
  }
}

/** Signs the benchmarks' admin in on a running server; the session cookie to send. */
export async function signInBenchAdmin(serverUrl: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}
